package io.github.assumeguard.load.tfplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Problem;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Workspace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerraformPlanTest {

  private static final String OPEN_TRUST =
      "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"}}],"
      + "\"Version\":\"2012-10-17\"}";
  private static final String SERVICE_TRUST =
      "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
      + "\"lambda.amazonaws.com\"}}],\"Version\":\"2012-10-17\"}";
  private static final String ASSUME_ANY =
      "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],"
      + "\"Version\":\"2012-10-17\"}";

  private final Loader loader = new Loader(Limits.defaults());

  private Workspace load(String text) {
    return loader.loadText(text, "plan.json").orElseThrow();
  }

  /** A JSON string literal, escaped as Terraform writes it. */
  static String q(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '&' -> out.append("\\u0026");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A planned resource, one line. */
  static String resource(String address, String type, String values) {
    String mode = address.contains("data.") ? "data" : "managed";
    String name = address.substring(address.lastIndexOf('.') + 1);
    return "{\"address\":" + q(address) + ",\"mode\":\"" + mode + "\",\"type\":" + q(type) + ",\"name\":" + q(name)
        + ",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"schema_version\":0,\"values\":" + values
        + ",\"sensitive_values\":{}}";
  }

  static String role(String address, String name, String trust) {
    return resource(address, "aws_iam_role", "{\"assume_role_policy\":" + q(trust)
        + ",\"max_session_duration\":3600,\"name\":" + q(name) + ",\"path\":\"/\"}");
  }

  /** A one-line plan with these root resources and child modules. */
  static String plan(String rootResources, String childModules, String rest) {
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"planned_values\":{\"root_module\":{"
        + "\"resources\":[" + rootResources + "]"
        + (childModules.isEmpty() ? "" : ",\"child_modules\":[" + childModules + "]") + "}}"
        + (rest.isEmpty() ? "" : "," + rest) + "}\n";
  }

  private static Principal firstPrincipal(Role role) {
    return role.trust().orElseThrow().statements().get(0).principals().get(0);
  }

  private static Role role(Workspace ws, String address) {
    return ws.roles().stream().filter(r -> r.ref().map(ResourceRef::id).orElse("").equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no role " + address + " in " + ws.roles()));
  }

  @Test
  void aLargePlanIsBuiltInParallelButKeepsFileOrderAndPositions() {
    StringBuilder roles = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      roles.append(i == 0 ? "" : ",").append(role("aws_iam_role.r" + i, "role-" + i, i % 3 == 0 ? OPEN_TRUST : SERVICE_TRUST));
    }
    Workspace ws = load(plan(roles.toString(), "", ""));
    assertThat(ws.roles()).hasSize(150);
    for (int i = 0; i < 150; i++) {
      Role r = ws.roles().get(i);
      assertThat(r.ref().orElseThrow().id()).isEqualTo("aws_iam_role.r" + i);
      assertThat(firstPrincipal(r).location().pointer()).isEqualTo(
          "/planned_values/root_module/resources/" + i + "/values/assume_role_policy/Statement/0/Principal/"
              + (i % 3 == 0 ? "AWS" : "Service"));
      assertThat(firstPrincipal(r).isEveryone()).isEqualTo(i % 3 == 0);
    }
  }

  @Test
  void rolesOfNestedChildModulesCarryTheirFullAddress() {
    String text = plan(role("aws_iam_role.root", "root-role", SERVICE_TRUST),
        "{\"resources\":[" + role("module.ci.aws_iam_role.deploy", "ci-deploy", OPEN_TRUST) + "],"
            + "\"address\":\"module.ci\",\"child_modules\":[{\"resources\":["
            + role("module.ci.module.eks.aws_iam_role.node", "eks-node", SERVICE_TRUST) + "],"
            + "\"address\":\"module.ci.module.eks\"}]}", "");
    Workspace ws = load(text);
    assertThat(ws.roles()).extracting(r -> r.ref().orElseThrow().id())
        .containsExactly("aws_iam_role.root", "module.ci.aws_iam_role.deploy", "module.ci.module.eks.aws_iam_role.node");
    Role deploy = role(ws, "module.ci.aws_iam_role.deploy");
    assertThat(deploy.ref()).contains(new ResourceRef("module.ci.aws_iam_role.deploy", "aws_iam_role", Optional.empty()));
    assertThat(deploy.name()).contains("ci-deploy");
    assertThat(deploy.trust().orElseThrow().owner()).isEqualTo(deploy.ref());
    assertThat(deploy.maxSessionDuration().orElseThrow().display()).isEqualTo("3600");
    assertThat(firstPrincipal(deploy).location().pointer()).isEqualTo(
        "/planned_values/root_module/child_modules/0/resources/0/values/assume_role_policy/Statement/0/Principal/AWS");
    assertThat(firstPrincipal(role(ws, "module.ci.module.eks.aws_iam_role.node")).location().pointer())
        .startsWith("/planned_values/root_module/child_modules/0/child_modules/0/resources/0/values/");
  }

  @Test
  void principalInAOneLinePlanPointsAtItsColumnInsideTheEscapedString() {
    String text = plan(role("module.ci.aws_iam_role.deploy", "ci-deploy", OPEN_TRUST), "", "");
    Location at = firstPrincipal(load(text).roles().get(0)).location();
    assertThat(at.line()).isEqualTo(1);
    assertThat(at.column()).isEqualTo(text.indexOf("\\\"*\\\"") + 1);
    Location version = load(text).roles().get(0).trust().orElseThrow().version().orElseThrow().location();
    assertThat(version.column()).isEqualTo(text.indexOf("\\\"2012-10-17\\\"") + 1);
  }

  @Test
  void multiLinePolicyStringInAPrettyPlanMapsToTheStringsLineAndTheEscapedColumn() {
    String policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Ops&Audit",
              "Effect": "Allow",
              "Principal": {"AWS": "*"},
              "Action": "sts:AssumeRole"
            }
          ]
        }
        """;
    String text = """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "planned_values": {
            "root_module": {
              "resources": [
                {
                  "address": "aws_iam_role.ops",
                  "mode": "managed",
                  "type": "aws_iam_role",
                  "name": "ops",
                  "values": {
                    "assume_role_policy": POLICY,
                    "name": "ops"
                  }
                }
              ]
            }
          }
        }
        """.replace("POLICY", q(policy));
    Role ops = load(text).roles().get(0);
    Location at = firstPrincipal(ops).location();
    String line13 = text.lines().toList().get(12);
    assertThat(at.line()).isEqualTo(13);
    assertThat(at.column()).isEqualTo(line13.indexOf("\\\"*\\\"") + 1);
    // the \u0026 escape before it is six characters in the file and one in the policy
    assertThat(line13).contains("Ops\\u0026Audit");
    Location sid = ops.trust().orElseThrow().statements().get(0).sid().orElseThrow().location();
    assertThat(sid.column()).isEqualTo(line13.indexOf("\\\"Ops") + 1);
    assertThat(ops.trust().orElseThrow().statements().get(0).sid().orElseThrow().display()).isEqualTo("Ops&Audit");
  }

  @Test
  void resourceChangesStandInWhenPlannedValuesLackTheResource() {
    String change = "{\"address\":\"module.old.aws_iam_role.gone\",\"module_address\":\"module.old\","
        + "\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"gone\",\"change\":{\"actions\":[\"delete\"],"
        + "\"before\":{\"assume_role_policy\":" + q(OPEN_TRUST) + "},\"after\":null,\"after_unknown\":{}}},"
        + "{\"address\":\"aws_iam_role.ci\",\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"ci\","
        + "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{\"assume_role_policy\":" + q(OPEN_TRUST)
        + ",\"name\":\"ci\"},\"after_unknown\":{\"arn\":true,\"max_session_duration\":true}}}";
    String text = "{\"format_version\":\"1.2\",\"resource_changes\":[" + change + "]}";
    Workspace ws = load(text);
    assertThat(ws.roles()).extracting(r -> r.ref().orElseThrow().id()).containsExactly("aws_iam_role.ci");
    Role ci = ws.roles().get(0);
    assertThat(firstPrincipal(ci).location().pointer())
        .isEqualTo("/resource_changes/1/change/after/assume_role_policy/Statement/0/Principal/AWS");
    assertThat(firstPrincipal(ci).location().column()).isEqualTo(text.lastIndexOf("\\\"*\\\"") + 1);
    assertThat(ci.maxSessionDuration().orElseThrow().isKnown()).isFalse();
  }

  @Test
  void plannedValuesWinOverTheChangeOfTheSameResource() {
    String text = plan(role("aws_iam_role.ci", "ci", OPEN_TRUST), "",
        "\"resource_changes\":[{\"address\":\"aws_iam_role.ci\",\"mode\":\"managed\",\"type\":\"aws_iam_role\","
        + "\"name\":\"ci\",\"change\":{\"actions\":[\"create\"],\"after\":{\"assume_role_policy\":" + q(SERVICE_TRUST)
        + "},\"after_unknown\":{\"arn\":true}}}]");
    Workspace ws = load(text);
    assertThat(ws.roles()).hasSize(1);
    assertThat(firstPrincipal(ws.roles().get(0)).location().pointer()).startsWith("/planned_values/");
  }

  @Test
  void valuesKnownOnlyAfterApplyAreUnknownNotErrors() {
    String values = "{\"path\":\"/\"}";
    String unknown = "{\"arn\":true,\"assume_role_policy\":true,\"max_session_duration\":true,\"name\":true,"
        + "\"inline_policy\":[{\"policy\":true},{}]}";
    String withInline = "{\"path\":\"/\",\"inline_policy\":[{\"name\":\"a\"},{\"name\":\"b\",\"policy\":"
        + q(ASSUME_ANY) + "}]}";
    String text = plan(resource("aws_iam_role.later", "aws_iam_role", withInline)
        + "," + resource("aws_iam_policy.later", "aws_iam_policy", values), "",
        "\"resource_changes\":["
        + "{\"address\":\"aws_iam_role.later\",\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"later\","
        + "\"change\":{\"actions\":[\"create\"],\"after\":" + withInline + ",\"after_unknown\":" + unknown + "}},"
        + "{\"address\":\"aws_iam_policy.later\",\"mode\":\"managed\",\"type\":\"aws_iam_policy\",\"name\":\"later\","
        + "\"change\":{\"actions\":[\"create\"],\"after\":" + values + ",\"after_unknown\":{\"policy\":true}}}]");
    Workspace ws = load(text);
    Role later = ws.roles().get(0);
    assertThat(later.trust()).isEmpty();
    assertThat(later.name()).contains("aws_iam_role.later");
    assertThat(later.maxSessionDuration().orElseThrow().isKnown()).isFalse();
    assertThat(later.policies()).hasSize(1);
    assertThat(later.policies().get(0).owner()).isEqualTo(later.ref());
    assertThat(ws.policies()).isEmpty();
  }

  @Test
  void identityPolicyResourcesBecomeIdentityPoliciesNamedByAddress() {
    String text = plan(
        resource("aws_iam_policy.assume", "aws_iam_policy", "{\"name\":\"assume-any\",\"policy\":" + q(ASSUME_ANY) + "}")
            + "," + resource("aws_iam_role_policy.r", "aws_iam_role_policy", "{\"name\":\"r\",\"policy\":" + q(ASSUME_ANY)
            + ",\"role\":\"ci\"}")
            + "," + resource("aws_iam_user_policy.u", "aws_iam_user_policy", "{\"name\":\"u\",\"policy\":" + q(ASSUME_ANY)
            + ",\"user\":\"jenkins\"}")
            + "," + resource("aws_iam_group_policy.g", "aws_iam_group_policy", "{\"name\":\"g\",\"policy\":"
            + q(ASSUME_ANY) + ",\"group\":\"ops\"}"), "", "");
    Workspace ws = load(text);
    assertThat(ws.policies()).extracting(p -> p.ref().orElseThrow().type())
        .containsExactly("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy");
    IdentityPolicy first = ws.policies().get(0);
    assertThat(first.name()).contains("assume-any");
    assertThat(first.document().kind()).isEqualTo(PolicyDocument.Kind.IDENTITY);
    assertThat(first.document().owner().orElseThrow().id()).isEqualTo("aws_iam_policy.assume");
    assertThat(first.document().problems()).isEmpty();
  }

  @Test
  void dataDocumentUsedByARoleIsReportedOnlyOnTheRole() {
    String pretty = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
        + "      \"Action\": \"sts:AssumeRole\",\n      \"Principal\": {\n        \"AWS\": \"*\"\n      }\n    }\n  ]\n}";
    String prior = "\"prior_state\":{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":["
        + resource("data.aws_iam_policy_document.trust", "aws_iam_policy_document", "{\"json\":" + q(pretty) + "}")
        + "," + role("aws_iam_role.stale", "stale", OPEN_TRUST) + "]}}}";
    Workspace ws = load(plan(role("aws_iam_role.broker", "broker", OPEN_TRUST), "", prior));
    assertThat(ws.roles()).extracting(r -> r.ref().orElseThrow().id()).containsExactly("aws_iam_role.broker");
    assertThat(ws.policies()).isEmpty();
  }

  @Test
  void dataDocumentsOnTheirOwnAreAnalysedByContent() {
    String trust = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
        + "      \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n      \"Principal\": {\n        \"Federated\": "
        + "\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"\n      }\n    }\n  ]\n}";
    String prior = "\"prior_state\":{\"values\":{\"root_module\":{\"child_modules\":[{\"resources\":["
        + resource("module.ci.data.aws_iam_policy_document.trust", "aws_iam_policy_document", "{\"json\":" + q(trust) + "}")
        + "," + resource("module.ci.data.aws_iam_policy_document.assume", "aws_iam_policy_document",
            "{\"json\":" + q(ASSUME_ANY) + "}")
        + "],\"address\":\"module.ci\"}]}}}";
    // deferred to apply: the json is not known yet
    String deferred = resource("data.aws_iam_policy_document.later", "aws_iam_policy_document",
        "{\"statement\":[{\"effect\":\"Allow\"}]}");
    Workspace ws = load(plan(deferred, "", prior));
    Role fromData = role(ws, "module.ci.data.aws_iam_policy_document.trust");
    assertThat(fromData.ref().orElseThrow().type()).isEqualTo("aws_iam_policy_document");
    assertThat(fromData.name()).isEmpty();
    assertThat(fromData.trust().orElseThrow().owner()).isEqualTo(fromData.ref());
    Principal federated = firstPrincipal(fromData);
    assertThat(federated.oidcProvider()).isPresent();
    assertThat(federated.location().pointer()).isEqualTo(
        "/prior_state/values/root_module/child_modules/0/resources/0/values/json/Statement/0/Principal/Federated");
    assertThat(ws.policies()).extracting(p -> p.ref().orElseThrow().id())
        .containsExactly("module.ci.data.aws_iam_policy_document.assume");
    assertThat(ws.roles()).hasSize(1);
  }

  @Test
  void otherResourceTypesPriorManagedStateAndConfigurationAreSkipped() {
    String bucketPolicy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    String text = plan(resource("aws_s3_bucket_policy.public", "aws_s3_bucket_policy",
            "{\"bucket\":\"b\",\"policy\":" + q(bucketPolicy) + "}")
            + "," + resource("aws_lambda_function.f", "aws_lambda_function", "{\"function_name\":\"f\"}"), "",
        "\"prior_state\":{\"values\":{\"root_module\":{\"resources\":["
            + role("aws_iam_role.current", "current", OPEN_TRUST) + "]}}},"
            + "\"configuration\":{\"root_module\":{\"resources\":[" + role("aws_iam_role.cfg", "cfg", OPEN_TRUST)
            + "]}},\"variables\":{\"trust\":{\"value\":" + q(OPEN_TRUST) + "}}");
    Workspace ws = load(text);
    assertThat(ws.roles()).isEmpty();
    assertThat(ws.policies()).isEmpty();
    assertThat(ws.resourcePolicies()).isEmpty();
  }

  @Test
  void brokenPolicyStringIsAProblemInsideTheStringAndTheRestIsRead() {
    String broken = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\" \"Action\":\"sts:AssumeRole\"}]}";
    String text = plan(role("aws_iam_role.bad", "bad", broken) + "," + role("aws_iam_role.good", "good", OPEN_TRUST)
        + "," + role("aws_iam_role.empty", "empty", ""), "", "");
    Workspace ws = load(text);
    PolicyDocument bad = role(ws, "aws_iam_role.bad").trust().orElseThrow();
    assertThat(bad.statements()).isEmpty();
    assertThat(bad.owner().orElseThrow().id()).isEqualTo("aws_iam_role.bad");
    Problem problem = bad.problems().get(0);
    assertThat(problem.message()).startsWith("the policy string is not valid JSON: ");
    assertThat(problem.location().line()).isEqualTo(1);
    assertThat(problem.location().column()).isEqualTo(text.indexOf("\\\"Action") + 1);
    assertThat(problem.location().pointer()).isEqualTo("/planned_values/root_module/resources/0/values/assume_role_policy");
    assertThat(role(ws, "aws_iam_role.empty").trust().orElseThrow().problems())
        .extracting(Problem::message).containsExactly("the policy is an empty string");
    assertThat(firstPrincipal(role(ws, "aws_iam_role.good")).isEveryone()).isTrue();
  }

  @Test
  void ownAccountComesFromTheRoleArnOrTheOneCallerIdentity() {
    String existing = resource("aws_iam_role.existing", "aws_iam_role", "{\"arn\":"
        + q("arn:aws:iam::444455556666:role/existing") + ",\"assume_role_policy\":" + q(SERVICE_TRUST) + "}");
    String identity = "\"prior_state\":{\"values\":{\"root_module\":{\"resources\":["
        + resource("data.aws_caller_identity.current", "aws_caller_identity",
            "{\"account_id\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/terraform\"}") + "]}}}";
    Workspace ws = load(plan(existing + "," + role("aws_iam_role.new", "new", SERVICE_TRUST), "", identity));
    assertThat(role(ws, "aws_iam_role.existing").ownAccount()).contains("444455556666");
    assertThat(role(ws, "aws_iam_role.new").ownAccount()).contains("111122223333");

    String two = "\"prior_state\":{\"values\":{\"root_module\":{\"resources\":["
        + resource("data.aws_caller_identity.a", "aws_caller_identity", "{\"account_id\":\"111122223333\"}") + ","
        + resource("data.aws_caller_identity.b", "aws_caller_identity", "{\"account_id\":\"444455556666\"}") + "]}}}";
    assertThat(load(plan(role("aws_iam_role.new", "new", SERVICE_TRUST), "", two)).roles().get(0).ownAccount()).isEmpty();
  }

  @Test
  void emptyInlinePolicyBlockMeansNone() {
    String values = "{\"assume_role_policy\":" + q(SERVICE_TRUST) + ",\"inline_policy\":[{\"name\":\"\",\"policy\":\"\"}]}";
    Role r = load(plan(resource("aws_iam_role.r", "aws_iam_role", values), "", "")).roles().get(0);
    assertThat(r.policies()).isEmpty();
  }

  @Test
  void planWhoseFormatVersionComesLateIsStillAPlan() {
    // jq -S sorts keys: configuration and others come before format_version
    String padding = "\"applyable\":true,\"configuration\":{\"root_module\":{\"outputs\":{\"x\":{\"expression\":"
        + q("y".repeat(5000)) + "}}}},";
    String text = "{" + padding + "\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":["
        + role("aws_iam_role.late", "late", OPEN_TRUST) + "]}}}";
    assertThat(TerraformPlan.mayBePlan(text)).isFalse();
    Role late = load(text).roles().get(0);
    assertThat(firstPrincipal(late).location().column()).isEqualTo(text.indexOf("\\\"*\\\"") + 1);
  }

  @Test
  void jsonWithFormatVersionButNoPlanIsNotAPlan() {
    String schema = "{\"format_version\":\"1.0\",\"provider_schemas\":{}}";
    assertThat(loader.loadText(schema, "schema.json")).isEmpty();
    String policy = "{\"format_version\":\"x\",\"Version\":\"2012-10-17\",\"Statement\":[]}";
    assertThat(loader.loadText(policy, "p.json")).isPresent();
  }

  @Test
  void malformedPlanIsAnInputErrorWithItsPosition() {
    String text = "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":[\n  {\"address\": ]}}}";
    assertThatThrownBy(() -> load(text))
        .isInstanceOf(InputException.class)
        .satisfies(e -> {
          Location at = ((InputException) e).location();
          assertThat(at.file()).isEqualTo("plan.json");
          assertThat(at.line()).isEqualTo(2);
          assertThat(at.column()).isEqualTo(15);
        });
    assertThatThrownBy(() -> load(plan("", "", "") + "{}"))
        .isInstanceOf(InputException.class)
        .hasMessage("unexpected content after the end of the document");
  }

  @Test
  void largePlanKeepsOnlyItsIamResources() {
    String roles = String.join(",", java.util.stream.IntStream.range(0, 300)
        .mapToObj(i -> role("module.m" + i + ".aws_iam_role.r", "r" + i, SERVICE_TRUST)).toList());
    String others = String.join(",", java.util.stream.IntStream.range(0, 300)
        .mapToObj(i -> resource("aws_s3_bucket.b" + i, "aws_s3_bucket", "{\"bucket\":\"b" + i + "\"}")).toList());
    Workspace ws = load(plan(roles + "," + others, "", ""));
    assertThat(ws.roles()).hasSize(300);
    assertThat(ws.roles()).allSatisfy(r -> assertThat(r.trust().orElseThrow().problems()).isEmpty());
    assertThat(List.copyOf(ws.roles()).get(299).ref().orElseThrow().id()).isEqualTo("module.m299.aws_iam_role.r");
  }

  @Test
  void generatedLargePlanShapeLoads() throws java.io.IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    PlanGenerator.write(70, out);
    Workspace ws = load(out.toString());
    assertThat(ws.roles()).hasSize(70);
    assertThat(role(ws, "module.team3.module.svc3.aws_iam_role.r3").ownAccount()).contains("111122223333");
    assertThat(firstPrincipal(role(ws, "module.team1.module.svc1.aws_iam_role.r1")).isEveryone()).isTrue();
    assertThat(ws.roles()).allSatisfy(r -> assertThat(firstPrincipal(r).location().pointer()).startsWith("/planned_values/"));
  }
}
