package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.AtomicOutput;
import io.github.assumeguard.engine.Baseline;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.ConfigLoader;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.TextLines;
import io.github.assumeguard.engine.UnknownFiles;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.sarif.SarifWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code assumeguard [scan]}: analyses files and directories and reports what it finds. */
final class ScanCommand {

  private final Env env;
  private final ScanOptions options;

  private ScanCommand(Env env, ScanOptions options) {
    this.env = env;
    this.options = options;
  }

  /** The command line of {@code scan}; it is also the top-level help. */
  static CommandSpec spec() {
    CommandSpec spec = Main.commandSpec("assumeguard");
    spec.usageMessage()
        .customSynopsis(
            "assumeguard [scan] [OPTIONS] PATH...",
            "       assumeguard rules [--format text|json|markdown]",
            "       assumeguard explain RULE")
        .description(
            "",
            "Finds the mistakes in AWS IAM trust policies that let the wrong caller assume a role, in the",
            "policy documents, `aws iam` output, templates and plans you commit.",
            "",
            "Commands:",
            "  scan      analyse the PATHs (the default command)",
            "  rules     list the rule catalog",
            "  explain   show a rule's documentation: why it matters, bad and good examples, the fix",
            "",
            "Arguments and options of scan:")
        .footer(
            "",
            "Settings (rules on/off and levels, trustedAccounts, suppressions, exclude) come from",
            "--config FILE or the nearest .assumeguard.yml in the working directory or above.",
            "",
            "Exit status:",
            "  0  nothing at or above --fail-on",
            "  1  unsuppressed findings at or above --fail-on",
            "  2  a usage error, an invalid config, or an input that could not be read or parsed",
            "     (the other inputs are still analysed and reported)");
    spec.addPositional(PositionalParamSpec.builder()
        .paramLabel("PATH")
        .arity("0..*")
        .type(List.class)
        .auxiliaryTypes(String.class)
        .description("Files or directories to analyse. In a directory, files that are no policy, "
            + "aws iam output, template or plan are skipped, and so are the folders .git, "
            + "node_modules and .terraform. A file named here that is none of those is an input error.")
        .build());
    spec.addOption(OptionSpec.builder("-f", "--format")
        .paramLabel("FORMAT")
        .type(ReportFormat.class)
        .converters(Choice.of(ReportFormat.class))
        .defaultValue("text")
        .description("text (default), json or sarif (SARIF 2.1.0 for GitHub code scanning).")
        .build());
    spec.addOption(OptionSpec.builder("-o", "--output")
        .paramLabel("FILE")
        .type(String.class)
        .description("Write the report to FILE instead of standard output; the file is replaced "
            + "atomically, so readers never see half a report.")
        .build());
    spec.addOption(OptionSpec.builder("-c", "--config")
        .paramLabel("FILE")
        .type(String.class)
        .description("Read settings from FILE instead of the nearest .assumeguard.yml.")
        .build());
    spec.addOption(OptionSpec.builder("--fail-on")
        .paramLabel("LEVEL")
        .type(Level.class)
        .converters(Choice.of(Level.class))
        .defaultValue("warning")
        .description("Exit with 1 when an unsuppressed finding is at or above LEVEL: error, warning "
            + "(default), note, or none to never fail on findings.")
        .build());
    spec.addOption(OptionSpec.builder("--baseline")
        .paramLabel("FILE")
        .type(String.class)
        .description("A previous report of this tool (--format sarif or json): findings already in it are "
            + "reported as unchanged and do not fail the run; only new ones do. Findings are matched by "
            + "line-independent fingerprints, so a finding that only moved stays unchanged.")
        .build());
    spec.addOption(OptionSpec.builder("--max-file-size")
        .paramLabel("MB")
        .type(long.class)
        .defaultValue(String.valueOf(Limits.DEFAULT_MAX_FILE_BYTES / (1024 * 1024)))
        .description("Larger files are input errors instead of being read (default: ${DEFAULT-VALUE} MB).")
        .build());
    spec.addOption(OptionSpec.builder("--skip-unknown")
        .type(boolean.class)
        .description("Skip silently the named files that are no policy, aws iam output, template or plan, "
            + "and those that cannot be parsed unless they look like IAM content (as a directory walk does "
            + "for the former). For hooks that pass every staged JSON and YAML file.")
        .build());
    spec.addOption(OptionSpec.builder("--sarif-root")
        .paramLabel("DIR")
        .type(String.class)
        .description("SARIF file locations are relative to DIR, the repository root (default: the "
            + "working directory).")
        .build());
    spec.addOption(OptionSpec.builder("--include-suppressed")
        .type(boolean.class)
        .description("Also report suppressed findings: listed in the text report, and kept in SARIF "
            + "with their suppression (GitHub ignores SARIF suppressions, so they are left out by "
            + "default). JSON always holds them, marked as suppressed.")
        .build());
    spec.addOption(OptionSpec.builder("-v", "--verbose")
        .type(boolean.class)
        .description("Print a witness (a caller that gets in) and the fix below each finding in "
            + "the text report.")
        .build());
    spec.addOption(OptionSpec.builder("--no-color")
        .type(boolean.class)
        .description("Never colour the text report (colour is only used on a terminal, and not when "
            + "NO_COLOR is set).")
        .build());
    return spec;
  }

