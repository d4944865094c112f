package io.github.assumeguard.load.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.InlineSuppression;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformSourceTest {

  @TempDir
  Path root;

  Path dir;

  @org.junit.jupiter.api.BeforeEach
  void setUp() throws IOException {
    dir = Files.createDirectories(root.resolve("infra"));
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private Workspace load(String name) {
    Path p = dir.resolve(name);
    return new Loader(Limits.defaults()).load(p, Path.of("infra").resolve(name).toString()).orElseThrow();
  }

  private static Role role(Workspace ws, String id) {
    return ws.roles().stream().filter(r -> r.ref().orElseThrow().id().equals(id)).findFirst().orElseThrow();
  }

  private static Statement statement(Role role) {
    return role.trust().orElseThrow().statements().get(0);
  }

  @Test
  void jsonencodeTrustPolicyIsLocatedAtItsHclLines() throws IOException {
    write("main.tf", """
        resource "aws_iam_role" "deploy" {
          name = "deploy"
          max_session_duration = 7200
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:iam::999988887777:root" }
              Action    = "sts:AssumeRole"
            }]
          })
        }
        """);
    Workspace ws = load("main.tf");
    Role role = role(ws, "aws_iam_role.deploy");
    assertThat(role.name()).contains("deploy");
    assertThat(role.maxSessionDuration().orElseThrow().display()).isEqualTo("7200");
    Principal p = statement(role).principals().get(0);
    assertThat(p.value().display()).isEqualTo("arn:aws:iam::999988887777:root");
    assertThat(p.location().toString()).isEqualTo("infra/main.tf:8:27");
    assertThat(p.location().pointer()).isEqualTo("/resource/aws_iam_role/deploy/assume_role_policy/Statement/0/Principal/AWS");
    assertThat(role.trust().orElseThrow().problems()).isEmpty();
  }

  @Test
  void heredocAndFileJsonKeepTheirLines() throws IOException {
    write("main.tf", """
        resource "aws_iam_role" "a" {
          assume_role_policy = <<-EOF
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                "Principal": {"AWS": "arn:aws:iam::${var.partner}:root"}}]
            }
          EOF
        }
        resource "aws_iam_role" "b" {
          assume_role_policy = file("${path.module}/trust.json")
        }
        variable "partner" {}
        """);
    write("trust.json", """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]}
        """);
    Workspace ws = load("main.tf");
    Principal a = statement(role(ws, "aws_iam_role.a")).principals().get(0);
    assertThat(a.value().isKnown()).isFalse();
    assertThat(a.value().display()).isEqualTo("arn:aws:iam::${var.partner}:root");
    assertThat(a.location().toString()).isEqualTo("infra/main.tf:6:30");
    Principal b = statement(role(ws, "aws_iam_role.b")).principals().get(0);
    assertThat(b.value().display()).isEqualTo("ec2.amazonaws.com");
    assertThat(b.location().toString()).isEqualTo("infra/trust.json:2:76");
  }

  @Test
  void dataDocumentInAnotherFileOfTheModule() throws IOException {
    write("main.tf", """
        resource "aws_iam_role" "ci" {
          name               = local.name
          assume_role_policy = data.aws_iam_policy_document.trust.json
        }
        """);
    write("iam.tf", """
        locals {
          name = "ci"
          repo = "acme/app"
        }
        data "aws_iam_policy_document" "trust" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = [aws_iam_openid_connect_provider.github.arn]
            }
            condition {
              test     = "StringLike"
              variable = "token.actions.githubusercontent.com:sub"
              values   = ["repo:${local.repo}:*"]
            }
          }
        }
        resource "aws_iam_openid_connect_provider" "github" {
          url = "https://token.actions.githubusercontent.com"
        }
        """);
    Workspace main = load("main.tf");
    Role role = role(main, "aws_iam_role.ci");
    assertThat(role.name()).contains("ci");
    Statement s = statement(role);
    assertThat(s.isAllow()).isTrue();
    Principal p = s.principals().get(0);
    assertThat(p.value().display()).isEqualTo("arn:" + Arn.OWN_PARTITION + ":iam::" + Arn.OWN_ACCOUNT
        + ":oidc-provider/token.actions.githubusercontent.com");
    assertThat(p.oidcProvider().orElseThrow().kind().name()).isEqualTo("GITHUB");
    assertThat(p.location().toString()).isEqualTo("infra/iam.tf:10:22");
    Condition c = s.conditions().get(0);
    assertThat(c.key().display()).isEqualTo("token.actions.githubusercontent.com:sub");
    assertThat(c.values().get(0).display()).isEqualTo("repo:acme/app:*");
    assertThat(c.values().get(0).location().toString()).isEqualTo("infra/iam.tf:15:19");
    assertThat(role.trust().orElseThrow().version().orElseThrow().display()).isEqualTo("2012-10-17");
    // the role is reported from iam.tf too (its trust is written there), and the document is not analysed alone
    Workspace iam = load("iam.tf");
    assertThat(iam.roles()).extracting(r -> r.ref().orElseThrow().id()).containsExactly("aws_iam_role.ci");
  }

  @Test
  void callerIdentityIsTheRolesOwnAccountAndUnknownsStaySilent() throws IOException {
    write("main.tf", """
        data "aws_caller_identity" "current" {}
        data "aws_partition" "current" {}
        variable "external_id" {}
        resource "aws_iam_role" "r" {
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Action    = "sts:AssumeRole"
              Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
              Condition = var.conditions
            }, {
              Effect    = var.effect
              Action    = "sts:AssumeRole"
              Principal = { AWS = "*" }
              Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
            }]
          })
        }
        """);
    Role role = role(load("main.tf"), "aws_iam_role.r");
    PolicyDocument trust = role.trust().orElseThrow();
    assertThat(trust.problems()).isEmpty();
    Principal own = trust.statements().get(0).principals().get(0);
    assertThat(own.account()).contains(Arn.OWN_ACCOUNT);
    assertThat(role.isOwnAccount(own.account().orElseThrow())).isTrue();
    Condition unknown = trust.statements().get(0).conditions().get(0);
    assertThat(unknown.key().isKnown()).isFalse();
    assertThat(unknown.operator().known()).isTrue();
    assertThat(trust.statements().get(1).isAllow()).isFalse();
    Text externalId = trust.statements().get(1).conditions().get(0).values().get(0);
    assertThat(externalId.isKnown()).isFalse();
    assertThat(externalId.display()).isEqualTo("var.external_id");
  }

  @Test
  void policiesAndRolePolicies() throws IOException {
    write("main.tf", """
        resource "aws_iam_role" "r" {
          name = "app"
          assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
            Action = "sts:AssumeRole", Principal = {Service = "ec2.amazonaws.com"}}]})
          inline_policy {
            name   = "inline"
            policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "s3:*", Resource = "*"}]})
          }
        }
        resource "aws_iam_role_policy" "p" {
          role   = aws_iam_role.r.id
          policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Resource = "*"}]})
        }
        resource "aws_iam_policy" "m" {
          name   = "managed"
          policy = data.aws_iam_policy_document.m.json
        }
        data "aws_iam_policy_document" "m" {
          statement {
            actions   = ["sts:AssumeRole"]
            resources = ["*"]
          }
        }
        """);
    Workspace ws = load("main.tf");
    Role role = role(ws, "aws_iam_role.r");
    assertThat(role.policies()).hasSize(2);
    assertThat(role.policies().get(1).owner().orElseThrow().id()).isEqualTo("aws_iam_role_policy.p");
    assertThat(ws.policies()).hasSize(1);
    assertThat(ws.policies().get(0).name()).contains("managed");
    assertThat(ws.policies().get(0).document().kind()).isEqualTo(PolicyDocument.Kind.IDENTITY);
  }

  @Test
  void suppressionCommentsCoverTheResourceOrTheLinesBelow() throws IOException {
    write("main.tf", """
        # assumeguard:ignore AG101 shared demo role, reviewed in SEC-1
        resource "aws_iam_role" "r" {
          # assumeguard:ignore AG301
          max_session_duration = 43200
          assume_role_policy   = ""
        }
        """);
    List<InlineSuppression> s = load("main.tf").suppressions();
    assertThat(s).hasSize(2);
    assertThat(s.get(0).rule()).isEqualTo("AG101");
    assertThat(s.get(0).reason()).contains("shared demo role, reviewed in SEC-1");
    assertThat(s.get(0).resource().orElseThrow().id()).isEqualTo("aws_iam_role.r");
    assertThat(s.get(1).hasReason()).isFalse();
    assertThat(s.get(1).range().orElseThrow().line()).isEqualTo(4);
    assertThat(s.get(1).location().toString()).isEqualTo("infra/main.tf:3:3");
  }

  @Test
  void childModuleCalledFromAboveGetsItsAddress() throws IOException {
    write("main.tf", """
        module "ci" {
          source = "./modules/oidc-role"
        }
        """);
    write("modules/oidc-role/main.tf", """
        resource "aws_iam_role" "this" {
          assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
            Action = "sts:AssumeRole", Principal = {AWS = "*"}}]})
        }
        """);
    Workspace ws = load("modules/oidc-role/main.tf");
    assertThat(ws.roles().get(0).ref().orElseThrow().id()).isEqualTo("module.ci.aws_iam_role.this");
    assertThat(ws.roles().get(0).location().file()).isEqualTo("infra/modules/oidc-role/main.tf");
  }

  @Test
  void aSyntaxErrorIsAnInputErrorWhileOtherFilesOfTheModuleStillLoad() throws IOException {
    write("broken.tf", "resource \"aws_iam_role\" \"x\" {\n  name = \n}\n");
    write("ok.tf", """
        resource "aws_iam_role" "ok" {
          assume_role_policy = ""
        }
        """);
    assertThatThrownBy(() -> load("broken.tf")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("expected an expression");
    assertThat(load("ok.tf").roles()).hasSize(1);
    assertThat(load("ok.tf").roles().get(0).trust().orElseThrow().problems().get(0).message())
        .isEqualTo("the policy is an empty string; IAM needs a JSON policy document");
  }

  @Test
  void aFolderOfIndependentSnippetsDeclaringTheSameAddressesReportsEachFileItsOwn() throws IOException {
    write("a.tf", """
        locals { principal = "arn:aws:iam::111122223333:role/a" }
        resource "aws_iam_role" "r" {
          assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
            Action = "sts:AssumeRole", Principal = {AWS = local.principal}}]})
        }
        """);
    write("b.tf", """
        locals { principal = "*" }
        resource "aws_iam_role" "r" {
          assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
            Action = "sts:AssumeRole", Principal = {AWS = local.principal}}]})
        }
        """);
    assertThat(statement(load("a.tf").roles().get(0)).principals().get(0).value().display())
        .isEqualTo("arn:aws:iam::111122223333:role/a");
    assertThat(statement(load("b.tf").roles().get(0)).principals().get(0).value().display()).isEqualTo("*");
  }

  @Test
  void valuesThatShareStructureExponentiallyAreBoundedNotExpanded() throws IOException {
    StringBuilder tf = new StringBuilder("locals {\n  l0 = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\"]\n");
    for (int i = 1; i < 12; i++) {
      String prev = "local.l" + (i - 1);
      tf.append("  l").append(i).append(" = [").append(String.join(", ", java.util.Collections.nCopies(8, prev)))
          .append("]\n");
    }
    tf.append("""
        }
        resource "aws_iam_role" "r" {
          assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
            Action = "sts:AssumeRole", Principal = {AWS = flatten(local.l11)}, Condition = {StringEquals = {
            "aws:PrincipalTag/x" = local.l11 }}}]})
        }
        """);
    write("main.tf", tf.toString());
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
      Role role = load("main.tf").roles().get(0);
      assertThat(statement(role).principals()).allMatch(p -> !p.value().isKnown());
    });
  }

  @Test
  void documentsMergeSourcesAndOverridesBySidAndExpandKnownDynamicBlocks() throws IOException {
    write("main.tf", """
        locals {
          partners = { a = "111122223333", b = "444455556666" }
        }
        data "aws_iam_policy_document" "base" {
          statement {
            sid     = "Partners"
            actions = ["sts:AssumeRole"]
            principals {
              type        = "AWS"
              identifiers = ["*"]
            }
          }
        }
        data "aws_iam_policy_document" "final" {
          source_policy_documents = [data.aws_iam_policy_document.base.json]
          dynamic "statement" {
            for_each = local.partners
            content {
              sid     = "Partner${upper(statement.key)}"
              actions = ["sts:AssumeRole"]
              principals {
                type        = "AWS"
                identifiers = ["arn:aws:iam::${statement.value}:role/reader"]
              }
            }
          }
          override_policy_documents = [<<-EOF
            {"Statement": [{"Sid": "Partners", "Effect": "Deny", "Action": "sts:AssumeRole",
              "Principal": {"AWS": "*"}}]}
          EOF
          ]
        }
        resource "aws_iam_role" "r" {
          assume_role_policy = data.aws_iam_policy_document.final.json
        }
        """);
    Workspace ws = load("main.tf");
    List<Statement> statements = role(ws, "aws_iam_role.r").trust().orElseThrow().statements();
    assertThat(statements).extracting(st -> st.sid().orElseThrow().display())
        .containsExactly("Partners", "PartnerA", "PartnerB");
    assertThat(statements.get(0).isDeny()).isTrue();
    assertThat(statements.get(2).principals().get(0).value().display()).isEqualTo("arn:aws:iam::444455556666:role/reader");
    // both documents are used, so neither is analysed alone
    assertThat(ws.roles()).hasSize(1);
  }

  @Test
  void fileOutsideTheScannedTreeIsNotRead() throws IOException {
    Path outside = Files.createTempFile(root.getParent(), "trust", ".json");
    try {
      Files.writeString(outside, "{\"Version\": \"2012-10-17\", \"Statement\": []}");
      write("main.tf", "resource \"aws_iam_role\" \"r\" {\n  assume_role_policy = file(\"" + outside + "\")\n}\n");
      assertThat(load("main.tf").roles().get(0).trust()).isEmpty();
    } finally {
      Files.deleteIfExists(outside);
    }
  }
}
