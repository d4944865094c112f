package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags trust statements whose actions do not fit their principals. */
public final class FederationActionMismatch implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG205", "federation-action-mismatch")
      .level(Level.WARNING)
      .title("Action does not fit the principal type")
      .description("The action does not fit the principal: an OIDC principal without sts:AssumeRoleWithWebIdentity, a SAML principal without sts:AssumeRoleWithSAML, or an AWS or service principal given only the federated actions.")
      .tags("correctness", "federation")
      .securitySeverity(4.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
