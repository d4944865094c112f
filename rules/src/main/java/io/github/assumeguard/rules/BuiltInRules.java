package io.github.assumeguard.rules;

import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleProvider;
import io.github.assumeguard.rules.action.AssumeAnyRole;
import io.github.assumeguard.rules.action.WildcardTrustAction;
import io.github.assumeguard.rules.condition.IfExistsOnSecurityKey;
import io.github.assumeguard.rules.condition.SetOperatorOnSingleValuedKey;
import io.github.assumeguard.rules.condition.UnknownConditionKey;
import io.github.assumeguard.rules.document.InvalidPolicy;
import io.github.assumeguard.rules.document.InvalidPrincipal;
import io.github.assumeguard.rules.document.PolicyVersion;
import io.github.assumeguard.rules.federation.FederationActionMismatch;
import io.github.assumeguard.rules.federation.OidcBroadSubject;
import io.github.assumeguard.rules.federation.OidcMissingAudience;
import io.github.assumeguard.rules.federation.OidcMissingSubject;
import io.github.assumeguard.rules.federation.SamlMissingAudience;
import io.github.assumeguard.rules.federation.WildcardInExactMatch;
import io.github.assumeguard.rules.principal.AccountRootPrincipal;
import io.github.assumeguard.rules.principal.CrossAccountWithoutExternalId;
import io.github.assumeguard.rules.principal.NotPrincipalAllow;
import io.github.assumeguard.rules.principal.UntrustedAccount;
import io.github.assumeguard.rules.principal.WeakExternalId;
import io.github.assumeguard.rules.principal.WildcardPrincipal;
import io.github.assumeguard.rules.service.ServiceConfusedDeputy;
import io.github.assumeguard.rules.session.ExcessiveSessionDuration;
import io.github.assumeguard.rules.session.InvalidSessionDuration;
import java.util.List;

/** The built-in rule catalog, sorted by id. A new rule adds one line here. */
public final class BuiltInRules implements RuleProvider {

  private static final List<Rule> RULES = List.of(
      new InvalidPolicy(),
      new InvalidPrincipal(),
      new PolicyVersion(),
      new WildcardPrincipal(),
      new NotPrincipalAllow(),
      new CrossAccountWithoutExternalId(),
      new WeakExternalId(),
      new AccountRootPrincipal(),
      new UntrustedAccount(),
      new OidcMissingAudience(),
      new OidcMissingSubject(),
      new OidcBroadSubject(),
      new WildcardInExactMatch(),
      new FederationActionMismatch(),
      new SamlMissingAudience(),
      new ExcessiveSessionDuration(),
      new InvalidSessionDuration(),
      new WildcardTrustAction(),
      new AssumeAnyRole(),
      new ServiceConfusedDeputy(),
      new IfExistsOnSecurityKey(),
      new UnknownConditionKey(),
      new SetOperatorOnSingleValuedKey());

  /** Every built-in rule, sorted by id. */
  public static List<Rule> all() {
    return RULES;
  }

  @Override
  public List<Rule> rules() {
    return RULES;
  }
}
