package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.OidcProvider;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.List;
import java.util.stream.Stream;

/** Flags OIDC trust without a condition on the sub claim. */
public final class OidcMissingSubject implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG202", "oidc-missing-subject")
      .level(Level.ERROR)
      .title("OIDC trust without a subject condition")
      .description("An Allow trust statement grants sts:AssumeRoleWithWebIdentity to an OIDC provider whose sub claim names the workload (GitHub Actions, GitLab, EKS IRSA, HCP Terraform, CircleCI, Bitbucket, Google and other providers; not Cognito, Login with Amazon or Facebook) without a positive test on HOST:sub that applies to every request: any workload of that provider can assume the role. IfExists and ForAllValues: tests do not count.")
      .tags("security", "federation", "oidc")
      .securitySeverity(9.6)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return Federation.trustAllows(role)
        .filter(s -> s.covers(Federation.WEB_IDENTITY))
        .flatMap(s -> check(role, s));
  }

  private static Stream<Finding> check(Role role, Statement statement) {
    return Federation.oidcGrantees(statement)
        .filter(g -> g.provider().kind().subjectNamesWorkload())
        // A sub test whose only fault is a match-all value is AG203's finding, not a missing test.
        .filter(g -> Federation.judgedSubjectTests(statement, g.provider()).findAny().isEmpty())
        .filter(g -> !Federation.hasCounting(statement, List.of(g.provider().claimKey("sub"))))
        .map(g -> {
          String key = g.provider().claimKey("sub");
          return META.at(g.principal().location(), Federation.describe(g.provider()) + " can assume "
                  + role.displayName() + " without a condition on " + key + ", so "
                  + Federation.anyWorkload(g.provider().kind())
                  + " can; name the allowed workloads with StringEquals or StringLike")
              .witness(Federation.anySubjectWitness(g.provider().kind()))
              .fix("Add \"StringEquals\": {\"" + key + "\": \"" + subjectExample(g.provider().kind())
                  + "\"} (or StringLike with a pattern that pins the owner).");
        });
  }

  private static String subjectExample(OidcProvider.Kind kind) {
    return switch (kind) {
      case GITHUB -> "repo:OWNER/REPO:ref:refs/heads/main";
      case GITLAB -> "project_path:GROUP/PROJECT:ref_type:branch:ref:main";
      case EKS -> "system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT";
      case TERRAFORM_CLOUD -> "organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:apply";
      case CIRCLECI -> "org/ORG_ID/project/PROJECT_ID/user/USER_ID";
      case BITBUCKET -> "{REPOSITORY_UUID}:{STEP_UUID}";
      default -> "SUBJECT";
    };
  }
}
