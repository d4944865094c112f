package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Parsing speed of the HCL reader on a generated tree of Terraform modules (not a unit test: run
 * it by hand). It writes {@code files} .tf files in modules of four files each (roles with
 * jsonencode, heredoc and data-document trust policies, locals, variables, outputs), then times
 * the parser alone (after a warm-up pass) and the whole loader (parse, evaluate, build the model),
 * and prints files/s and MB/s, plus how many files needed the full-LL fallback.
 *
 * <pre>
 * mvn -B -q -o test-compile -pl analyzer -am
 * java -cp "analyzer/target/classes:analyzer/target/test-classes:$(cat cp.txt)" \
 *     io.github.assumeguard.load.hcl.ParseBenchmark 2000
 * </pre>
 */
public final class ParseBenchmark {

  private ParseBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path root = Files.createTempDirectory("hcl-bench");
    try {
      List<Path> paths = generate(root, files);
      long bytes = 0;
      List<HclSource> sources = new ArrayList<>();
      for (Path p : paths) {
        String text = Files.readString(p);
        bytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        sources.add(new HclSource(root.relativize(p).toString(), p, text));
      }
      int fallbacks = 0;
      for (HclSource s : sources) {
        if (HclReader.needsFullLl(s, 500)) {
          fallbacks++;
        }
      }
      for (int round = 0; round < 3; round++) {
        for (HclSource s : sources) {
          HclReader.parse(s, 500);
        }
      }
      int rounds = 3;
      long start = System.nanoTime();
      for (int round = 0; round < rounds; round++) {
        for (HclSource s : sources) {
          HclReader.parse(s, 500);
        }
      }
      double parseSeconds = (System.nanoTime() - start) / 1e9 / rounds;

      int roles = 0;
      load(paths, sources);
      start = System.nanoTime();
      for (int round = 0; round < rounds; round++) {
        roles = load(paths, sources);
      }
      double loadSeconds = (System.nanoTime() - start) / 1e9 / rounds;

      double mb = bytes / 1_000_000.0;
      System.out.printf(Locale.ROOT, "%d files, %.2f MB, %d needed the full-LL fallback%n", files, mb, fallbacks);
      System.out.printf(Locale.ROOT, "parse only : %.3f s, %.0f files/s, %.2f MB/s%n", parseSeconds,
          files / parseSeconds, mb / parseSeconds);
      System.out.printf(Locale.ROOT, "full load  : %.3f s, %.0f files/s, %.2f MB/s (%d role entries)%n", loadSeconds,
          files / loadSeconds, mb / loadSeconds, roles);
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Loads every file with a fresh loader (so each module is read and evaluated once); returns the roles seen. */
  private static int load(List<Path> paths, List<HclSource> sources) {
    int roles = 0;
    TerraformSource loader = new TerraformSource(Limits.defaults());
    for (int i = 0; i < paths.size(); i++) {
      Workspace ws = loader.load(paths.get(i), sources.get(i).display(), sources.get(i).text()).orElseThrow();
      roles += ws.roles().size();
    }
    return roles;
  }

  /** Writes {@code count} files: modules of main.tf, trust.tf, variables.tf and outputs.tf. */
  static List<Path> generate(Path root, int count) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int m = 0; out.size() < count; m++) {
      Path dir = Files.createDirectories(root.resolve("env-" + (m % 10)).resolve("module-" + m));
      String[][] files = {
          {"main.tf", main(m)}, {"trust.tf", trust(m)}, {"variables.tf", variables(m)}, {"outputs.tf", outputs(m)}};
      for (String[] f : files) {
        if (out.size() == count) {
          break;
        }
        Path p = dir.resolve(f[0]);
        Files.writeString(p, f[1]);
        out.add(p);
      }
    }
    return out;
  }

  private static String main(int m) {
    return """
        terraform {
          required_providers {
            aws = { source = "hashicorp/aws", version = "~> 5.0" }
          }
        }

        locals {
          name     = "svc-%1$d"
          accounts = ["111122223333", "444455556666"]
          tags     = merge(var.tags, { Service = local.name, Index = %1$d })
          readers  = [for a in local.accounts : "arn:aws:iam::${a}:role/reader-%1$d"]
        }

        resource "aws_iam_role" "app" {
          name                 = "${local.name}-app"
          max_session_duration = var.long_sessions ? 7200 : 3600
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Action    = ["sts:AssumeRole", "sts:TagSession"]
              Principal = { AWS = local.readers }
              Condition = {
                StringEquals = { "sts:ExternalId" = var.external_id }
                Bool         = { "aws:MultiFactorAuthPresent" = "true" }
              }
            }]
          })
          tags = local.tags
        }

        resource "aws_iam_role" "batch" {
          name               = "${local.name}-batch"
          assume_role_policy = <<-EOF
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": "sts:AssumeRole",
                "Principal": {"Service": "batch.amazonaws.com"},
                "Condition": {"StringEquals": {"aws:SourceAccount": "${data.aws_caller_identity.current.account_id}"}}
              }]
            }
          EOF
        }

        resource "aws_iam_role_policy" "batch" {
          role = aws_iam_role.batch.id
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::bucket-%1$d/*" }]
          })
        }
        """.formatted(m);
  }

  private static String trust(int m) {
    return """
        data "aws_caller_identity" "current" {}

        resource "aws_iam_openid_connect_provider" "github" {
          url             = "https://token.actions.githubusercontent.com"
          client_id_list  = ["sts.amazonaws.com"]
          thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
        }

        data "aws_iam_policy_document" "ci" {
          statement {
            sid     = "GitHubActions"
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = [aws_iam_openid_connect_provider.github.arn]
            }
            condition {
              test     = "StringEquals"
              variable = "token.actions.githubusercontent.com:aud"
              values   = ["sts.amazonaws.com"]
            }
            condition {
              test     = "StringLike"
              variable = "token.actions.githubusercontent.com:sub"
              values   = [for b in var.branches : "repo:acme/svc-%1$d:ref:refs/heads/${b}"]
            }
          }
        }

        resource "aws_iam_role" "ci" {
          name               = "svc-%1$d-ci"
          assume_role_policy = data.aws_iam_policy_document.ci.json
        }
        """.formatted(m);
  }

  private static String variables(int m) {
    return """
        variable "tags" {
          type    = map(string)
          default = { Team = "platform", CostCenter = "%1$d" }
        }

        variable "long_sessions" {
          type    = bool
          default = false
        }

        variable "external_id" {
          type      = string
          sensitive = true
        }

        variable "branches" {
          type    = list(string)
          default = ["main", "release/*"]
          validation {
            condition     = length(var.branches) > 0 && alltrue([for b in var.branches : b != ""])
            error_message = "At least one branch."
          }
        }
        """.formatted(m);
  }

  private static String outputs(int m) {
    return """
        output "role_arns" {
          value = { for k, r in { app = aws_iam_role.app, batch = aws_iam_role.batch } : k => r.arn }
        }

        output "ci_role" {
          value       = aws_iam_role.ci.arn
          description = "Role for module %1$d: ${aws_iam_role.ci.name}"
        }

        output "first_reader" {
          value = length(local.readers) > 0 ? local.readers[0] : null
        }
        """.formatted(m);
  }
}
