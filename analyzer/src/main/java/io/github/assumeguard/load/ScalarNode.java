package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.Optional;

/**
 * A string, number, boolean or null, with its text as written and, for YAML, its tag
 * ({@code !Ref}, {@code !Sub}, ...).
 */
public record ScalarNode(Location location, Type type, String text, Optional<String> tag) implements Node {

  /** The JSON type of a scalar. */
  public enum Type {
    STRING, NUMBER, BOOLEAN, NULL
  }

  public boolean isString() {
    return type == Type.STRING;
  }

  @Override
  public String typeName() {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
