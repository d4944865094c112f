package io.github.assumeguard.rules.document;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags a missing or legacy policy Version. */
public final class PolicyVersion implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG003", "policy-version")
      .level(Level.NOTE)
      .title("Policy Version missing or outdated")
      .description("The policy has no Version, or the legacy 2008-10-17: policy variables such as ${aws:username} are then read literally.")
      .tags("document", "maintainability")
      .securitySeverity(2.0)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
