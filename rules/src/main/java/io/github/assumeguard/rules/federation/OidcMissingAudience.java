package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.OidcProvider;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.stream.Stream;

/** Flags OIDC trust without a condition on the aud claim. */
public final class OidcMissingAudience implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG201", "oidc-missing-audience")
      .level(Level.ERROR)
      .title("OIDC trust without an audience condition")
      .description("An Allow trust statement grants sts:AssumeRoleWithWebIdentity to an OIDC provider (an oidc-provider/HOST ARN, cognito-identity.amazonaws.com, accounts.google.com, ...) without a test that can fail on the provider's audience key (HOST:aud; for Google also azp or oaud), so tokens the provider issued for any other application are accepted. IfExists, ForAllValues: and a bare \"*\" under StringLike do not count.")
      .tags("security", "federation", "oidc")
      .securitySeverity(8.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return Federation.trustAllows(role)
        .filter(s -> s.covers(Federation.WEB_IDENTITY))
        .flatMap(s -> check(role, s));
  }

  private static Stream<Finding> check(Role role, Statement statement) {
    return Federation.oidcGrantees(statement)
        .filter(g -> !Federation.hasCounting(statement, Federation.audienceKeys(g.provider())))
        .map(g -> {
          String key = Federation.audienceKey(g.provider());
          String audience = Federation.audienceExample(g.provider());
          return META.at(g.principal().location(), Federation.describe(g.provider()) + " can assume "
                  + role.displayName() + " without a condition on " + key
                  + ", so " + Federation.anyAudience(g.provider().kind()) + "; require \"" + audience
                  + "\" with StringEquals")
              .witness(g.provider().kind() == OidcProvider.Kind.COGNITO
                  ? "an identity of another identity pool"
                  : "a token from " + g.provider().host() + " issued for another audience")
              .fix("Add \"StringEquals\": {\"" + key + "\": \"" + audience
                  + "\"} to the statement's Condition.");
        });
  }
}
