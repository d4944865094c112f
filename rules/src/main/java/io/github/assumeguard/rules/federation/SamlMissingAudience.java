package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags SAML trust without a SAML:aud condition. */
public final class SamlMissingAudience implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG206", "saml-missing-audience")
      .level(Level.WARNING)
      .title("SAML trust without SAML:aud")
      .description("sts:AssumeRoleWithSAML is allowed without a SAML:aud condition, so assertions meant for another endpoint are accepted.")
      .tags("security", "federation", "saml")
      .securitySeverity(6.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
