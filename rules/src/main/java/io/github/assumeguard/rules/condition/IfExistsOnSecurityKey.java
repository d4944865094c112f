package io.github.assumeguard.rules.condition;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags IfExists on keys that carry the security decision. */
public final class IfExistsOnSecurityKey implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG601", "ifexists-on-security-key")
      .level(Level.WARNING)
      .title("IfExists on a key that carries the decision")
      .description("An ...IfExists operator guards a key that carries the security decision (sts:ExternalId, aws:MultiFactorAuthPresent, aws:PrincipalOrgID, aws:SourceArn, OIDC aud/sub, SAML:aud, ...): a request without the key passes.")
      .tags("security", "condition")
      .securitySeverity(6.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
