package io.github.assumeguard.maven;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.AtomicOutput;
import io.github.assumeguard.engine.Baseline;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.ConfigLoader;
import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleRegistry;
import io.github.assumeguard.engine.TextLines;
import io.github.assumeguard.engine.UnknownFiles;
import io.github.assumeguard.engine.Warning;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.sarif.SarifWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scans the project's IAM trust policies (and the other inputs the CLI reads) and fails the build
 * when a finding is at or above {@code failOn}. Findings are logged as {@code file:line:col: level
 * AGxxx message} lines; a SARIF report is written for code scanning.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** The project's base directory: the default source and SARIF root. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** The build directory: never scanned (it holds copies of resources and this goal's report). */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** Directories (or files) to scan; default: the project base directory. */
  @Parameter
  List<File> sources;

  /** Globs, relative to each source directory, of the files to scan; default: all JSON, YAML and .template files. */
  @Parameter
  List<String> includes;

  /** Globs, relative to each source directory, of files to leave out. */
  @Parameter
  List<String> excludes;

  /** The lowest level that fails the build: error, warning, note, or none to never fail on findings. */
  @Parameter(property = "assumeguard.failOn", defaultValue = "warning")
  String failOn;

  /** Skips the check. */
  @Parameter(property = "assumeguard.skip", defaultValue = "false")
  boolean skip;

  /** Where the SARIF report is written. */
  @Parameter(property = "assumeguard.sarifFile", defaultValue = "${project.build.directory}/assumeguard.sarif")
  File sarifFile;

  /** The directory SARIF locations are relative to; set it to the repository root for GitHub code scanning. */
  @Parameter(property = "assumeguard.sarifRoot", defaultValue = "${project.basedir}")
  File sarifRoot;

  /** The config file; default: the nearest .assumeguard.yml in the base directory or above. */
  @Parameter(property = "assumeguard.configFile")
  File configFile;

  /** A previous SARIF or JSON report: findings already in it are logged as unchanged and do not fail the build. */
  @Parameter(property = "assumeguard.baseline")
  File baseline;

  /** Keeps suppressed findings in the SARIF report, with their justification. */
  @Parameter(property = "assumeguard.includeSuppressed", defaultValue = "false")
  boolean includeSuppressed;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("assumeguard: skipped (assumeguard.skip)");
      return;
    }
    Level threshold = Level.parse(String.valueOf(failOn).strip()).orElseThrow(() -> new MojoExecutionException(
        "assumeguard: failOn must be error, warning, note or none, not \"" + failOn + "\""));
    List<Rule> rules = RuleRegistry.discover(CheckMojo.class.getClassLoader());
    Config config = config(rules);
    Optional<Baseline> previous = baseline();

    Analyzer analyzer = new Analyzer(rules, config, Limits.defaults());
    List<Analyzer.Input> inputs = new ArrayList<>();
    List<InputError> walkErrors = new ArrayList<>();
    List<Path> roots = sources == null || sources.isEmpty() ? List.of(basedir.toPath())
        : sources.stream().map(File::toPath).toList();
    new SourceFiles(orEmpty(includes), orEmpty(excludes), buildDirectory.toPath())
        .collect(analyzer, roots, inputs, walkErrors);
    Report scanned = UnknownFiles.quiet(analyzer.analyse(inputs, walkErrors), inputs);

    SarifWriter sarif = new SarifWriter(sarifRoot.toPath()).includeSuppressed(includeSuppressed);
    Report report = previous.map(b -> b.apply(scanned, sarif::fingerprint)).orElse(scanned);

    logReport(report, log);
    writeSarif(sarif, report);
    log.info("assumeguard: " + TextLines.summary(report));
    String failure = failure(report, threshold);
    if (!failure.isEmpty()) {
      throw new MojoFailureException("assumeguard: " + failure);
    }
  }

  /** Each finding as a clickable {@code file:line:col} line, at the log level of its level. */
  private static void logReport(Report report, Log log) {
    for (InputError e : report.errors()) {
      log.error(TextLines.error(e));
    }
    for (Warning w : report.warnings()) {
      log.warn(TextLines.warning(w));
    }
    for (String note : report.notifications()) {
      log.warn("assumeguard: " + note);
    }
    for (Finding f : report.findings()) {
      if (f.isSuppressed()) {
        continue;
      }
      String line = TextLines.finding(f);
      if (report.isUnchanged(f)) {
        log.info(line + " [unchanged]");
        continue;
      }
      switch (f.level()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        default -> log.info(line);
      }
    }
  }

  /**
   * The one-line reason the build fails, naming the count by level ({@code 2 errors, 1 warning at or
   * above failOn=warning in 3 files}), or empty when it passes.
   */
  static String failure(Report report, Level threshold) {
    List<String> parts = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (Level level : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) {
      long n = report.count(level);
      if (n > 0 && level.atLeast(threshold)) {
        counts.add(TextLines.plural(n, level.label()));
      }
    }
    if (!counts.isEmpty()) {
      parts.add(String.join(", ", counts) + " at or above failOn=" + threshold.label() + " in "
          + TextLines.plural(report.filesAnalysed(), "file"));
    }
    if (!report.errors().isEmpty()) {
      parts.add(TextLines.plural(report.errors().size(), "input error") + " (files that could not be read or parsed)");
    }
    return parts.isEmpty() ? "" : String.join("; ", parts) + "; see the lines above";
  }

  private Config config(List<Rule> rules) throws MojoExecutionException {
    Optional<Path> file = configFile != null ? Optional.of(configFile.toPath()) : ConfigLoader.find(basedir.toPath());
    if (file.isEmpty()) {
      return Config.defaults();
    }
    String display = file.get().toString();
    if (!Files.isRegularFile(file.get())) {
      throw new MojoExecutionException("assumeguard: config file " + display + " does not exist");
    }
    try {
      Config config = ConfigLoader.load(file.get(), display);
      List<String> unknown = config.unknownRules(rules.stream().map(r -> r.meta().id()).toList());
      if (!unknown.isEmpty()) {
        throw new MojoExecutionException("assumeguard: " + display + ": unknown rule " + String.join(", ", unknown)
            + " in rules");
      }
      getLog().debug("assumeguard: config " + display);
      return config;
    } catch (ConfigLoader.ConfigException e) {
      e.errors().forEach(x -> getLog().error(TextLines.error(x)));
      throw new MojoExecutionException("assumeguard: invalid config " + display + " (see the lines above)");
    }
  }

  private Optional<Baseline> baseline() throws MojoExecutionException {
    if (baseline == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Baseline.read(baseline.toPath(), baseline.toString()));
    } catch (InputException e) {
      throw new MojoExecutionException("assumeguard: " + e.location() + ": " + e.getMessage());
    }
  }

  /** Writes the SARIF report through a temporary file, so a reader never sees half of it. */
  private void writeSarif(SarifWriter sarif, Report report) throws MojoExecutionException {
    Path target = sarifFile.toPath().toAbsolutePath();
    try {
      AtomicOutput.write(target, out -> sarif.write(report, out));
    } catch (IOException e) {
      throw new MojoExecutionException("assumeguard: cannot write " + target + ": " + e.getMessage(), e);
    }
    getLog().info("assumeguard: SARIF report " + target);
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }
}
