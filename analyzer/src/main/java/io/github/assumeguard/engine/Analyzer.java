package io.github.assumeguard.engine;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.InlineSuppression;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Workspace;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The engine: walks the inputs, loads each file into the model, runs every enabled rule over it,
 * applies levels and suppressions from the config, and returns a sorted {@link Report}. Files are
 * analysed in parallel; the result does not depend on the order they finish in.
 */
public final class Analyzer {

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", ".terraform",
      ".hg", ".svn");
  /** Workspaces with at least this many roles and policies are checked in parallel. */
  private static final int PARALLEL_SUBJECTS = 64;

  private final List<Rule> rules;
  private final Config config;
  private final Loader loader;
  private final RuleContext context;
  /** The enabled rules, each with the level the config gives it. */
  private final List<Enabled> enabled;
  private final List<Glob> excludes;
  /** Each suppression's path glob, compiled once. */
  private final Map<String, Glob> suppressionPaths;

  public Analyzer(List<Rule> rules, Config config, Limits limits) {
    this.rules = RuleRegistry.sorted(rules);
    this.config = config;
    this.loader = new Loader(limits);
    this.context = config.ruleContext();
    this.enabled = this.rules.stream().filter(r -> config.enabled(r.meta().id()))
        .map(r -> new Enabled(r, config.level(r.meta()))).toList();
    this.excludes = config.exclude().stream().map(Glob::of).toList();
    this.suppressionPaths = new HashMap<>();
    config.suppress().forEach(s -> s.path().ifPresent(g -> suppressionPaths.computeIfAbsent(g, Glob::of)));
  }

  /** The rules this analyzer runs (enabled ones) and knows (all). */
  public List<Rule> rules() {
    return rules;
  }

  /** One input file to analyse: its path and how to show it. */
  public record Input(Path path, String display, boolean explicit) {
  }

  /** Scans the given paths (files or directories), shown as given. */
  public Report scan(List<Path> paths) {
    List<InputError> errors = new ArrayList<>();
    List<Input> inputs = new ArrayList<>();
    for (Path p : paths) {
      collect(p, inputs, errors);
    }
    return analyse(inputs, errors);
  }

  /** Analyses the collected inputs (plus walk errors already found). */
  public Report analyse(List<Input> inputs, List<InputError> walkErrors) {
    List<FileResult> results = inputs.parallelStream().map(this::analyseFile).toList();
    List<Finding> findings = new ArrayList<>();
    List<InputError> errors = new ArrayList<>(walkErrors);
    List<Warning> warnings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int analysed = 0;
    int skipped = 0;
    for (FileResult r : results) {
      findings.addAll(r.findings());
      errors.addAll(r.errors());
      warnings.addAll(r.warnings());
      notes.addAll(r.notifications());
      if (r.recognised()) {
        analysed++;
      } else if (r.errors().isEmpty()) {
        skipped++;
      }
    }
    findings.sort(Finding.ORDER);
    errors.sort((a, b) -> a.location().compareTo(b.location()));
    warnings.sort((a, b) -> a.location().compareTo(b.location()));
    return new Report(rules, dedupe(findings), errors, warnings, notes, analysed, skipped);
  }

  private static List<Finding> dedupe(List<Finding> sorted) {
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding f : sorted) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private record FileResult(boolean recognised, List<Finding> findings, List<InputError> errors,
      List<Warning> warnings, List<String> notifications) {

    static FileResult failed(InputError error) {
      return new FileResult(false, List.of(), List.of(error), List.of(), List.of());
    }
  }

  private FileResult analyseFile(Input input) {
    Optional<Workspace> ws;
    try {
      ws = loader.load(input.path(), input.display());
    } catch (InputException e) {
      return FileResult.failed(new InputError(e.location(), e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      return FileResult.failed(new InputError(Location.ofFile(input.display()), "cannot analyse file: " + e));
    } catch (OutOfMemoryError e) {
      return FileResult.failed(new InputError(Location.ofFile(input.display()),
          "not enough memory to analyse this file; give the JVM more (JAVA_TOOL_OPTIONS=-Xmx...) or lower --max-file-size"));
    }
    if (ws.isEmpty()) {
      if (input.explicit()) {
        return FileResult.failed(new InputError(Location.ofFile(input.display()),
            "not a policy document, aws iam output, CloudFormation template or Terraform plan"));
      }
      return new FileResult(false, List.of(), List.of(), List.of(), List.of());
    }
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    check(ws.get(), findings, notes);
    List<Warning> warnings = new ArrayList<>();
    List<Finding> suppressed = suppressInline(ws.get(), findings, warnings);
    return new FileResult(true, suppressed, List.of(), warnings, notes);
  }

  /**
   * Applies the workspace's in-source suppressions; one without a reason is not honoured and is
   * reported as a warning.
   */
  List<Finding> suppressInline(Workspace ws, List<Finding> findings, List<Warning> warnings) {
    List<InlineSuppression> honoured = new ArrayList<>();
    for (InlineSuppression s : ws.suppressions()) {
      if (s.hasReason()) {
        honoured.add(s);
      } else {
        warnings.add(new Warning(s.location(), "suppression of " + s.rule()
            + s.resource().map(r -> " on " + r.id()).orElse("") + " has no reason, so it is ignored; "
            + "say why the finding is accepted"));
      }
    }
    if (honoured.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Finding result = f;
      if (!f.isSuppressed()) {
        for (InlineSuppression s : honoured) {
          if (s.covers(f.ruleId(), f.resource(), f.location())) {
            result = f.suppressed(s.reason().orElseThrow().strip());
            break;
          }
        }
      }
      out.add(result);
    }
    return out;
  }

  /** Runs every enabled rule over one workspace. */
  public List<Finding> check(Workspace ws) {
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    check(ws, findings, notes);
    findings.sort(Finding.ORDER);
    return findings;
  }

  /**
   * Runs the enabled rules over every role and policy of {@code ws}. A large workspace (a plan or
   * template with many roles) is split into its roles and policies, checked in parallel; the parts
   * are merged in their order, so the result does not depend on thread timing.
   */
  private void check(Workspace ws, List<Finding> findings, List<String> notes) {
    List<Subject> subjects = new ArrayList<>();
    ws.roles().forEach(role -> subjects.add(out -> checkRole(role, ws.file(), out)));
    ws.policies().forEach(policy -> subjects.add(out -> checkPolicy(policy, ws.file(), out)));
    ws.resourcePolicies().forEach(doc -> subjects.add(out -> checkResourcePolicy(doc, ws.file(), out)));
    Stream<Subject> stream = subjects.size() >= PARALLEL_SUBJECTS ? subjects.parallelStream() : subjects.stream();
    List<Checked> parts = stream.map(subject -> {
      Checked out = new Checked(new ArrayList<>(), new ArrayList<>());
      subject.check(out);
      return out;
    }).toList();
    for (Checked part : parts) {
      findings.addAll(part.findings());
      notes.addAll(part.notes());
    }
  }

  /** One role or policy to check, writing into {@code out}. */
  private interface Subject {
    void check(Checked out);
  }

  private record Checked(List<Finding> findings, List<String> notes) {
  }

  /** An enabled rule and its level. */
  private record Enabled(Rule rule, Level level) {
  }

  private void checkRole(Role role, String file, Checked out) {
    for (Enabled e : enabled) {
      Rule rule = e.rule();
      Stream.concat(role.trust().stream(), role.policies().stream()).forEach(doc -> run(rule, e.level(),
          doc.owner().or(role::ref), file, out, () -> rule.checkDocument(doc, context)));
      run(rule, e.level(), role.ref(), file, out, () -> rule.checkRole(role, context));
    }
  }

  private void checkPolicy(IdentityPolicy policy, String file, Checked out) {
    PolicyDocument doc = policy.document();
    for (Enabled e : enabled) {
      Rule rule = e.rule();
      run(rule, e.level(), doc.owner().or(policy::ref), file, out, () -> rule.checkDocument(doc, context));
      run(rule, e.level(), policy.ref(), file, out, () -> rule.checkPolicy(policy, context));
    }
  }

  private void checkResourcePolicy(PolicyDocument doc, String file, Checked out) {
    for (Enabled e : enabled) {
      run(e.rule(), e.level(), doc.owner(), file, out, () -> e.rule().checkDocument(doc, context));
    }
  }

  private void run(Rule rule, Level level, Optional<ResourceRef> resource, String file, Checked out,
      Supplier<Stream<Finding>> body) {
    try {
      body.get().forEach(f -> out.findings().add(suppress(f.atLevel(level).in(f.resource().or(() -> resource)))));
    } catch (RuntimeException | StackOverflowError e) {
      out.notes().add("rule " + rule.meta().id() + " failed on " + file + ": " + e
          + "; its findings for this file are missing");
    }
  }

  private Finding suppress(Finding f) {
    for (Config.Suppression s : config.suppress()) {
      if (!s.rule().equals("*") && !s.rule().equalsIgnoreCase(f.ruleId())) {
        continue;
      }
      if (s.path().isPresent() && !suppressionPaths.get(s.path().get()).matches(Path.of(f.location().file()))) {
        continue;
      }
      if (s.resource().isPresent() && !f.resource().map(r -> r.id().equals(s.resource().get())).orElse(false)) {
        continue;
      }
      return f.suppressed(s.reason());
    }
    return f;
  }

  private boolean excluded(Path display) {
    return excludes.stream().anyMatch(g -> g.matches(display));
  }

  /** Expands {@code root} into inputs: itself when a file, its candidate files when a directory. */
  public void collect(Path root, List<Input> inputs, List<InputError> errors) {
    String shown = root.toString();
    if (!Files.exists(root)) {
      errors.add(new InputError(Location.ofFile(shown), "no such file or directory"));
      return;
    }
    if (!Files.isDirectory(root)) {
      if (!Files.isReadable(root)) {
        errors.add(new InputError(Location.ofFile(shown), "cannot read file: permission denied"));
        return;
      }
      inputs.add(new Input(root, shown, true));
      return;
    }
    List<Input> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          Path name = dir.getFileName();
          if (!dir.equals(root) && name != null && SKIPPED_DIRECTORIES.contains(name.toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (!dir.equals(root) && excluded(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if ((attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file)))
              && Loader.isCandidate(file) && !excluded(file)) {
            if (!Files.isReadable(file)) {
              errors.add(new InputError(Location.ofFile(file.toString()), "cannot read file: permission denied"));
            } else {
              found.add(new Input(file, file.toString(), false));
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          errors.add(new InputError(Location.ofFile(file.toString()), "cannot read: " + e.getClass().getSimpleName()
              .replace("Exception", "") + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      errors.add(new InputError(Location.ofFile(shown), "cannot walk directory: " + e.getMessage()));
    }
    found.sort((a, b) -> a.display().compareTo(b.display()));
    inputs.addAll(found);
  }
}
