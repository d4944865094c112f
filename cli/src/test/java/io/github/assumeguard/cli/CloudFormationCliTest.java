package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.runCatalog;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CloudFormation templates through the command line: resources, suppressions, report formats. */
class CloudFormationCliTest {

  private static final String TWO_OPEN_ROLES = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        OpenRoleA:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: {AWS: "*"}
                  Action: sts:AssumeRole
        OpenRoleB:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: {AWS: "*"}
                  Action: sts:AssumeRole
      """;

  @TempDir
  Path dir;

  @Test
  void configSuppressionByResourceAppliesToThatLogicalIdOnly() throws IOException {
    String stack = write(dir, "stack.yaml", TWO_OPEN_ROLES).toString();
    write(dir, ".assumeguard.yml", """
        suppress:
          - rule: AG101
            resource: OpenRoleA
            reason: "public by design: the role only reads the public dataset (SEC-7)"
        """);
    Result r = runCatalog(dir, stack);
    assertThat(r.code()).as("OpenRoleB still fails").isEqualTo(1);
    assertThat(r.outLines()).containsExactly(
        stack + ":19:30: error AG101 Principal {\"AWS\": \"*\"} lets any AWS account assume role OpenRoleB;"
            + " restrict it with aws:PrincipalOrgID or name the principals [resource: OpenRoleB]",
        "1 error in 1 file (1 suppressed)");

    Result shown = runCatalog(dir, "--include-suppressed", stack);
    assertThat(shown.out()).contains(stack + ":10:30: error AG101 Principal {\"AWS\": \"*\"} lets any AWS account"
        + " assume role OpenRoleA; restrict it with aws:PrincipalOrgID or name the principals"
        + " [resource: OpenRoleA] [suppressed: public by design: the role only reads the public dataset (SEC-7)]");
  }

  @Test
  void configSuppressionOfEveryResourceFindingPassesTheBuild() throws IOException {
    String stack = write(dir, "stack.yaml", TWO_OPEN_ROLES).toString();
    write(dir, ".assumeguard.yml", """
        suppress:
          - {rule: "*", resource: OpenRoleA, reason: "reviewed (SEC-7)"}
          - {rule: AG101, resource: OpenRoleB, reason: "reviewed (SEC-8)"}
        """);
    Result r = runCatalog(dir, "--format", "json", stack);
    assertThat(r.code()).isZero();
    JsonNode report = JsonMapper.builder().build().readTree(r.out());
    assertThat(report.get("findings")).hasSize(2).allSatisfy(f -> {
      assertThat(f.get("suppressed").asBoolean()).isTrue();
      assertThat(f.get("ruleId").asString()).isEqualTo("AG101");
    });
    assertThat(report.get("findings").get(0).get("resource").asString()).isEqualTo("OpenRoleA");
    assertThat(report.get("findings").get(0).get("suppression").asString()).isEqualTo("reviewed (SEC-7)");
    assertThat(report.get("findings").get(1).get("resource").asString()).isEqualTo("OpenRoleB");
    assertThat(report.get("summary").get("suppressed").asInt()).isEqualTo(2);
  }

  @Test
  void metadataSuppressionsAreHonouredOnlyWithAReason() throws IOException {
    String stack = write(dir, "stack.yaml", """
        Resources:
          OpenRole:
            Type: AWS::IAM::Role
            Metadata:
              assumeguard:
                suppress:
                  - rule: AG101
                    reason: read-only public dataset (SEC-7)
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Principal: {AWS: "*"}, Action: sts:AssumeRole}
          SchedulerRole:
            Type: AWS::IAM::Role
            Metadata:
              assumeguard:
                suppress:
                  - rule: AG501
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Principal: {Service: scheduler.amazonaws.com}, Action: sts:AssumeRole}
        """).toString();
    Result r = runCatalog(dir, "--fail-on", "note", stack);
    assertThat(r.code()).as("the AG501 note stands: its suppression has no reason").isEqualTo(1);
    assertThat(r.out()).doesNotContain("AG101").contains(stack + ":24:50: note AG501 ");
    assertThat(r.err()).contains(stack + ":19:13: warning: suppression of AG501 on SchedulerRole has no reason,"
        + " so it is ignored; say why the finding is accepted");
  }

  @Test
  void sarifNamesTheLogicalIdAndTheCdkPath() throws IOException {
    write(dir, "cdk.out/Stack.template.json", """
        {
          "Resources": {
            "DeployRole1A2B3C4D": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"AWS": "*"}}],
                  "Version": "2012-10-17"
                }
              },
              "Metadata": {"aws:cdk:path": "Stack/DeployRole/Resource"}
            }
          }
        }
        """);
    Result r = runCatalog(dir, "--format", "sarif", "--sarif-root", dir.toString(), dir.resolve("cdk.out").toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode result = JsonMapper.builder().build().readTree(r.out()).get("runs").get(0).get("results").get(0);
    JsonNode location = result.get("locations").get(0);
    assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asString())
        .isEqualTo("cdk.out/Stack.template.json");
    assertThat(location.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(7);
    JsonNode logical = location.get("logicalLocations").get(0);
    assertThat(logical.get("name").asString()).isEqualTo("DeployRole1A2B3C4D");
    assertThat(logical.get("fullyQualifiedName").asString()).isEqualTo("Stack/DeployRole/Resource");
  }

  @Test
  void aBrokenTemplateIsAnInputErrorAndOtherYamlIsSkipped() throws IOException {
    write(dir, "ok/stack.yaml", TWO_OPEN_ROLES);
    write(dir, "ok/.github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    write(dir, "ok/chart/templates/deploy.yaml", "metadata:\n  name: {{ .Values.name }}\n");
    String broken = write(dir, "broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  R: [\n")
        .toString();
    Result r = runCatalog(dir, dir.resolve("ok").toString(), broken);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out().lines().filter(l -> l.contains(" AG101 ")).count()).isEqualTo(2);
    assertThat(r.out()).contains("in 1 file");
    assertThat(r.err()).startsWith(broken + ":4:1: error: invalid YAML: ");
  }
}
