package io.github.assumeguard.rules.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.model.OidcProvider.Kind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sub values pin the owner, and the witnesses for those that do not. */
class SubjectsTest {

  @ParameterizedTest(name = "{0} {1} like={2}")
  @CsvSource(delimiter = '|', value = {
      "GITHUB | repo:acme/app:ref:refs/heads/main | true",
      "GITHUB | repo:acme/app:ref:refs/heads/main | false",
      "GITHUB | repo:acme/* | true",
      "GITHUB | repo:acme/app:* | true",
      "GITHUB | repository_owner_id:1844662:repository_id:599293758:ref:refs/heads/main | false",
      "GITHUB | repository_owner_id:1844662:* | true",
      "GITHUB | repository_id:599293758:* | true",
      "GITHUB | repo:* | false",
      "GITLAB | project_path:acme/* | true",
      "GITLAB | project_path:acme/infra/deploy:ref_type:branch:ref:main | false",
      "EKS | system:serviceaccount:payments:* | true",
      "EKS | system:serviceaccount:payments:api | false",
      "TERRAFORM_CLOUD | organization:acme:project:*:workspace:*:run_phase:* | true",
      "CIRCLECI | org/0f1e2d3c/* | true",
      "BITBUCKET | {5bd2b0c6-0a7c-4d0b-9a17-5a4b5c0e1f22}:* | true",
      "GENERIC | team-a-* | true",
  })
  void pinned(Kind kind, String value, boolean like) {
    assertThat(Subjects.judge(kind, value, like)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "GITHUB | * | any GitHub repository, e.g. repo:someone-else/any-repo:ref:refs/heads/main",
      "GITHUB | repo:* | repo:someone-else/any-repo:ref:refs/heads/main",
      "GITHUB | repo:acme* | repo:acme-evil/any-repo:ref:refs/heads/main",
      "GITHUB | repo:acme*:environment:prod | repo:acme-evil/any-repo:environment:prod",
      "GITHUB | repo:*/infra:ref:refs/heads/main | repo:someone-else/infra:ref:refs/heads/main",
      "GITHUB | *:environment:prod | repo:someone-else/any-repo:environment:prod",
      "GITHUB | repository_owner_id:1844662* | repository_owner_id:18446629",
      "GITHUB | environment:production | environment:production",
      "GITLAB | project_path:acme* | project_path:acme-evil/any-project:ref_type:branch:ref:main",
      "EKS | system:serviceaccount:* | system:serviceaccount:any-namespace:any-serviceaccount",
      "EKS | system:serviceaccount:*:default | system:serviceaccount:any-namespace:default",
      "EKS | system:serviceaccount:team-* | system:serviceaccount:team-evil:any-serviceaccount",
      "TERRAFORM_CLOUD | organization:acme* | organization:acme-evil:project:any:workspace:any:run_phase:apply",
      "GENERIC | ** | any subject the provider issues tokens for",
  })
  void broad(Kind kind, String value, String witness) {
    Optional<Subjects.Broad> broad = Subjects.judge(kind, value, true);
    assertThat(broad).isPresent();
    assertThat(broad.get().witness()).isEqualTo(witness);
  }
}
