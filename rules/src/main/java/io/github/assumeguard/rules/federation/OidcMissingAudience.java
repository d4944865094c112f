package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags OIDC trust without a condition on the aud claim. */
public final class OidcMissingAudience implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG201", "oidc-missing-audience")
      .level(Level.ERROR)
      .title("OIDC trust without an audience condition")
      .description("An Allow statement grants sts:AssumeRoleWithWebIdentity to an OIDC provider without a condition on the provider's aud claim, so tokens issued for other audiences are accepted.")
      .tags("security", "federation", "oidc")
      .securitySeverity(8.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
