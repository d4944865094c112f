package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Role;
import java.util.List;
import java.util.stream.Stream;

/** Flags SAML trust without a SAML:aud condition. */
public final class SamlMissingAudience implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG206", "saml-missing-audience")
      .level(Level.WARNING)
      .title("SAML trust without SAML:aud")
      .description("An Allow trust statement grants sts:AssumeRoleWithSAML to a SAML provider without a test that can fail on SAML:aud, the endpoint the assertion was addressed to (its Recipient), so assertions the identity provider issued for other endpoints are accepted too. IfExists and ForAllValues: tests do not count.")
      .tags("security", "federation", "saml")
      .securitySeverity(6.0)
      .precision("high")
      .build();

  private static final String SIGN_IN = "https://signin.aws.amazon.com/saml";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return Federation.trustAllows(role)
        .filter(s -> s.covers(Federation.SAML))
        .filter(s -> !Federation.hasCounting(s, List.of(ConditionKeys.SAML_AUD)))
        .flatMap(s -> s.grantees().filter(Principal::isSamlProvider))
        .map(p -> META.at(p.location(), "SAML provider " + p.value().display() + " can assume "
                + role.displayName() + " without a SAML:aud condition, so its assertions for any endpoint"
                + " are accepted; require \"" + SIGN_IN + "\" with StringEquals on SAML:aud")
            .witness("an assertion from " + p.value().display() + " whose Recipient is another endpoint")
            .fix("Add \"StringEquals\": {\"SAML:aud\": \"" + SIGN_IN + "\"} to the statement's Condition."));
  }
}
