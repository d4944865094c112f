package io.github.assumeguard.model;

import java.util.Locale;
import java.util.Optional;

/** The key of a principal entry: {@code AWS}, {@code Service}, ... or the bare {@code "*"}. */
public enum PrincipalType {
  AWS("AWS"), SERVICE("Service"), FEDERATED("Federated"), CANONICAL_USER("CanonicalUser"),
  /** {@code "Principal": "*"}. */
  EVERYONE("*"),
  /** A key IAM does not know (reported by AG002). */
  UNKNOWN("?");

  private final String key;

  PrincipalType(String key) {
    this.key = key;
  }

  /** The key as written in a policy. */
  public String key() {
    return key;
  }

  /** The type named by a principal key, compared as IAM does (case-sensitive). */
  public static Optional<PrincipalType> ofKey(String key) {
    for (PrincipalType t : values()) {
      if (t != EVERYONE && t != UNKNOWN && t.key.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
