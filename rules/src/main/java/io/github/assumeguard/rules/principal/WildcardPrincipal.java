package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.stream.Stream;

/** Flags trust statements that let any AWS principal assume the role. */
public final class WildcardPrincipal implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG101", "wildcard-principal")
      .level(Level.ERROR)
      .title("Role can be assumed by any principal")
      .description("An Allow trust statement lets everyone in (\"*\" or {\"AWS\": \"*\"}) and no condition really narrows the caller (aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount, ... with a value that is not a bare wildcard). sts:ExternalId does not count: it is not a secret.")
      .tags("security", "principal")
      .securitySeverity(9.8)
      .precision("very-high")
      .build();

  private static final String WITNESS = "arn:aws:iam::" + TrustStatements.ANY_ACCOUNT + ":role/anyone";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return TrustStatements.allows(role)
        .filter(s -> !narrowsCaller(s))
        .flatMap(s -> s.grantees().filter(Principal::isEveryone))
        .map(p -> META.at(p.location(), "Principal " + written(p) + " lets any AWS account assume "
                + role.displayName() + "; restrict it with aws:PrincipalOrgID or name the principals")
            .witness(WITNESS)
            .fix("Replace \"*\" with the account, role or user ARNs that need the role, or add a condition "
                + "such as \"StringEquals\": {\"aws:PrincipalOrgID\": \"o-...\"} or an aws:PrincipalArn match"));
  }

  /**
   * True when a condition on a caller-identifying key can fail, or when such a condition has a
   * value the tool cannot know (then it may well narrow: say nothing).
   */
  private static boolean narrowsCaller(Statement statement) {
    return TrustStatements.unknownOn(statement, ConditionKeys.NARROWING_CALLER)
        || statement.conditions().stream()
            .anyMatch(c -> c.key().isKnown() && ConditionKeys.NARROWING_CALLER.contains(c.key().display())
                && c.narrows());
  }

  private static String written(Principal p) {
    return p.type() == PrincipalType.EVERYONE ? "\"*\"" : "{\"AWS\": \"*\"}";
  }
}
