package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;

/** An input that cannot be read or parsed, with where and why. */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Location location;

  public InputException(Location location, String message) {
    super(message);
    this.location = location;
  }

  public Location location() {
    return location;
  }
}
