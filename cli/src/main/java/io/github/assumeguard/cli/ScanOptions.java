package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Level;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** The options of {@code assumeguard [scan]}, as parsed. Paths are kept as typed. */
record ScanOptions(ReportFormat format, Optional<String> output, Optional<String> config, Level failOn,
    Optional<String> baseline, Optional<String> sarifRoot, boolean includeSuppressed, boolean skipUnknown,
    boolean verbose, boolean noColor, long maxFileMegabytes, List<String> paths) {

  ScanOptions {
    paths = List.copyOf(paths);
  }

  /** Reads the values picocli bound into {@code spec} (built by {@link ScanCommand#spec()}). */
  static ScanOptions from(CommandSpec spec) {
    List<String> paths = spec.positionalParameters().get(0).getValue();
    return new ScanOptions(
        spec.findOption("--format").getValue(),
        string(spec, "--output"),
        string(spec, "--config"),
        spec.findOption("--fail-on").getValue(),
        string(spec, "--baseline"),
        string(spec, "--sarif-root"),
        flag(spec, "--include-suppressed"),
        flag(spec, "--skip-unknown"),
        flag(spec, "--verbose"),
        flag(spec, "--no-color"),
        spec.findOption("--max-file-size").getValue(),
        paths == null ? List.of() : paths);
  }

  private static Optional<String> string(CommandSpec spec, String option) {
    return Optional.ofNullable(spec.findOption(option).getValue());
  }

  private static boolean flag(CommandSpec spec, String option) {
    Boolean value = spec.findOption(option).getValue();
    return value != null && value;
  }
}
