package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

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

  @Override
  public RuleMeta meta() {
    return META;
  }
}
