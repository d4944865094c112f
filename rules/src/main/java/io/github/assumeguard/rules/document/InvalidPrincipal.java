package io.github.assumeguard.rules.document;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags principal values IAM rejects. */
public final class InvalidPrincipal implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG002", "invalid-principal")
      .level(Level.ERROR)
      .title("Principal that IAM would reject")
      .description("A principal value IAM would reject: a wildcard inside an ARN, an account id that is not 12 digits, an unknown principal type, or a malformed service or federated principal.")
      .tags("principal", "correctness")
      .securitySeverity(6.5)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
