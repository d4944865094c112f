package io.github.assumeguard.rules.condition;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags undefined aws:/sts: condition keys and unknown operators. */
public final class UnknownConditionKey implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG602", "unknown-condition-key")
      .level(Level.WARNING)
      .title("Unknown condition key or operator")
      .description("An aws: or sts: condition key that AWS does not define (a typo such as aws:SourceAcount), or an operator that does not exist: the condition never matches as written.")
      .tags("correctness", "condition")
      .securitySeverity(5.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
