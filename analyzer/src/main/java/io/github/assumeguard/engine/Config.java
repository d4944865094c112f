package io.github.assumeguard.engine;

import io.github.assumeguard.model.Location;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's settings from {@code .assumeguard.yml}: rule switches and levels, account lists,
 * the session-duration ceiling, exempt services, excluded paths and suppressions.
 */
public record Config(Optional<String> source, Map<String, RuleSetting> rules, Set<String> trustedAccounts,
    Set<String> ownAccounts, long maxSessionDuration, Set<String> exemptServices, List<String> exclude,
    List<Suppression> suppress) {

  /** Per-rule switch and level, and where the rule id is written (its key in the config file). */
  public record RuleSetting(Optional<Boolean> enabled, Optional<Level> level, Location at) {

    /** A setting made in code rather than read from a file. */
    public RuleSetting(Optional<Boolean> enabled, Optional<Level> level) {
      this(enabled, level, Location.ofFile(""));
    }
  }

  /**
   * A config-file suppression: the rule ({@code *} for all), and a path glob and/or a resource id
   * it applies to, with the reason it is accepted.
   */
  public record Suppression(String rule, Optional<String> path, Optional<String> resource, String reason) {
  }

  public Config {
    rules = Map.copyOf(rules);
    trustedAccounts = Set.copyOf(trustedAccounts);
    ownAccounts = Set.copyOf(ownAccounts);
    exemptServices = Set.copyOf(exemptServices);
    exclude = List.copyOf(exclude);
    suppress = List.copyOf(suppress);
  }

  /** The rule ids under {@code rules:} that are not in {@code knownIds}, sorted. */
  public List<String> unknownRules(Collection<String> knownIds) {
    Set<String> unknown = new TreeSet<>(rules.keySet());
    unknown.removeAll(knownIds);
    return List.copyOf(unknown);
  }

  public static Config defaults() {
    return new Config(Optional.empty(), Map.of(), Set.of(), Set.of(), RuleContext.DEFAULT_MAX_SESSION_DURATION,
        RuleContext.DEFAULT_EXEMPT_SERVICES, List.of(), List.of());
  }

  /** What rules see of the config. */
  public RuleContext ruleContext() {
    return new RuleContext(trustedAccounts, ownAccounts, maxSessionDuration, exemptServices);
  }

  /** True unless the config switches the rule off. */
  public boolean enabled(String ruleId) {
    RuleSetting s = rules.get(ruleId);
    return s == null || s.enabled().orElse(true);
  }

  /** The level for a rule: the config's override or the rule's default. */
  public Level level(RuleMeta meta) {
    RuleSetting s = rules.get(meta.id());
    return s == null ? meta.level() : s.level().orElse(meta.level());
  }
}
