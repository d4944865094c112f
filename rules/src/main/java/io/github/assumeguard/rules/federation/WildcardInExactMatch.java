package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags wildcards that exact-match operators compare literally. */
public final class WildcardInExactMatch implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG204", "wildcard-in-exact-match")
      .level(Level.WARNING)
      .title("Wildcard in an exact-match condition")
      .description("A * or ? in the value of StringEquals, StringEqualsIgnoreCase, ArnEquals or their Not forms: IAM compares it literally, so the condition never matches as intended.")
      .tags("correctness", "condition")
      .securitySeverity(5.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
