package io.github.assumeguard.rules.session;

import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads a {@code MaxSessionDuration} as IAM does: a whole number of seconds from 3600 to 43200,
 * written as a number or a string of digits. Bounded on hostile input: the exponent is limited and
 * huge values are compared, never expanded.
 */
final class SessionDuration {

  static final long MIN = 3600;
  static final long MAX = 43200;

  /** A JSON-style number; the exponent is bounded so BigDecimal's scale cannot overflow. */
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d{1,6})?");
  private static final int SHOWN_LENGTH = 24;

  private SessionDuration() {
  }

  /** The role's MaxSessionDuration when it is set and known. */
  static Optional<Text> known(Role role) {
    return role.maxSessionDuration().filter(Text::isKnown);
  }

  /** The duration in seconds when the value is one IAM accepts. */
  static OptionalLong seconds(String text) {
    return problem(text).isPresent() ? OptionalLong.empty()
        : OptionalLong.of(new BigDecimal(text).longValueExact());
  }

  /** Why IAM would reject the value, as the end of a sentence that starts with the value. */
  static Optional<String> problem(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return Optional.of("is not a number of seconds");
    }
    BigDecimal value = new BigDecimal(text);
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      return Optional.of("is not a whole number of seconds");
    }
    if (value.compareTo(BigDecimal.valueOf(MIN)) < 0) {
      return Optional.of("is below the IAM minimum of " + MIN + " s (" + human(MIN) + ")");
    }
    if (value.compareTo(BigDecimal.valueOf(MAX)) > 0) {
      return Optional.of("is above the IAM maximum of " + MAX + " s (" + human(MAX) + ")");
    }
    return Optional.empty();
  }

  /** The value as a message shows it: numbers as written, other text quoted, long text shortened. */
  static String shown(String text) {
    String head = text.length() <= SHOWN_LENGTH ? text
        : text.substring(0, SHOWN_LENGTH) + "... (" + text.length() + " characters)";
    return NUMBER.matcher(text).matches() ? head : "\"" + head + "\"";
  }

  /** Seconds in hours, minutes and seconds, e.g. {@code 1 h 30 min}. */
  static String human(long seconds) {
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (hours != 0) {
      out.append(hours).append(" h");
    }
    if (minutes != 0) {
      out.append(out.isEmpty() ? "" : " ").append(minutes).append(" min");
    }
    if (rest != 0 || out.isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append(rest).append(" s");
    }
    return out.toString();
  }
}
