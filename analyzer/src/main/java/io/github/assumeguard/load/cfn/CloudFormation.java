package io.github.assumeguard.load.cfn;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.model.Workspace;

/** CloudFormation templates (JSON and YAML, SAM, CDK output): roles and policies with positions. */
public final class CloudFormation {

  private CloudFormation() {
  }

  /** True when the root is a template: {@code Resources} with {@code AWS::} types. */
  public static boolean isTemplate(ObjectNode root) {
    return false;
  }

  /** The roles and policies of a template. */
  public static Workspace load(String file, ObjectNode root, String text, Limits limits) {
    return new Workspace(file, java.util.List.of(), java.util.List.of(), java.util.List.of());
  }
}
