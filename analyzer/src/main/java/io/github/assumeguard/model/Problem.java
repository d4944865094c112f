package io.github.assumeguard.model;

/** A way a document breaks the IAM policy grammar, found while loading it. */
public record Problem(Location location, String message) {
}
