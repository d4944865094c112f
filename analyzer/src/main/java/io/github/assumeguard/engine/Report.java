package io.github.assumeguard.engine;

import java.util.List;

/**
 * The result of a scan: findings in output order, input errors, warnings (such as a suppression
 * without a reason), tool notifications (a rule that failed), and counts of files analysed and
 * skipped.
 */
public record Report(List<Rule> rules, List<Finding> findings, List<InputError> errors,
    List<Warning> warnings, List<String> notifications, int filesAnalysed, int filesSkipped) {

  public Report {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    notifications = List.copyOf(notifications);
  }

  /** A report without warnings. */
  public Report(List<Rule> rules, List<Finding> findings, List<InputError> errors, List<String> notifications,
      int filesAnalysed, int filesSkipped) {
    this(rules, findings, errors, List.of(), notifications, filesAnalysed, filesSkipped);
  }

  /** Unsuppressed findings at or above {@code threshold}. */
  public long failing(Level threshold) {
    return findings.stream().filter(f -> !f.isSuppressed() && f.level().atLeast(threshold)).count();
  }

  /** Unsuppressed findings of exactly {@code level}. */
  public long count(Level level) {
    return findings.stream().filter(f -> !f.isSuppressed() && f.level() == level).count();
  }

  public long suppressed() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }
}
