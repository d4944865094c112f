package io.github.assumeguard.load.tfplan;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.model.Workspace;

/** Terraform plan JSON ({@code terraform show -json}): roles and policies with resource addresses. */
public final class TerraformPlan {

  private TerraformPlan() {
  }

  /** True when the root is a plan: {@code format_version} with planned values or resource changes. */
  public static boolean isPlan(ObjectNode root) {
    return false;
  }

  /** The roles and policies of a plan. */
  public static Workspace load(String file, ObjectNode root, String text, Limits limits) {
    return new Workspace(file, java.util.List.of(), java.util.List.of(), java.util.List.of());
  }
}
