package io.github.assumeguard.load.tfplan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a large one-line plan for measuring the loader:
 * {@code java -cp analyzer/target/test-classes io.github.assumeguard.load.tfplan.PlanGenerator ROLES OUT}.
 * ROLES {@code aws_iam_role} resources spread over nested child modules
 * ({@code module.team7.module.svc3}), each with a resource change, a configuration entry and one
 * bulky non-IAM neighbour (a Lambda function), as {@code terraform show -json} lays them out.
 */
public final class PlanGenerator {

  private static final String[] TRUSTS = {
      "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
          + "\"lambda.amazonaws.com\"}}],\"Version\":\"2012-10-17\"}",
      "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"}}],"
          + "\"Version\":\"2012-10-17\"}",
      "{\"Statement\":[{\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{"
          + "\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"},\"StringLike\":{"
          + "\"token.actions.githubusercontent.com:sub\":\"repo:acme/app-NUM:*\"}},\"Effect\":\"Allow\","
          + "\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/"
          + "token.actions.githubusercontent.com\"}}],\"Version\":\"2012-10-17\"}",
      "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::210987654321:role/vendor-NUM\"}}],\"Version\":\"2012-10-17\"}",
  };

  private PlanGenerator() {
  }

  public static void main(String[] args) throws IOException {
    int roles = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      write(roles, w);
    }
    System.out.println(out + ": " + Files.size(out) + " bytes, " + roles + " roles");
  }

  static void write(int roles, Writer w) throws IOException {
    Map<String, List<Integer>> modules = new LinkedHashMap<>();
    for (int i = 0; i < roles; i++) {
      modules.computeIfAbsent("module.team" + (i % 50) + ".module.svc" + (i % 7), k -> new ArrayList<>()).add(i);
    }
    w.write("{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"variables\":{\"env\":{\"value\":\"prod\"}},"
        + "\"planned_values\":{\"root_module\":{\"child_modules\":[");
    boolean firstTeam = true;
    for (int team = 0; team < 50; team++) {
      String teamAddress = "module.team" + team;
      w.write((firstTeam ? "" : ",") + "{\"address\":\"" + teamAddress + "\",\"child_modules\":[");
      firstTeam = false;
      boolean firstSvc = true;
      for (int svc = 0; svc < 7; svc++) {
        List<Integer> members = modules.get(teamAddress + ".module.svc" + svc);
        if (members == null) {
          continue;
        }
        w.write((firstSvc ? "" : ",") + "{\"resources\":[");
        firstSvc = false;
        boolean first = true;
        for (int i : members) {
          String module = teamAddress + ".module.svc" + svc;
          w.write((first ? "" : ",") + planned(module + ".aws_iam_role.r" + i, "aws_iam_role", "r" + i, roleValues(i)));
          w.write("," + planned(module + ".aws_lambda_function.f" + i, "aws_lambda_function", "f" + i, lambdaValues(i)));
          first = false;
        }
        w.write("],\"address\":\"" + teamAddress + ".module.svc" + svc + "\"}");
      }
      w.write("]}");
    }
    w.write("]}},\"resource_changes\":[");
    for (int i = 0; i < roles; i++) {
      String module = "module.team" + (i % 50) + ".module.svc" + (i % 7);
      w.write((i == 0 ? "" : ",") + change(module, "aws_iam_role", "r" + i, roleValues(i),
          "{\"arn\":true,\"create_date\":true,\"id\":true,\"inline_policy\":true,\"managed_policy_arns\":true,"
              + "\"name_prefix\":true,\"tags_all\":true,\"unique_id\":true}"));
      w.write("," + change(module, "aws_lambda_function", "f" + i, lambdaValues(i),
          "{\"arn\":true,\"id\":true,\"invoke_arn\":true,\"last_modified\":true,\"qualified_arn\":true,"
              + "\"role\":true,\"version\":true}"));
    }
    w.write("],\"prior_state\":{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":["
        + planned("data.aws_caller_identity.current", "aws_caller_identity", "current",
            "{\"account_id\":\"111122223333\",\"id\":\"111122223333\"}").replace("\"managed\"", "\"data\"")
        + "]}}},\"configuration\":{\"root_module\":{\"module_calls\":{");
    for (int team = 0; team < 50; team++) {
      w.write((team == 0 ? "" : ",") + "\"team" + team + "\":{\"source\":\"./modules/team\",\"module\":{"
          + "\"resources\":[{\"address\":\"aws_iam_role.r\",\"mode\":\"managed\",\"type\":\"aws_iam_role\","
          + "\"name\":\"r\",\"expressions\":{\"assume_role_policy\":{\"references\":[\"var.trust\"]}}}]}}");
    }
    w.write("}}},\"relevant_attributes\":[],\"timestamp\":\"2024-05-14T08:31:07Z\",\"applyable\":true,"
        + "\"complete\":true,\"errored\":false}\n");
  }

  private static String roleValues(int i) {
    String trust = TRUSTS[i % TRUSTS.length].replace("NUM", Integer.toString(i));
    return "{\"assume_role_policy\":" + TerraformPlanTest.q(trust) + ",\"description\":\"service role " + i
        + "\",\"force_detach_policies\":false,\"max_session_duration\":" + (i % 10 == 0 ? 43200 : 3600)
        + ",\"name\":\"role-" + i + "\",\"path\":\"/\",\"permissions_boundary\":null,\"tags\":{\"team\":\"t"
        + (i % 50) + "\",\"cost-center\":\"cc-" + (i % 13) + "\"}}";
  }

  private static String lambdaValues(int i) {
    return "{\"architectures\":[\"arm64\"],\"description\":\"handler " + i + "\",\"environment\":[{\"variables\":{"
        + "\"LOG_LEVEL\":\"info\",\"TABLE\":\"orders-" + i + "\",\"QUEUE_URL\":\"https://sqs.us-east-1.amazonaws.com/"
        + "111122223333/orders-" + i + "\"}}],\"filename\":\"build/handler-" + i + ".zip\",\"function_name\":\"fn-" + i
        + "\",\"handler\":\"index.handler\",\"memory_size\":256,\"package_type\":\"Zip\",\"publish\":false,"
        + "\"runtime\":\"nodejs20.x\",\"source_code_hash\":\"q3Vn2mX0d7K1fJ8cW4yP9sT6bR5aE2hL0oN3uG7iZ1k=\","
        + "\"tags\":{\"team\":\"t" + (i % 50) + "\"},\"timeout\":30,\"tracing_config\":[{\"mode\":\"Active\"}]}";
  }

  private static String planned(String address, String type, String name, String values) {
    return "{\"address\":\"" + address + "\",\"mode\":\"managed\",\"type\":\"" + type + "\",\"name\":\"" + name
        + "\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"schema_version\":0,\"values\":" + values
        + ",\"sensitive_values\":{\"tags_all\":{}}}";
  }

  private static String change(String module, String type, String name, String after, String unknown) {
    return "{\"address\":\"" + module + "." + type + "." + name + "\",\"module_address\":\"" + module
        + "\",\"mode\":\"managed\",\"type\":\"" + type + "\",\"name\":\"" + name
        + "\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],"
        + "\"before\":null,\"after\":" + after + ",\"after_unknown\":" + unknown
        + ",\"before_sensitive\":false,\"after_sensitive\":{\"tags_all\":{}}}}";
  }
}