  static ExitCode run(String[] args, Env env) {
    CommandSpec spec = spec();
    if (Main.parseOrHelp(spec, args, env)) {
      return ExitCode.OK;
    }
    return new ScanCommand(env, ScanOptions.from(spec)).scan();
  }

  private ExitCode scan() {
    if (options.paths().isEmpty()) {
      throw new UsageException("no PATH given: name the policy files or directories to scan");
    }
    if (options.maxFileMegabytes() < 1) {
      throw new UsageException("--max-file-size must be at least 1 (MB)");
    }
    List<Path> paths = options.paths().stream().map(p -> path(p, "PATH")).toList();
    Optional<Path> output = options.output().map(p -> path(p, "--output"));
    Path sarifRoot = sarifRoot();
    List<Rule> rules = env.rules().get();

    Config config;
    try {
      config = config(rules);
    } catch (ConfigLoader.ConfigException e) {
      e.errors().forEach(x -> env.err().println(TextLines.error(x)));
      return ExitCode.ERROR;
    }

    Optional<Baseline> baseline;
    try {
      baseline = options.baseline().map(b -> Baseline.read(path(b, "--baseline"), b));
    } catch (InputException e) {
      env.err().println(TextLines.error(new InputError(e.location(), e.getMessage())));
      return ExitCode.ERROR;
    }

    SarifWriter sarif = new SarifWriter(sarifRoot).includeSuppressed(options.includeSuppressed());
    Report scanned = analyse(new Analyzer(rules, config, limits()), paths);
    Report report = baseline.map(b -> b.apply(scanned, sarif::fingerprint)).orElse(scanned);
    report.errors().forEach(x -> env.err().println(TextLines.error(x)));
    report.warnings().forEach(w -> env.err().println(TextLines.warning(w)));
    report.notifications().forEach(n -> env.err().println("assumeguard: warning: " + n));

    try {
      if (output.isPresent()) {
        AtomicOutput.write(output.get(), w -> render(report, w, sarif, false));
        env.out().println(TextReport.summary(report));
      } else {
        StringWriter buffer = new StringWriter();
        render(report, buffer, sarif, colour());
        env.out().print(buffer);
      }
    } catch (IOException | RuntimeException e) {
      // the SARIF writer, a full disk, a read-only directory: say so, keep the exit status honest
      String target = options.output().orElse("the report");
      env.err().println("assumeguard: error: cannot write " + target + ": " + message(e));
      return ExitCode.ERROR;
    }
    return exitCode(report, options.failOn());
  }

