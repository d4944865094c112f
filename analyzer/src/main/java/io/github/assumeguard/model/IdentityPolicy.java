package io.github.assumeguard.model;

import java.util.Optional;

/** An identity policy that stands on its own: a managed policy, or a user's or group's policy. */
public record IdentityPolicy(Optional<ResourceRef> ref, Optional<String> name, PolicyDocument document) {
}
