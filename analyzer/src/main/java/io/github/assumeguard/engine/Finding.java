package io.github.assumeguard.engine;

import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.ResourceRef;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found: the rule, level, a message naming the concrete principal, key or value, where
 * it is, the resource it belongs to, and optionally a witness (a caller that gets in), a fix hint
 * and the reason it was suppressed.
 */
public record Finding(String ruleId, Level level, String message, Location location,
    Optional<ResourceRef> resource, Optional<String> witness, Optional<String> fix,
    Optional<String> suppression) {

  /** Output order: file, line, column, rule, then message. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.location().file())
      .thenComparingInt(f -> f.location().line())
      .thenComparingInt(f -> f.location().column())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message)
      .thenComparing(f -> f.resource().map(ResourceRef::id).orElse(""));

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  public Finding witness(String value) {
    return new Finding(ruleId, level, message, location, resource, Optional.of(value), fix, suppression);
  }

  public Finding fix(String value) {
    return new Finding(ruleId, level, message, location, resource, witness, Optional.of(value), suppression);
  }

  public Finding in(Optional<ResourceRef> value) {
    return new Finding(ruleId, level, message, location, value, witness, fix, suppression);
  }

  public Finding atLevel(Level value) {
    return new Finding(ruleId, value, message, location, resource, witness, fix, suppression);
  }

  public Finding suppressed(String reason) {
    return new Finding(ruleId, level, message, location, resource, witness, fix, Optional.of(reason));
  }

  public boolean isSuppressed() {
    return suppression.isPresent();
  }
}
