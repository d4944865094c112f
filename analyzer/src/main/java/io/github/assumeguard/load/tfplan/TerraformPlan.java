package io.github.assumeguard.load.tfplan;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Workspace;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.json.JsonFactory;

/**
 * Terraform plan JSON ({@code terraform show -json}): roles, identity policies and policy
 * documents, each named by its resource address ({@code module.ci.aws_iam_role.deploy}), with
 * the positions of policies held as JSON strings mapped into the plan. The plan is streamed:
 * only IAM resources are built, the rest is skipped.
 */
public final class TerraformPlan {

  /** How far into a file {@link #mayBePlan} looks; Terraform writes {@code format_version} first. */
  private static final int SNIFF_CHARS = 4096;

  private TerraformPlan() {
  }

  /** A cheap test on the text: {@code "format_version"} near the start, as Terraform writes it. */
  public static boolean mayBePlan(String text) {
    return text.substring(0, Math.min(text.length(), SNIFF_CHARS)).contains("\"format_version\"");
  }

  /** True when the root is a plan: {@code format_version} with planned values or resource changes. */
  public static boolean isPlan(ObjectNode root) {
    return root.has("format_version") && (root.has("planned_values") || root.has("resource_changes"));
  }

  /** Streams {@code text}: the plan's roles and policies, or empty when it is not a plan. */
  public static Optional<Workspace> read(String file, String text, Limits limits) {
    JsonFactory factory = TreeReader.jsonFactory(limits);
    PlanReader.Content content = PlanReader.read(factory, text, file);
    if (!content.isPlan()) {
      return Optional.empty();
    }
    return Optional.of(PlanModel.build(file, text, factory, content));
  }

  /** The roles and policies of a text already known to be a plan. */
  public static Workspace load(String file, String text, Limits limits) {
    return read(file, text, limits).orElseGet(() -> new Workspace(file, List.of(), List.of(), List.of()));
  }
}
