package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

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

  @Override
  public RuleMeta meta() {
    return META;
  }
}
