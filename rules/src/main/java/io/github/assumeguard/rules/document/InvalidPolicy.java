package io.github.assumeguard.rules.document;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Reports each grammar problem the loader found in a policy document. */
public final class InvalidPolicy implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG001", "invalid-policy")
      .level(Level.ERROR)
      .title("Policy breaks the IAM policy grammar")
      .description("The document breaks the IAM policy grammar (missing or empty Statement, bad Effect, both Action and NotAction, a trust statement without principal, wrong value types, unknown keys), so IAM rejects it or reads it differently than intended.")
      .tags("document", "correctness")
      .securitySeverity(7.0)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
