package io.github.assumeguard.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A string-valued element of a policy with its location. Values the tool cannot know statically
 * (an unresolved parameter, a Terraform unknown) are unknown: {@link #known()} is empty and
 * {@link #display()} shows what stood in the source.
 */
public record Text(String display, boolean isKnown, Location location) {

  public Text {
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(location, "location");
  }

  public static Text of(String value, Location location) {
    return new Text(value, true, location);
  }

  public static Text unknown(String display, Location location) {
    return new Text(display, false, location);
  }

  /** The literal value, when known. */
  public Optional<String> known() {
    return isKnown ? Optional.of(display) : Optional.empty();
  }

  /** True when the value is known and equals {@code other}, ignoring case. */
  public boolean is(String other) {
    return isKnown && display.equalsIgnoreCase(other);
  }

  @Override
  public String toString() {
    return display;
  }
}