  /**
   * Scans {@code paths}; with {@code --skip-unknown}, named files are treated like files found in a
   * directory walk and unreadable files that show no sign of IAM content are skipped.
   */
  private Report analyse(Analyzer analyzer, List<Path> paths) {
    if (!options.skipUnknown()) {
      return analyzer.scan(paths);
    }
    List<Analyzer.Input> inputs = new ArrayList<>();
    List<InputError> walkErrors = new ArrayList<>();
    for (Path p : paths) {
      analyzer.collect(p, inputs, walkErrors);
    }
    List<Analyzer.Input> walked = inputs.stream().map(i -> new Analyzer.Input(i.path(), i.display(), false)).toList();
    return UnknownFiles.quiet(analyzer.analyse(walked, walkErrors), walked);
  }

  /** 2 when an input failed, else 1 when an unsuppressed finding reaches the threshold, else 0. */
  static ExitCode exitCode(Report report, Level failOn) {
    if (!report.errors().isEmpty()) {
      return ExitCode.ERROR;
    }
    return report.failing(failOn) > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private void render(Report report, Writer out, SarifWriter sarif, boolean colour) throws IOException {
    switch (options.format()) {
      case TEXT -> {
        PrintWriter pw = new PrintWriter(out);
        TextReport.write(report, options, colour, pw);
        pw.flush();
        if (pw.checkError()) {
          throw new IOException("write failed");
        }
      }
      case JSON -> out.write(JsonReport.render(report, sarif::fingerprint));
      case SARIF -> sarif.write(report, out);
    }
  }

  private boolean colour() {
    return env.colorCapable() && !options.noColor() && options.format() == ReportFormat.TEXT;
  }

  private Path sarifRoot() {
    if (options.sarifRoot().isEmpty()) {
      return env.workingDir().toAbsolutePath().normalize();
    }
    Path root = path(options.sarifRoot().get(), "--sarif-root");
    if (!Files.isDirectory(root)) {
      throw new UsageException("--sarif-root " + options.sarifRoot().get() + " is not a directory");
    }
    return root.toAbsolutePath().normalize();
  }

  /** The config of {@code --config}, else the nearest {@code .assumeguard.yml}, else the defaults. */
  private Config config(List<Rule> rules) {
    Optional<Path> file;
    String display;
    if (options.config().isPresent()) {
      display = options.config().get();
      file = Optional.of(path(display, "--config"));
    } else {
      file = ConfigLoader.find(env.workingDir());
      display = file.map(this::shown).orElse("");
    }
    if (file.isEmpty()) {
      return Config.defaults();
    }
    Config config = ConfigLoader.load(file.get(), display);
    checkRuleIds(config, rules);
    return config;
  }

  /** A config file shown relative to the working directory, as the user would type it. */
  private String shown(Path file) {
    Path base = env.workingDir().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return Objects.equals(base.getRoot(), abs.getRoot()) ? base.relativize(abs).toString() : abs.toString();
  }

  /** Rejects ids under {@code rules:} that name no known rule: a typo would silently do nothing. */
  private static void checkRuleIds(Config config, List<Rule> rules) {
    List<String> unknown = config.unknownRules(rules.stream().map(r -> r.meta().id()).toList());
    if (unknown.isEmpty()) {
      return;
    }
    List<InputError> errors = new ArrayList<>();
    for (String id : unknown) {
      errors.add(new InputError(config.rules().get(id).at(),
          "unknown rule " + id + " in rules; run `assumeguard rules` for the catalog"));
    }
    errors.sort((a, b) -> a.location().compareTo(b.location()));
    throw new ConfigLoader.ConfigException(errors);
  }

  /** The default limits with the file size the user chose. */
  private Limits limits() {
    Limits d = Limits.defaults();
    return new Limits(options.maxFileMegabytes() * 1024 * 1024, d.maxDepth(), d.maxStringLength(),
        d.maxNumberLength(), d.maxAliases());
  }

  private static Path path(String text, String what) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UsageException(what + " is not a valid path: " + text);
    }
  }

  private static String message(Exception e) {
    Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
