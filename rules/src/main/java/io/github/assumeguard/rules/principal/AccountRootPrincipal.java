package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.Set;
import java.util.stream.Stream;

/** Flags trust in a whole account that no aws:PrincipalArn condition narrows. */
public final class AccountRootPrincipal implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG105", "account-root-principal")
      .level(Level.NOTE)
      .title("Whole account trusted")
      .description("A principal is a whole account (arn:...:iam::ACCOUNT:root or a bare account id) and no aws:PrincipalArn condition narrows it: every role and user that account allows can assume the role.")
      .tags("security", "principal", "least-privilege")
      .securitySeverity(3.5)
      .precision("high")
      .build();

  private static final Set<String> PRINCIPAL_ARN = Set.of(ConditionKeys.PRINCIPAL_ARN);

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return TrustStatements.allows(role)
        .filter(s -> !namesPrincipals(s))
        .flatMap(s -> s.grantees().filter(Principal::isAccountRoot))
        .map(p -> {
          String account = p.account().orElseThrow();
          String partition = p.arn().map(Arn::partition).orElse("aws");
          return META.at(p.location(), "Principal " + p.value().display() + " trusts every role and user of "
                  + "account " + account + " that its own policies allow; name the roles, or narrow it with "
                  + "an aws:PrincipalArn condition")
              .witness("arn:" + partition + ":iam::" + account + ":role/any-role-in-that-account")
              .fix("Replace the account with the role ARNs that need access, or add \"ArnEquals\": "
                  + "{\"aws:PrincipalArn\": \"arn:" + partition + ":iam::" + account + ":role/NAME\"}");
        });
  }

  /** True when an aws:PrincipalArn condition restricts the caller (or has a value the tool cannot know). */
  private static boolean namesPrincipals(Statement s) {
    return TrustStatements.unknownOn(s, PRINCIPAL_ARN)
        || s.conditionsOn(ConditionKeys.PRINCIPAL_ARN).anyMatch(Condition::narrows);
  }
}
