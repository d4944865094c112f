package io.github.assumeguard.load;

/**
 * Bounds on the work one input may cause: file size, nesting depth, string length, number length
 * and YAML aliases. Hostile input meets a clear error, never unbounded work.
 */
public record Limits(long maxFileBytes, int maxDepth, int maxStringLength, int maxNumberLength,
    int maxAliases) {

  public static final long DEFAULT_MAX_FILE_BYTES = 256L * 1024 * 1024;

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_FILE_BYTES, 500, 20_000_000, 1000, 50);
  }
}
