package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags cross-account trust that lacks an external id, MFA or organization condition. */
public final class CrossAccountWithoutExternalId implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG103", "cross-account-without-external-id")
      .level(Level.WARNING)
      .title("Cross-account trust without sts:ExternalId")
      .description("An Allow trust statement admits a principal of another account without an sts:ExternalId match, MFA, or an organization condition: the confused-deputy problem.")
      .tags("security", "principal", "confused-deputy")
      .securitySeverity(7.5)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
