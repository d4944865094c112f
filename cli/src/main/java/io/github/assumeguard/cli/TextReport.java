package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.TextLines;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text report: one line per finding ({@code file:line:col: level AGxxx message}), then a
 * summary line. Input errors go to standard error, not here.
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
        f.resource().ifPresent(r -> out.println(INDENT + "resource: " + r.id()));
        f.fix().ifPresent(x -> out.println(INDENT + "fix: " + x));
        f.witness().ifPresent(x -> out.println(INDENT + "witness: " + x));
      }
    }
    out.println(summary(report));
  }

  /**
   * {@code 3 errors, 2 warnings, 1 note in 5 files (1 suppressed, 2 input errors)}, or
   * {@code No findings in 5 files.} when nothing unsuppressed was found. With a baseline the counts
   * are of new findings, and the unchanged ones are counted apart:
   * {@code 1 error in 5 files (4 unchanged in baseline)}, {@code No new findings in 5 files (...).}
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
    if (report.unchangedCount() > 0) {
      extra.add(report.unchangedCount() + " unchanged in baseline");
    }
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
      return (report.hasBaseline() ? "No new findings" : "No findings") + files + more + ".";
    }
    return String.join(", ", counts) + files + more;
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
