package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.SourceText;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.InlineSuppression;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Terraform source ({@code .tf}, HCL native syntax): roles and policies before any plan exists.
 *
 * <p>A Terraform module is a directory, so the loader reads every {@code .tf} file of the
 * directory of the file it is asked for (once per directory: the modules of one scan are kept in a
 * small cache owned by this instance) and resolves references between them. A file's workspace
 * holds the roles and policies with an element written in that file; findings point at the file
 * and line where each element is written, and a scan of the whole directory reports each of them
 * once. A child module reached through a local {@code source} from a module in a directory above
 * (within the path as given) gets its address, {@code module.NAME.}, in front of its resources.
 */
public final class TerraformSource {

  private static final int MAX_MODULES = 64;
  private static final int MAX_FILES_PER_MODULE = 2000;
  private static final int ANCESTOR_LEVELS = 4;
  private static final int MAX_SUPPRESSIONS = 1000;
  private static final Pattern IGNORE = Pattern.compile(
      "^(?:#|//|/\\*)\\s*assumeguard:ignore(?:\\s+([^\\s*]+|\\*))?(.*?)(?:\\*/)?\\s*$", Pattern.DOTALL);

  private final Limits limits;
  private final Map<Path, CompletableFuture<Module>> modules = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, CompletableFuture<Module>> eldest) {
      return size() > MAX_MODULES;
    }
  };
  private final Map<Path, CompletableFuture<IamModel>> models = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, CompletableFuture<IamModel>> eldest) {
      return size() > MAX_MODULES;
    }
  };

  public TerraformSource(Limits limits) {
    this.limits = limits;
  }

  /**
   * The roles and policies written in one {@code .tf} file (its directory's other files are read
   * to resolve references). A file that does not parse is an input error at its line and column.
   */
  public Optional<Workspace> load(Path path, String display, String text) {
    Path file = path.toAbsolutePath().normalize();
    Module module = module(file.getParent(), displayDir(display), Optional.of(new Given(file, display, text)));
    Module.FileEntry entry = module.entry(file).orElseThrow(() ->
        new InputException(Location.ofFile(display), "cannot read file as part of its module"));
    if (entry.error().isPresent()) {
      throw entry.error().get();
    }
    address(module, 0);
    IamModel model = model(module);
    String shown = entry.display();
    List<Role> roles = model.roles.stream().filter(r -> r.files().contains(shown)).map(IamModel.RoleItem::role)
        .toList();
    List<IdentityPolicy> policies = model.policies.stream().filter(p -> p.files().contains(shown))
        .map(IamModel.PolicyItem::policy).toList();
    List<PolicyDocument> resources = model.resourcePolicies.stream().filter(p -> p.files().contains(shown))
        .map(IamModel.ResourceItem::document).toList();
    List<InlineSuppression> suppressions = new ArrayList<>();
    model.suppressions.forEach((where, list) -> {
      for (InlineSuppression s : list) {
        if (where.equals(shown) || s.hasReason()) {
          suppressions.add(s);
        }
      }
    });
    return Optional.of(new Workspace(shown, roles, policies, resources, suppressions));
  }

  private static String displayDir(String display) {
    Path parent = Path.of(display).getParent();
    return parent == null ? "" : parent.toString();
  }

  /** The file being loaded, already read by the caller. */
  private record Given(Path path, String display, String text) {
  }

  // ---- modules ----

  private Module module(Path dir, String displayDir, Optional<Given> given) {
    CompletableFuture<Module> future;
    boolean mine = false;
    synchronized (modules) {
      future = modules.get(dir);
      if (future == null) {
        future = new CompletableFuture<>();
        modules.put(dir, future);
        mine = true;
      }
    }
    if (mine) {
      try {
        future.complete(readModule(dir, displayDir, given));
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
        synchronized (modules) {
          modules.remove(dir);
        }
      }
    }
    Module m = future.join();
    if (given.isPresent() && m.entry(given.get().path()).isEmpty()) {
      // a file that appeared after the directory was read: read it on its own
      return readModule(dir, displayDir, given);
    }
    return m;
  }

  private Module readModule(Path dir, String displayDir, Optional<Given> given) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tf"))
          .filter(Files::isRegularFile)
          .sorted()
          .limit(MAX_FILES_PER_MODULE)
          .forEach(p -> files.add(p.toAbsolutePath().normalize()));
    } catch (IOException | RuntimeException e) {
      // an unreadable directory: only the given file
    }
    given.ifPresent(g -> {
      if (!files.contains(g.path())) {
        files.add(g.path());
      }
    });
    List<Module.FileEntry> entries = new ArrayList<>();
    for (Path p : files) {
      String display = given.isPresent() && given.get().path().equals(p) ? given.get().display()
          : displayDir.isEmpty() ? p.getFileName().toString() : Path.of(displayDir).resolve(p.getFileName()).toString();
      try {
        String text = given.isPresent() && given.get().path().equals(p) ? given.get().text()
            : SourceText.read(p, display, limits);
        Hcl.File parsed = HclReader.parse(new HclSource(display, p, text), limits.maxDepth());
        entries.add(new Module.FileEntry(p, display, Optional.of(parsed), Optional.empty()));
      } catch (InputException e) {
        entries.add(new Module.FileEntry(p, display, Optional.empty(), Optional.of(e)));
      }
    }
    return new Module(dir, displayDir, entries);
  }

  private IamModel model(Module module) {
    CompletableFuture<IamModel> future;
    boolean mine = false;
    synchronized (models) {
      future = models.get(module.dir());
      if (future == null || future.isDone() && future.join() == null) {
        future = new CompletableFuture<>();
        models.put(module.dir(), future);
        mine = true;
      }
    }
    if (mine) {
      try {
        IamModel built = IamModel.build(module, this, limits);
        for (Module.FileEntry e : module.entries()) {
          e.file().ifPresent(f -> built.suppressions.put(e.display(), suppressions(f, module)));
        }
        future.complete(built);
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
        synchronized (models) {
          models.remove(module.dir());
        }
      }
    }
    return future.join();
  }

  /**
   * Works out the module's address from a caller in a directory above it (within the path as
   * given, at most four levels up) whose {@code module} block has a local {@code source} naming
   * this directory; a module called from several places, or from none, keeps its plain addresses.
   */
  private void address(Module module, int depth) {
    if (module.hasAddress()) {
      return;
    }
    synchronized (module) {
      if (module.hasAddress()) {
        return;
      }
      String prefix = "";
      if (depth < ANCESTOR_LEVELS) {
        List<String> found = new ArrayList<>();
        Path dir = module.dir();
        Path shown = module.displayDir().isEmpty() ? null : Path.of(module.displayDir());
        for (int up = 1; up <= ANCESTOR_LEVELS && shown != null; up++) {
          dir = dir.getParent();
          shown = shown.getParent();
          if (dir == null) {
            break;
          }
          Module caller = module(dir, shown == null ? "" : shown.toString(), Optional.empty());
          for (Hcl.Block call : caller.calls().values()) {
            Optional<String> source = call.body().attribute("source")
                .flatMap(a -> a.value() instanceof Hcl.Template t && t.parts().size() == 1
                    && t.parts().get(0) instanceof Hcl.Literal l ? Optional.of(Literals.decode(l).text())
                    : Optional.empty());
            if (source.isPresent() && (source.get().startsWith("./") || source.get().startsWith("../"))
                && caller.dir().resolve(source.get()).normalize().equals(module.dir())) {
              address(caller, depth + 1);
              found.add(caller.address() + "module." + call.label(0) + ".");
            }
          }
          if (!found.isEmpty()) {
            break;
          }
        }
        if (found.size() == 1) {
          prefix = found.get(0);
        }
      }
      module.address(prefix);
    }
  }

  // ---- files read by expressions ----

  /**
   * A file named by {@code file()} (relative to the module), when it lies inside the module's
   * directory or under the directory the scan was given: its text located in that file.
   */
  Optional<Value> readFile(Module module, String name, Location at) {
    return resolve(module, name).map(p -> {
      String display = module.display(p);
      String text = SourceText.read(p, display, limits);
      HclSource source = new HclSource(display, p, text);
      return new Value.Str(text, source.location(0, text.length()), Optional.of(Origin.exact(source, 0, text.length())));
    });
  }

  /** A template file named by {@code templatefile()}, parsed as template content. */
  Optional<Hcl.Template> readTemplate(Module module, String name) {
    return resolve(module, name).map(p -> {
      String display = module.display(p);
      return HclReader.parseTemplate(new HclSource(display, p, SourceText.read(p, display, limits)), limits.maxDepth());
    });
  }

  private Optional<Path> resolve(Module module, String name) {
    try {
      Path p = module.dir().resolve(name).normalize();
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      Path real = p.toRealPath();
      Path root = module.dir().toRealPath();
      String shown = module.displayDir();
      if (!shown.isEmpty() && !Path.of(shown).isAbsolute()) {
        Path top = module.dir();
        for (int i = 0; i < Path.of(shown).normalize().getNameCount() && top.getParent() != null; i++) {
          if (Path.of(shown).normalize().getName(i).toString().equals("..")) {
            break;
          }
          top = top.getParent();
        }
        root = top.toRealPath();
      }
      return real.startsWith(root) ? Optional.of(p) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  // ---- suppressions ----

  /**
   * {@code # assumeguard:ignore AG101 reason} on the line above a resource covers that resource's
   * findings; above any other block or an attribute, the lines of what it stands above.
   */
  private static List<InlineSuppression> suppressions(Hcl.File file, Module module) {
    List<InlineSuppression> out = new ArrayList<>();
    java.util.Set<Integer> commentLines = commentLines(file);
    for (Hcl.Comment c : file.comments()) {
      if (out.size() >= MAX_SUPPRESSIONS || !c.text().contains("assumeguard:ignore")) {
        continue;
      }
      Matcher m = IGNORE.matcher(c.text().strip());
      if (!m.matches()) {
        continue;
      }
      Location at = c.src().location();
      String rules = m.group(1) == null ? "" : m.group(1);
      String reason = m.group(2) == null ? "" : m.group(2).strip();
      int target = at.endLine() + 1;
      while (commentLines.contains(target)) {
        target++;
      }
      Optional<ResourceRef> resource = Optional.empty();
      Optional<Location> range = Optional.empty();
      Optional<Object> item = itemAt(file.body(), target);
      if (item.isPresent() && item.get() instanceof Hcl.Block b && b.type().equals("resource")) {
        resource = Optional.of(ResourceRef.of(module.address() + b.label(0) + "." + b.label(1), b.label(0)));
      } else if (item.isPresent()) {
        range = Optional.of(item.get() instanceof Hcl.Block b ? b.src().location()
            : ((Hcl.Attribute) item.get()).src().location());
      } else {
        range = Optional.of(new Location(at.file(), target, 1, target, 1, ""));
      }
      for (String rule : rules.isEmpty() ? List.of("") : List.of(rules.split(","))) {
        if (rule.isBlank()) {
          out.add(new InlineSuppression("(no rule)", Optional.empty(), resource, range, at));
          continue;
        }
        out.add(new InlineSuppression(rule.strip().toUpperCase(Locale.ROOT), reason.isEmpty() ? Optional.empty()
            : Optional.of(reason), resource, range, at));
      }
    }
    return out;
  }

  /** Lines that hold nothing but comments (so a suppression may stand above further comments). */
  private static java.util.Set<Integer> commentLines(Hcl.File file) {
    java.util.Set<Integer> lines = new java.util.HashSet<>();
    String text = file.source().text();
    for (Hcl.Comment c : file.comments()) {
      Location l = c.src().location();
      int start = file.source().offset(l.line(), 1);
      if (text.substring(start, c.src().start()).isBlank()) {
        for (int line = l.line(); line <= l.endLine(); line++) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /** The block or attribute starting on {@code line}, searched through nested bodies. */
  private static Optional<Object> itemAt(Hcl.Body body, int line) {
    for (Hcl.Attribute a : body.attributes()) {
      Location l = a.src().location();
      if (l.line() == line) {
        return Optional.of(a);
      }
    }
    for (Hcl.Block b : body.blocks()) {
      Location l = b.src().location();
      if (l.line() == line) {
        return Optional.of(b);
      }
      if (l.line() < line && l.endLine() >= line) {
        Optional<Object> inner = itemAt(b.body(), line);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
