package io.github.assumeguard.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark inputs, the same bytes on every run: CloudFormation templates with many
 * roles, one large YAML template, Terraform plans with roles in nested modules, a tree of .tf
 * files, and a small policy. A fifth of the roles are bad in one way or another, as in real
 * repositories.
 *
 * <p>Usage: {@code Generate OUTDIR}.
 */
public final class Generate {

  private static final String OTHER_ACCOUNT = "444455556666";

  private Generate() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/target/inputs");
    Files.createDirectories(out);
    write(out.resolve("small/trust.json"), smallPolicy());
    for (int scale : new int[] {50, 200, 800}) {
      for (int t = 0; t < scale; t++) {
        write(out.resolve("cfn-" + scale + "x10/stack-" + t + ".yaml"), template(t, 10));
      }
    }
    write(out.resolve("cfn-500-roles/template.yaml"), template(0, 500));
    for (int roles : new int[] {1250, 5000, 10000}) {
      write(out.resolve("plan-" + roles + "/plan.json"), plan(roles));
    }
    for (int t = 0; t < 2000; t++) {
      write(out.resolve("tf-2000/module-" + (t / 20) + "/role-" + t + ".tf"), terraform(t));
    }
  }

  private static void write(Path file, CharSequence text) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.append(text);
    }
  }

  static String smallPolicy() {
    return """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
              "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"sts:ExternalId": "c0ffee-2f1b-4d7e"}}
            }
          ]
        }
        """;
  }

  /** A CloudFormation YAML template with {@code roles} roles of varied trust. */
  static String template(int seed, int roles) {
    StringBuilder sb = new StringBuilder(roles * 900);
    sb.append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
        .append("Description: generated benchmark stack ").append(seed).append('\n')
        .append("Parameters:\n  Stage:\n    Type: String\n    Default: prod\n")
        .append("Resources:\n")
        .append("  GitHubOidc:\n    Type: AWS::IAM::OIDCProvider\n    Properties:\n")
        .append("      Url: https://token.actions.githubusercontent.com\n")
        .append("      ClientIdList: [sts.amazonaws.com]\n")
        .append("      ThumbprintList: [6938fd4d98bab03faadb97b34396831e3780aea1]\n");
    for (int r = 0; r < roles; r++) {
      int kind = (seed * 7 + r) % 10;
      String id = "Role" + r;
      sb.append("  ").append(id).append(":\n    Type: AWS::IAM::Role\n    Properties:\n")
          .append("      RoleName: !Sub \"app-${Stage}-").append(seed).append('-').append(r).append("\"\n")
          .append("      MaxSessionDuration: ").append(kind == 9 ? 43200 : 3600).append('\n')
          .append("      AssumeRolePolicyDocument:\n        Version: \"2012-10-17\"\n        Statement:\n")
          .append("          - Effect: Allow\n");
      switch (kind) {
        case 0, 1 -> sb.append("            Principal:\n              Service: lambda.amazonaws.com\n")
            .append("            Action: sts:AssumeRole\n");
        case 2 -> sb.append("            Principal:\n              AWS: ").append("arn:aws:iam::").append(OTHER_ACCOUNT)
            .append(":root\n            Action: sts:AssumeRole\n            Condition:\n              StringEquals:\n")
            .append("                sts:ExternalId: ext-").append(seed).append('-').append(r).append("-9f3a\n");
        case 3 -> sb.append("            Principal:\n              AWS: arn:aws:iam::").append(OTHER_ACCOUNT)
            .append(":root\n            Action: sts:AssumeRole\n");
        case 4, 5 -> sb.append("            Principal:\n              Federated: !Ref GitHubOidc\n")
            .append("            Action: sts:AssumeRoleWithWebIdentity\n            Condition:\n")
            .append("              StringEquals:\n                token.actions.githubusercontent.com:aud: sts.amazonaws.com\n")
            .append("              StringLike:\n                token.actions.githubusercontent.com:sub: ")
            .append(kind == 4 ? "repo:acme/app-" + r + ":ref:refs/heads/main" : "repo:acme*").append('\n');
        case 6 -> sb.append("            Principal:\n              AWS: !Sub \"arn:${AWS::Partition}:iam::${AWS::AccountId}:root\"\n")
            .append("            Action: sts:AssumeRole\n");
        case 7 -> sb.append("            Principal:\n              Service: cloudtrail.amazonaws.com\n")
            .append("            Action: sts:AssumeRole\n            Condition:\n              StringEquals:\n")
            .append("                aws:SourceAccount: !Ref AWS::AccountId\n");
        case 8 -> sb.append("            Principal: \"*\"\n            Action: sts:AssumeRole\n");
        default -> sb.append("            Principal:\n              Service: ec2.amazonaws.com\n")
            .append("            Action: sts:AssumeRole\n");
      }
      sb.append("      Policies:\n        - PolicyName: app\n          PolicyDocument:\n")
          .append("            Version: \"2012-10-17\"\n            Statement:\n              - Effect: Allow\n")
          .append("                Action: [s3:GetObject, s3:PutObject]\n")
          .append("                Resource: !Sub \"arn:${AWS::Partition}:s3:::bucket-").append(seed).append("/*\"\n");
    }
    return sb.toString();
  }

  /** A one-line {@code terraform show -json} plan with {@code roles} roles in nested modules. */
  static String plan(int roles) {
    StringBuilder planned = new StringBuilder(roles * 1200);
    int perModule = 50;
    int modules = (roles + perModule - 1) / perModule;
    planned.append("{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"planned_values\":{\"root_module\":{\"child_modules\":[");
    List<String> changeList = new ArrayList<>();
    for (int m = 0; m < modules; m++) {
      String outer = "module.team" + (m % 10);
      String address = outer + ".module.svc" + m;
      if (m > 0) {
        planned.append(',');
      }
      planned.append("{\"address\":\"").append(outer).append("\",\"child_modules\":[{\"address\":\"").append(address)
          .append("\",\"resources\":[");
      for (int r = 0; r < perModule && m * perModule + r < roles; r++) {
        int n = m * perModule + r;
        String res = resource(address, n);
        if (r > 0) {
          planned.append(',');
        }
        planned.append(res);
        changeList.add(change(address, n));
      }
      planned.append("]}]}");
    }
    planned.append("]}},\"resource_changes\":[").append(String.join(",", changeList)).append("]");
    planned.append(",\"configuration\":{\"provider_config\":{\"aws\":{\"name\":\"aws\",\"full_name\":\"registry.terraform.io/hashicorp/aws\"}}}}\n");
    return planned.toString();
  }

  private static String trustJson(int n) {
    int kind = n % 10;
    String principal = switch (kind) {
      case 3 -> "{\\\"AWS\\\":\\\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\\\"}";
      case 8 -> "\\\"*\\\"";
      case 4, 5 -> "{\\\"Federated\\\":\\\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\\\"}";
      default -> "{\\\"Service\\\":\\\"lambda.amazonaws.com\\\"}";
    };
    String action = kind == 4 || kind == 5 ? "sts:AssumeRoleWithWebIdentity" : "sts:AssumeRole";
    String condition = kind == 4
        ? ",\\\"Condition\\\":{\\\"StringEquals\\\":{\\\"token.actions.githubusercontent.com:aud\\\":\\\"sts.amazonaws.com\\\","
            + "\\\"token.actions.githubusercontent.com:sub\\\":\\\"repo:acme/app:ref:refs/heads/main\\\"}}"
        : "";
    return "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":" + principal
        + ",\\\"Action\\\":\\\"" + action + "\\\"" + condition + "}]}";
  }

  private static String values(int n) {
    return "{\"assume_role_policy\":\"" + trustJson(n) + "\",\"description\":\"generated role " + n
        + "\",\"force_detach_policies\":false,\"inline_policy\":[{\"name\":\"app\",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
        + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"arn:aws:s3:::bucket-"
        + n + "/*\\\"}]}\"}],\"max_session_duration\":" + (n % 10 == 9 ? 43200 : 3600) + ",\"name\":\"role-" + n
        + "\",\"name_prefix\":\"\",\"path\":\"/\",\"permissions_boundary\":null,\"tags\":{\"team\":\"t" + (n % 10)
        + "\"},\"tags_all\":{\"team\":\"t" + (n % 10) + "\"}}";
  }

  private static String resource(String module, int n) {
    return "{\"address\":\"" + module + ".aws_iam_role.r" + n + "\",\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"r"
        + n + "\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"schema_version\":0,\"values\":" + values(n)
        + ",\"sensitive_values\":{\"inline_policy\":[{}],\"tags\":{},\"tags_all\":{}}}";
  }

  private static String change(String module, int n) {
    return "{\"address\":\"" + module + ".aws_iam_role.r" + n + "\",\"module_address\":\"" + module
        + "\",\"mode\":\"managed\",\"type\":\"aws_iam_role\",\"name\":\"r" + n
        + "\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":"
        + values(n) + ",\"after_unknown\":{\"arn\":true,\"create_date\":true,\"id\":true,\"inline_policy\":[{}],"
        + "\"managed_policy_arns\":true,\"unique_id\":true},\"before_sensitive\":false,\"after_sensitive\":{\"inline_policy\":[{}],\"tags\":{},\"tags_all\":{}}}}";
  }

  /** One .tf file with a role whose trust is written with jsonencode, and a policy document. */
  static String terraform(int n) {
    int kind = n % 10;
    String principal = switch (kind) {
      case 3 -> "AWS = \"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"";
      case 8 -> "AWS = \"*\"";
      default -> "Service = \"lambda.amazonaws.com\"";
    };
    return "locals {\n  team_" + n + " = \"t" + (n % 10) + "\"\n}\n\n"
        + "resource \"aws_iam_role\" \"r" + n + "\" {\n"
        + "  name                 = \"role-" + n + "\"\n"
        + "  max_session_duration = " + (kind == 9 ? 43200 : 3600) + "\n"
        + "  assume_role_policy = jsonencode({\n"
        + "    Version = \"2012-10-17\"\n"
        + "    Statement = [{\n"
        + "      Effect    = \"Allow\"\n"
        + "      Principal = { " + principal + " }\n"
        + "      Action    = \"sts:AssumeRole\"\n"
        + "    }]\n"
        + "  })\n"
        + "  tags = { team = local.team_" + n + " }\n"
        + "}\n\n"
        + "data \"aws_iam_policy_document\" \"p" + n + "\" {\n"
        + "  statement {\n"
        + "    effect    = \"Allow\"\n"
        + "    actions   = [\"s3:GetObject\", \"s3:PutObject\"]\n"
        + "    resources = [\"arn:aws:s3:::bucket-" + n + "/*\"]\n"
        + "  }\n"
        + "}\n\n"
        + "resource \"aws_iam_role_policy\" \"p" + n + "\" {\n"
        + "  name   = \"app\"\n"
        + "  role   = aws_iam_role.r" + n + ".id\n"
        + "  policy = data.aws_iam_policy_document.p" + n + ".json\n"
        + "}\n";
  }
}
