package io.github.assumeguard.model;

import java.util.Optional;

/**
 * The resource a finding belongs to: a CloudFormation logical id, a Terraform address, or a role,
 * user, group or policy name from an account dump; {@code path} is CDK's {@code aws:cdk:path}.
 */
public record ResourceRef(String id, String type, Optional<String> path) {

  public static ResourceRef of(String id, String type) {
    return new ResourceRef(id, type, Optional.empty());
  }

  @Override
  public String toString() {
    return id;
  }
}
