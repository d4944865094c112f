package io.github.assumeguard.model;

/** A statement's effect; {@link #INVALID} when the document gives neither Allow nor Deny. */
public enum Effect {
  ALLOW, DENY, INVALID
}
