package io.github.assumeguard.rules.action;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags identity policies that allow assuming any role. */
public final class AssumeAnyRole implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG402", "assume-any-role")
      .level(Level.WARNING)
      .title("Identity policy can assume any role")
      .description("An identity policy allows sts:AssumeRole (directly or through sts:* or *) on Resource \"*\" or on a role ARN whose account is a wildcard.")
      .tags("security", "action", "least-privilege")
      .securitySeverity(6.5)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
