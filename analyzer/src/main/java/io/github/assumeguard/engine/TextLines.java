package io.github.assumeguard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-line text forms of findings and input errors: {@code file:line:col: level ID message},
 * followed by {@code [resource: ID]} when the finding belongs to a resource (a Terraform address,
 * a CloudFormation logical id, a role name from {@code aws iam} output). A plan is one line, so
 * the address is what tells its findings apart.
 */
public final class TextLines {

  private TextLines() {
  }

  public static String finding(Finding f) {
    return f.location() + ": " + f.level().label() + " " + f.ruleId() + " " + f.message()
        + f.resource().map(r -> " [resource: " + r.id() + "]").orElse("")
        + (f.isSuppressed() ? " [suppressed: " + f.suppression().get() + "]" : "");
  }

  public static String warning(Warning w) {
    return w.location() + ": warning: " + w.message();
  }

  public static String error(InputError e) {
    return e.location() + ": error: " + e.message();
  }

  /**
   * The summary line: {@code 3 errors, 2 warnings, 1 note in 5 files (1 suppressed, 2 input errors)},
   * or {@code No findings in 5 files.} when nothing unsuppressed was found. With a baseline the counts
   * are of new findings and the unchanged ones are counted apart:
   * {@code 1 error in 5 files (4 unchanged in baseline)}, {@code No new findings in 5 files (...).}
   */
  public static String summary(Report report) {
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
      extra.add(plural(report.warnings().size(), "tool warning"));
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

  /** {@code 1 error}, {@code 2 errors}. */
  public static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
