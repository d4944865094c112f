package io.github.assumeguard.rules.condition;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags set operators on single-valued keys. */
public final class SetOperatorOnSingleValuedKey implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG603", "set-operator-on-single-valued-key")
      .level(Level.WARNING)
      .title("Set operator on a single-valued key")
      .description("ForAllValues: or ForAnyValue: on a single-valued key (sts:ExternalId, OIDC aud/sub, aws:PrincipalOrgID, aws:SourceArn, ...): ForAllValues: passes when the key is absent, and neither means what the author expected.")
      .tags("security", "condition")
      .securitySeverity(6.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
