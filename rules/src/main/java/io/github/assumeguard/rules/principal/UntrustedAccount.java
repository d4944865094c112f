package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.stream.Stream;

/** Flags principals from accounts outside the configured trustedAccounts. */
public final class UntrustedAccount implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG106", "untrusted-account")
      .level(Level.ERROR)
      .title("Trust in an account that is not on the trusted list")
      .description("The config lists trustedAccounts and a principal's account is neither on it, nor in ownAccounts, nor the role's own.")
      .tags("security", "principal")
      .securitySeverity(8.0)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    if (context.trustedAccounts().isEmpty()) {
      return Stream.empty();
    }
    return TrustStatements.allows(role)
        .flatMap(Statement::grantees)
        .filter(p -> p.account().filter(a -> !role.isOwnAccount(a) && !context.isTrusted(a)).isPresent())
        .map(p -> META.at(p.location(), "Principal " + p.value().display() + " is in account "
                + p.account().orElseThrow() + ", which is not in trustedAccounts; remove it, or add the "
                + "account to trustedAccounts if it is meant to be trusted")
            .witness(p.value().display())
            .fix("Remove the principal, or add " + p.account().orElseThrow()
                + " to trustedAccounts in .assumeguard.yml after review"));
  }
}
