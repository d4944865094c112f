package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.stream.Stream;

/** Flags Allow statements that use NotPrincipal. */
public final class NotPrincipalAllow implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG102", "not-principal-allow")
      .level(Level.ERROR)
      .title("Allow with NotPrincipal")
      .description("An Allow statement with NotPrincipal grants access to every principal except the ones listed, almost always far more than intended; IAM rejects NotPrincipal in role trust policies.")
      .tags("security", "principal")
      .securitySeverity(8.5)
      .precision("very-high")
      .build();

  private static final String OTHER_ACCOUNT = "888888888888";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return TrustStatements.allows(role)
        .filter(Statement::notPrincipal)
        // NotPrincipal "*" excludes everyone: the statement grants nothing.
        .filter(s -> s.principals().stream().noneMatch(Principal::isEveryone))
        .map(s -> META.at(s.principalOrStatement(), "Allow with NotPrincipal lets every principal"
                + except(s) + " assume " + role.displayName() + "; name the allowed principals with Principal")
            .witness("arn:aws:iam::" + witnessAccount(s) + ":role/anyone")
            .fix("Replace NotPrincipal with a Principal element that lists the accounts, roles or services "
                + "that need the role"));
  }

  private static String except(Statement s) {
    return s.principals().isEmpty() ? "" : " except " + TrustStatements.showAll(s.principals());
  }

  private static String witnessAccount(Statement s) {
    boolean listed = s.principals().stream()
        .anyMatch(p -> p.account().filter(TrustStatements.ANY_ACCOUNT::equals).isPresent());
    return listed ? OTHER_ACCOUNT : TrustStatements.ANY_ACCOUNT;
  }
}
