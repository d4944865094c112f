package io.github.assumeguard.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a scan: findings in output order, input errors, warnings (such as a suppression
 * without a reason), tool notifications (a rule that failed), counts of files analysed and
 * skipped, and, when compared with a {@link Baseline}, the findings that were already in it
 * ({@code unchanged}; empty when no baseline was used).
 */
public record Report(List<Rule> rules, List<Finding> findings, List<InputError> errors,
    List<Warning> warnings, List<String> notifications, int filesAnalysed, int filesSkipped,
    Optional<Set<Finding>> unchanged) {

  public Report {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    notifications = List.copyOf(notifications);
    unchanged = unchanged.map(Set::copyOf);
  }

  /** A report not compared with a baseline. */
  public Report(List<Rule> rules, List<Finding> findings, List<InputError> errors, List<Warning> warnings,
      List<String> notifications, int filesAnalysed, int filesSkipped) {
    this(rules, findings, errors, warnings, notifications, filesAnalysed, filesSkipped, Optional.empty());
  }

  /** A report without warnings. */
  public Report(List<Rule> rules, List<Finding> findings, List<InputError> errors, List<String> notifications,
      int filesAnalysed, int filesSkipped) {
    this(rules, findings, errors, List.of(), notifications, filesAnalysed, filesSkipped);
  }

  /** This report compared with a baseline: {@code inBaseline} are the findings already in it. */
  public Report withUnchanged(Set<Finding> inBaseline) {
    return new Report(rules, findings, errors, warnings, notifications, filesAnalysed, filesSkipped,
        Optional.of(inBaseline));
  }

  /** True when this report was compared with a baseline. */
  public boolean hasBaseline() {
    return unchanged.isPresent();
  }

  /** True when {@code finding} was already in the baseline. */
  public boolean isUnchanged(Finding finding) {
    return unchanged.map(s -> s.contains(finding)).orElse(false);
  }

  /** Unsuppressed, new (not in the baseline) findings at or above {@code threshold}: these fail a run. */
  public long failing(Level threshold) {
    return findings.stream().filter(f -> counts(f) && f.level().atLeast(threshold)).count();
  }

  /** Unsuppressed, new findings of exactly {@code level}. */
  public long count(Level level) {
    return findings.stream().filter(f -> counts(f) && f.level() == level).count();
  }

  public long suppressed() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }

  /** Unsuppressed findings that were already in the baseline. */
  public long unchangedCount() {
    return findings.stream().filter(f -> !f.isSuppressed() && isUnchanged(f)).count();
  }

  private boolean counts(Finding f) {
    return !f.isSuppressed() && !isUnchanged(f);
  }
}
