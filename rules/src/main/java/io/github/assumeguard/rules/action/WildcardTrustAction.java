package io.github.assumeguard.rules.action;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags trust statements whose actions are wider than the assume actions. */
public final class WildcardTrustAction implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG401", "wildcard-trust-action")
      .level(Level.WARNING)
      .title("Trust statement allows more than the assume actions")
      .description("An Allow trust statement uses Action \"*\", sts:*, another wildcard that covers more than the assume actions it needs, or NotAction.")
      .tags("security", "action", "least-privilege")
      .securitySeverity(5.5)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
