package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags sub patterns that do not pin the owner of the workload. */
public final class OidcBroadSubject implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG203", "oidc-broad-subject")
      .level(Level.ERROR)
      .title("OIDC subject pattern matches others' workloads")
      .description("The sub condition matches workloads the owner does not control: *, a pattern whose fixed prefix does not pin the owner (repo:acme* also matches acme-evil), or system:serviceaccount:* for EKS.")
      .tags("security", "federation", "oidc")
      .securitySeverity(9.1)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
