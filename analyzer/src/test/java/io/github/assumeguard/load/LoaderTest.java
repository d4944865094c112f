package io.github.assumeguard.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.Effect;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Problem;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Workspace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoaderTest {

  private final Loader loader = new Loader(Limits.defaults());

  private Workspace load(String text) {
    return loader.loadText(text, "p.json").orElseThrow();
  }

  @Test
  void trustPolicyElementsCarryTheirPositions() {
    Workspace ws = load("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "*"]},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"sts:ExternalId": "Unique-Id-1"}}
          }]
        }
        """);
    Role role = ws.roles().get(0);
    Statement s = role.trust().orElseThrow().statements().get(0);
    assertThat(s.effect()).isEqualTo(Effect.ALLOW);
    Principal root = s.principals().get(0);
    assertThat(root.type()).isEqualTo(PrincipalType.AWS);
    assertThat(root.account()).contains("444455556666");
    assertThat(root.isAccountRoot()).isTrue();
    assertThat(root.location().line()).isEqualTo(5);
    assertThat(root.location().column()).isEqualTo(27);
    assertThat(root.location().pointer()).isEqualTo("/Statement/0/Principal/AWS/0");
    assertThat(s.principals().get(1).isEveryone()).isTrue();
    assertThat(s.actionLocation().orElseThrow().line()).isEqualTo(6);
    Condition c = s.conditions().get(0);
    assertThat(c.operator().base()).isEqualTo("StringEquals");
    assertThat(c.key().location().line()).isEqualTo(7);
    assertThat(c.knownValues()).containsExactly("Unique-Id-1");
    assertThat(role.trust().get().problems()).isEmpty();
  }

  @Test
  void policyWithoutPrincipalIsAnIdentityPolicy() {
    Workspace ws = load("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}}
        """);
    assertThat(ws.roles()).isEmpty();
    assertThat(ws.policies()).hasSize(1);
    assertThat(ws.policies().get(0).document().kind()).isEqualTo(PolicyDocument.Kind.IDENTITY);
  }

  @Test
  void principalStatementsWithResourcesAreAResourcePolicy() {
    Workspace ws = load("""
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::bucket/*"}]}
        """);
    assertThat(ws.roles()).isEmpty();
    assertThat(ws.resourcePolicies()).hasSize(1);
  }

  @Test
  void grammarViolationsBecomeProblemsAtTheElement() {
    Workspace ws = load("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole",
            "NotAction": "s3:*",
            "Principals": 1
          }]
        }
        """);
    List<Problem> problems = ws.roles().get(0).trust().orElseThrow().problems();
    assertThat(problems).extracting(p -> p.location().line() + ": " + p.message()).containsExactly(
        "3: statement has both \"Action\" and \"NotAction\"; use one",
        "4: Effect must be \"Allow\" or \"Deny\", not \"allow\"",
        "8: unknown statement key \"Principals\" (a statement has Sid, Effect, Principal, NotPrincipal, "
            + "Action, NotAction, Resource, NotResource, Condition)");
  }

  @Test
  void trustStatementWithoutPrincipalAndWithResourceIsReported() {
    Workspace ws = load("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"},
          {"Effect": "Allow", "Action": "sts:AssumeRole"},
          {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"}
        ]}
        """);
    assertThat(ws.roles().get(0).trust().orElseThrow().problems()).extracting(Problem::message).containsExactly(
        "trust statement has no \"Principal\": say who may assume the role",
        "a trust policy cannot name a Resource (the role itself is the resource); remove it");
  }

  @Test
  void commentsAndDuplicateKeysAreProblemsButThePolicyIsStillRead() {
    Workspace ws = load("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},  // Account A
            "Action": "sts:AssumeRole"
          }]
        }
        """);
    PolicyDocument doc = ws.roles().get(0).trust().orElseThrow();
    assertThat(doc.problems()).extracting(p -> p.location().line() + ":" + p.location().column() + " " + p.message())
        .containsExactly(
            "4:5 duplicate key \"Effect\"; IAM rejects the document (this tool reads the last one)",
            "6:62 comments are not allowed in policy JSON; IAM rejects the document");
    assertThat(doc.statements().get(0).principals()).hasSize(1);
  }

  @Test
  void getRoleOutputWithUrlEncodedDocument() {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    String encoded = URLEncoder.encode(trust, StandardCharsets.UTF_8);
    Workspace ws = load("""
        {
          "Role": {
            "RoleName": "deploy",
            "Arn": "arn:aws:iam::111122223333:role/deploy",
            "MaxSessionDuration": 7200,
            "AssumeRolePolicyDocument": "%s"
          }
        }
        """.formatted(encoded));
    Role role = ws.roles().get(0);
    assertThat(role.name()).contains("deploy");
    assertThat(role.ownAccount()).contains("111122223333");
    assertThat(role.maxSessionDuration().orElseThrow().display()).isEqualTo("7200");
    Principal p = role.trust().orElseThrow().statements().get(0).principals().get(0);
    assertThat(p.account()).contains("444455556666");
    assertThat(p.location().line()).isEqualTo(6);
    assertThat(p.location().pointer()).isEqualTo("/Role/AssumeRolePolicyDocument/Statement/0/Principal/AWS");
    assertThat(role.ref().orElseThrow().id()).isEqualTo("deploy");
  }

  @Test
  void accountAuthorizationDetails() {
    Workspace ws = load("""
        {
          "UserDetailList": [{"UserName": "ci", "UserPolicyList": [{"PolicyName": "assume",
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}}]}],
          "GroupDetailList": [],
          "RoleDetailList": [{"RoleName": "app", "Arn": "arn:aws:iam::111122223333:role/app",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}]}],
          "Policies": [{"PolicyName": "managed", "Arn": "arn:aws:iam::111122223333:policy/managed",
            "PolicyVersionList": [
              {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}, "IsDefaultVersion": false},
              {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}, "IsDefaultVersion": true}]}]
        }
        """);
    assertThat(ws.roles()).singleElement().satisfies(r -> {
      assertThat(r.name()).contains("app");
      assertThat(r.ownAccount()).contains("111122223333");
      assertThat(r.policies()).hasSize(1);
    });
    assertThat(ws.policies()).extracting(p -> p.name().orElseThrow()).containsExactly("ci", "managed");
    assertThat(ws.policies().get(1).document().statements().get(0).actions().get(0).display()).isEqualTo("ec2:*");
  }

  @Test
  void jsonBooleansAndStringsAreBothConditionValues() {
    Workspace ws = load("""
        {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole",
          "Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}, "ForAnyValue:StringLikeIfExists": {"k": ["a", 5]}}}]}
        """);
    List<Condition> conditions = ws.roles().get(0).trust().orElseThrow().statements().get(0).conditions();
    assertThat(conditions.get(0).knownValues()).containsExactly("true");
    ConditionOperator op = conditions.get(1).operator();
    assertThat(op.setQualifier()).isEqualTo(ConditionOperator.SetQualifier.FOR_ANY_VALUE);
    assertThat(op.ifExists()).isTrue();
    assertThat(op.base()).isEqualTo("StringLike");
    assertThat(conditions.get(1).knownValues()).containsExactly("a", "5");
  }

  @Test
  void brokenJsonIsAnInputErrorWithAPosition() {
    assertThatThrownBy(() -> load("{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",,}\n  ]\n}\n"))
        .isInstanceOfSatisfying(InputException.class, e -> {
          assertThat(e.location().line()).isEqualTo(3);
          assertThat(e.location().column()).isGreaterThan(1);
          assertThat(e.getMessage()).contains("Unexpected character");
        });
  }

  @Test
  void truncatedJsonSaysWhatIsMissingWithoutParserInternals() {
    assertThatThrownBy(() -> load("{\"Statement\": [\n"))
        .isInstanceOfSatisfying(InputException.class, e -> {
          assertThat(e.location().line()).isEqualTo(2);
          assertThat(e.getMessage()).isEqualTo("Unexpected end-of-input: expected close marker for Array");
        });
  }

  @Test
  void emptyAndTooDeepInputsAreInputErrors() {
    assertThatThrownBy(() -> load("  \n")).isInstanceOf(InputException.class).hasMessageContaining("empty file");
    String deep = "{\"Statement\":" + "[".repeat(600) + "]".repeat(600) + "}";
    assertThatThrownBy(() -> load(deep)).isInstanceOf(InputException.class).hasMessageContaining("depth");
  }

  @Test
  void binaryAndUtf16Content() {
    assertThatThrownBy(() -> SourceText.decode(new byte[] {'{', 0, 1, 2}, "b.json"))
        .isInstanceOf(InputException.class).hasMessageContaining("binary");
    byte[] utf16 = "\uFEFF{\"Statement\": []}".getBytes(StandardCharsets.UTF_16BE);
    assertThat(SourceText.decode(utf16, "u.json")).isEqualTo("{\"Statement\": []}");
    assertThatThrownBy(() -> SourceText.decode(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}, "x.json"))
        .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.location().column()).isEqualTo(3));
  }

  @Test
  void otherJsonIsNotRecognised() {
    assertThat(loader.loadText("{\"name\": \"app\", \"version\": \"1.0.0\"}", "package.json")).isEmpty();
    assertThat(loader.loadText("key: value\n", "x.yaml")).isEmpty();
  }
}
