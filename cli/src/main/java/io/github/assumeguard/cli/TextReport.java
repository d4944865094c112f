package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.TextLines;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text report: one line per finding ({@code file:line:col: level AGxxx message [resource: ID]}),
 * then a summary line; {@code --verbose} adds each finding's fix and witness. Input errors go to
 * standard error, not here.
 */
final class TextReport {

  private static final String INDENT = "    ";

  private TextReport() {
  }

  static void write(Report report, ScanOptions options, boolean colour, PrintWriter out) {
    for (Finding f : report.findings()) {
      if (f.isSuppressed() && !options.includeSuppressed()) {
        continue;
      }
      out.println(colour ? Ansi.finding(f) : TextLines.finding(f));
      if (options.verbose()) {
        f.fix().ifPresent(x -> out.println(INDENT + "fix: " + x));
        f.witness().ifPresent(x -> out.println(INDENT + "witness: " + x));
      }
    }
    out.println(summary(report));
  }

  /**
   * {@code 3 errors, 2 warnings, 1 note in 5 files (1 suppressed, 2 input errors)}, or
   * {@code No findings in 5 files.} when nothing unsuppressed was found.
   */
  static String summary(Report report) {
    List<String> counts = new ArrayList<>();
    for (Level level : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) {
      long n = report.count(level);
      if (n > 0) {
        counts.add(plural(n, level.label()));
      }
    }
    List<String> extra = new ArrayList<>();
    if (report.suppressed() > 0) {
      extra.add(report.suppressed() + " suppressed");
    }
    if (!report.errors().isEmpty()) {
      extra.add(plural(report.errors().size(), "input error"));
    }
    if (!report.warnings().isEmpty()) {
      extra.add(plural(report.warnings().size(), "config warning"));
    }
    if (report.filesSkipped() > 0) {
      extra.add(plural(report.filesSkipped(), "file") + " skipped");
    }
    String files = " in " + plural(report.filesAnalysed(), "file");
    String more = extra.isEmpty() ? "" : " (" + String.join(", ", extra) + ")";
    if (counts.isEmpty()) {
      return "No findings" + files + more + ".";
    }
    return String.join(", ", counts) + files + more;
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
