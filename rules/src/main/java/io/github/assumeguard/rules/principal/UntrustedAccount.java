package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags principals from accounts outside the configured trustedAccounts. */
public final class UntrustedAccount implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG106", "untrusted-account")
      .level(Level.ERROR)
      .title("Trust in an account that is not on the trusted list")
      .description("The config lists trustedAccounts and a principal's account is neither on it nor the role's own.")
      .tags("security", "principal")
      .securitySeverity(8.0)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
