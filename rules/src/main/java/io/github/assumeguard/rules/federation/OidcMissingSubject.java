package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags OIDC trust without a condition on the sub claim. */
public final class OidcMissingSubject implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG202", "oidc-missing-subject")
      .level(Level.ERROR)
      .title("OIDC trust without a subject condition")
      .description("An Allow statement grants sts:AssumeRoleWithWebIdentity to an OIDC provider whose sub claim names the workload (GitHub Actions, GitLab, EKS, HCP Terraform, CircleCI, Bitbucket, ...) without a condition on sub: any workload of that provider can assume the role.")
      .tags("security", "federation", "oidc")
      .securitySeverity(9.6)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
