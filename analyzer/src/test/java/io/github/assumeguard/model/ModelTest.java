package io.github.assumeguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  private static final Location L = Location.at("f.json", 1, 1, "");

  @Test
  void arnsOfEveryPartition() {
    assertThat(Arn.parse("arn:aws-cn:iam::111122223333:root")).hasValueSatisfying(a -> {
      assertThat(a.partition()).isEqualTo("aws-cn");
      assertThat(a.isAccountRoot()).isTrue();
      assertThat(a.knownPartition()).isTrue();
    });
    assertThat(Arn.parse("arn:aws-us-gov:iam::111122223333:oidc-provider/gitlab.com"))
        .hasValueSatisfying(a -> assertThat(a.resourceName()).isEqualTo("gitlab.com"));
    assertThat(Arn.parse("arn:aws:iam::111")).isEmpty();
    assertThat(Arn.parse("not-an-arn")).isEmpty();
  }

  @Test
  void oidcProvidersAreRecognised() {
    assertThat(OidcProvider.ofFederated("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"))
        .hasValueSatisfying(p -> {
          assertThat(p.kind()).isEqualTo(OidcProvider.Kind.GITHUB);
          assertThat(p.claimKey("sub")).isEqualTo("token.actions.githubusercontent.com:sub");
        });
    assertThat(kind("arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"))
        .isEqualTo(OidcProvider.Kind.EKS);
    assertThat(kind("arn:aws:iam::111122223333:oidc-provider/gitlab.com")).isEqualTo(OidcProvider.Kind.GITLAB);
    assertThat(kind("arn:aws:iam::111122223333:oidc-provider/app.terraform.io")).isEqualTo(OidcProvider.Kind.TERRAFORM_CLOUD);
    assertThat(kind("arn:aws:iam::111122223333:oidc-provider/oidc.circleci.com/org/123")).isEqualTo(OidcProvider.Kind.CIRCLECI);
    assertThat(kind("arn:aws:iam::111122223333:oidc-provider/api.bitbucket.org/2.0/workspaces/w/pipelines-config/identity/oidc"))
        .isEqualTo(OidcProvider.Kind.BITBUCKET);
    assertThat(kind("arn:aws:iam::111122223333:oidc-provider/auth.example.com")).isEqualTo(OidcProvider.Kind.GENERIC);
    assertThat(kind("cognito-identity.amazonaws.com")).isEqualTo(OidcProvider.Kind.COGNITO);
    assertThat(kind("accounts.google.com")).isEqualTo(OidcProvider.Kind.GOOGLE);
    assertThat(OidcProvider.ofFederated("arn:aws:iam::111122223333:saml-provider/okta")).isEmpty();
  }

  private static OidcProvider.Kind kind(String federated) {
    return OidcProvider.ofFederated(federated).orElseThrow().kind();
  }

  @Test
  void conditionOperatorsAndNarrowing() {
    ConditionOperator op = ConditionOperator.parse("forallvalues:stringequalsifexists");
    assertThat(op.known()).isTrue();
    assertThat(op.canonical()).isEqualTo("ForAllValues:StringEqualsIfExists");
    assertThat(ConditionOperator.parse("StringEqual").known()).isFalse();
    assertThat(ConditionOperator.parse("NullIfExists").known()).isFalse();

    Condition org = cond("StringEquals", "aws:PrincipalOrgID", "o-abc");
    assertThat(org.canFail()).isTrue();
    assertThat(cond("StringLike", "aws:PrincipalOrgID", "*").canFail()).isFalse();
    assertThat(cond("StringEqualsIfExists", "aws:PrincipalOrgID", "o-abc").canFail()).isFalse();
    assertThat(cond("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-abc").canFail()).isFalse();
    assertThat(org.keyIs("AWS:principalorgid")).isTrue();
  }

  private static Condition cond(String op, String key, String value) {
    return new Condition(ConditionOperator.parse(op), Text.of(op, L), Text.of(key, L), List.of(Text.of(value, L)));
  }

  @Test
  void conditionKeyKnowledge() {
    assertThat(ConditionKeys.isDefined("aws:SourceAccount")).isTrue();
    assertThat(ConditionKeys.isDefined("aws:sourceaccount")).isTrue();
    assertThat(ConditionKeys.isDefined("aws:SourceAcount")).isFalse();
    assertThat(ConditionKeys.isDefined("aws:PrincipalTag/Team")).isTrue();
    assertThat(ConditionKeys.isSingleValued("token.actions.githubusercontent.com:sub")).isTrue();
    assertThat(ConditionKeys.isSingleValued("aws:TagKeys")).isFalse();
    assertThat(ConditionKeys.isSecurityDecision("gitlab.com:aud")).isTrue();
  }

  @Test
  void anUnconditionalDenyNeutralisesAnAllow() {
    Statement allow = statement(Effect.ALLOW, "sts:AssumeRole", List.of());
    Statement deny = statement(Effect.DENY, "sts:*", List.of());
    Statement conditionalDeny = statement(Effect.DENY, "sts:*", List.of(cond("Bool", "aws:SecureTransport", "false")));
    PolicyDocument neutralised = doc(List.of(allow, deny));
    assertThat(neutralised.effectiveAllows()).isEmpty();
    assertThat(doc(List.of(allow, conditionalDeny)).effectiveAllows()).containsExactly(allow);
  }

  private static Statement statement(Effect effect, String action, List<Condition> conditions) {
    return new Statement(0, java.util.Optional.empty(), effect, L,
        List.of(Principal.of(PrincipalType.EVERYONE, Text.of("*", L))), false, java.util.Optional.of(L),
        List.of(Text.of(action, L)), false, java.util.Optional.of(L), List.of(), false, conditions);
  }

  private static PolicyDocument doc(List<Statement> statements) {
    return new PolicyDocument(PolicyDocument.Kind.TRUST, L, java.util.Optional.empty(), statements, List.of(),
        java.util.Optional.empty());
  }
}
