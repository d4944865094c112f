package io.github.assumeguard.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values that are one of a few lower-case words: formats and levels. */
final class Choice {

  private Choice() {
  }

  /** Converts {@code text} to the constant of {@code type} named like it, ignoring case. */
  static <E extends Enum<E>> ITypeConverter<E> of(Class<E> type) {
    return text -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text)) {
          return e;
        }
      }
      throw new TypeConversionException("expected one of " + labels(type.getEnumConstants()) + " but was '"
          + text + "'");
    };
  }

  /** The lower-case names, comma separated: {@code text, json, sarif}. */
  static String labels(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
