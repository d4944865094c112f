package io.github.assumeguard.engine;

import java.util.Locale;
import java.util.Optional;

/** Finding levels, ordered from most to least severe; {@link #NONE} is only a threshold. */
public enum Level {
  ERROR, WARNING, NOTE, NONE;

  /** The lower-case name used in output, config and SARIF. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this level is at or above {@code threshold} ({@code NONE} is never reached). */
  public boolean atLeast(Level threshold) {
    return threshold != NONE && this != NONE && ordinal() <= threshold.ordinal();
  }

  public static Optional<Level> parse(String text) {
    for (Level l : values()) {
      if (l.label().equalsIgnoreCase(text)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label();
  }
}
