package io.github.assumeguard.model;

import java.util.Optional;

/**
 * A suppression written in the source, next to what it suppresses: CloudFormation resource
 * {@code Metadata: {assumeguard: {suppress: [{rule, reason}]}}} or a Terraform
 * {@code # assumeguard:ignore RULE reason} comment. It applies to findings of {@code rule} (or
 * {@code *}) on {@code resource}, or, when {@code range} is given, inside that range. Without a
 * reason it is not honoured and is reported.
 */
public record InlineSuppression(String rule, Optional<String> reason, Optional<ResourceRef> resource,
    Optional<Location> range, Location location) {

  /** True when the suppression carries a non-blank reason. */
  public boolean hasReason() {
    return reason.filter(r -> !r.isBlank()).isPresent();
  }

  /** True when it covers a finding of {@code ruleId} on {@code findingResource} at {@code at}. */
  public boolean covers(String ruleId, Optional<ResourceRef> findingResource, Location at) {
    if (!rule.equals("*") && !rule.equalsIgnoreCase(ruleId)) {
      return false;
    }
    if (range.isPresent()) {
      Location r = range.get();
      return r.file().equals(at.file()) && at.line() >= r.line() && at.line() <= r.endLine();
    }
    return resource.isPresent() && findingResource.map(f -> f.id().equals(resource.get().id())).orElse(false);
  }
}
