package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.TextLines;
import java.io.PrintWriter;

/**
 * The text report: one line per finding ({@code file:line:col: level AGxxx message [resource: ID]}),
 * then a summary line; {@code --verbose} adds each finding's fix and witness. Input errors go to
 * standard error, not here.
 */
final class TextReport {

  private static final String INDENT = "    ";

  /** Marks a finding that was already in the baseline: reported, but it does not fail the run. */
  static final String UNCHANGED = " [unchanged]";

  private TextReport() {
  }

  static void write(Report report, ScanOptions options, boolean colour, PrintWriter out) {
    for (Finding f : report.findings()) {
      if (f.isSuppressed() && !options.includeSuppressed()) {
        continue;
      }
      String unchanged = report.isUnchanged(f) ? UNCHANGED : "";
      out.println((colour ? Ansi.finding(f) : TextLines.finding(f)) + unchanged);
      if (options.verbose()) {
        f.fix().ifPresent(x -> out.println(INDENT + "fix: " + x));
        f.witness().ifPresent(x -> out.println(INDENT + "witness: " + x));
      }
    }
    out.println(summary(report));
  }

  /** The summary line ({@link TextLines#summary}). */
  static String summary(Report report) {
    return TextLines.summary(report);
  }
}
