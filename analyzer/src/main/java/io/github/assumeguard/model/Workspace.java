package io.github.assumeguard.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * What one input file holds: roles, stand-alone identity policies, resource-based policies
 * (which only the document rules look at), and the suppressions written in it.
 */
public record Workspace(String file, List<Role> roles, List<IdentityPolicy> policies,
    List<PolicyDocument> resourcePolicies, List<InlineSuppression> suppressions) {

  public Workspace {
    roles = List.copyOf(roles);
    policies = List.copyOf(policies);
    resourcePolicies = List.copyOf(resourcePolicies);
    suppressions = List.copyOf(suppressions);
  }

  /** A workspace without in-source suppressions. */
  public Workspace(String file, List<Role> roles, List<IdentityPolicy> policies,
      List<PolicyDocument> resourcePolicies) {
    this(file, roles, policies, resourcePolicies, List.of());
  }

  /** Every document: trust policies, role policies, identity and resource policies. */
  public Stream<PolicyDocument> documents() {
    return Stream.of(
        roles.stream().flatMap(r -> Stream.concat(r.trust().stream(), r.policies().stream())),
        policies.stream().map(IdentityPolicy::document),
        resourcePolicies.stream()).flatMap(s -> s);
  }
}
