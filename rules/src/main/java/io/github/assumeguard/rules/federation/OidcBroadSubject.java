package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.OidcProvider;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import java.util.List;
import java.util.stream.Stream;

/** Flags sub patterns that do not pin the owner of the workload. */
public final class OidcBroadSubject implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG203", "oidc-broad-subject")
      .level(Level.ERROR)
      .title("OIDC subject pattern matches others' workloads")
      .description("A value of the sub condition matches workloads the owner does not control: a bare *, a pattern whose fixed part does not pin the owner (GitHub repo:* or repo:acme*, which also matches acme-evil; GitLab project_path without the group; HCP Terraform without the organization), an EKS subject with a wildcard namespace such as system:serviceaccount:*, or a customised GitHub subject that names neither the repository nor its owner. Every value of the list is checked.")
      .tags("security", "federation", "oidc")
      .securitySeverity(9.1)
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
        .flatMap(s -> Federation.oidcGrantees(s)
            .filter(g -> g.provider().kind().subjectNamesWorkload())
            .flatMap(g -> check(s, g.provider())));
  }

  private static Stream<Finding> check(Statement statement, OidcProvider provider) {
    List<Condition> tests = Federation.judgedSubjectTests(statement, provider).toList();
    return tests.stream()
        // Tests on one key are ANDed: another test that pins the owner makes this one harmless.
        .filter(c -> tests.stream().noneMatch(other -> other != c && pins(other, provider)))
        .flatMap(c -> c.values().stream()
            .filter(Text::isKnown)
            .flatMap(v -> Subjects.judge(provider.kind(), v.display(), c.operator().isLike()).stream()
                .map(broad -> META.at(v.location(), "Subject \"" + v.display() + "\" in " + c.operator().raw()
                        + " on " + c.key().display() + " " + broad.reason() + "; " + broad.advice())
                    .witness(broad.witness())
                    .fix(broad.fix()))));
  }

  /** True when the test can fail and each of its values pins the owner. */
  private static boolean pins(Condition test, OidcProvider provider) {
    return test.narrows() && !test.hasUnknownValue() && test.values().stream()
        .allMatch(v -> Subjects.judge(provider.kind(), v.display(), test.operator().isLike()).isEmpty());
  }
}
