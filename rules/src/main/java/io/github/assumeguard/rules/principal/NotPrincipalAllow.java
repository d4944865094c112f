package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags Allow statements that use NotPrincipal. */
public final class NotPrincipalAllow implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG102", "not-principal-allow")
      .level(Level.ERROR)
      .title("Allow with NotPrincipal")
      .description("An Allow statement with NotPrincipal grants access to every principal except the ones listed, almost always far more than intended.")
      .tags("security", "principal")
      .securitySeverity(8.5)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
