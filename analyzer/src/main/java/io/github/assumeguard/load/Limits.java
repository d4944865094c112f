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

  // Written out: limits key the parser factory caches, and a record's generated equals and
  // hashCode are linked through method handles on first use, which costs start-up time.
  @Override
  public boolean equals(Object other) {
    return other instanceof Limits l && l.maxFileBytes == maxFileBytes && l.maxDepth == maxDepth
        && l.maxStringLength == maxStringLength && l.maxNumberLength == maxNumberLength
        && l.maxAliases == maxAliases;
  }

  @Override
  public int hashCode() {
    long h = maxFileBytes;
    h = 31 * h + maxDepth;
    h = 31 * h + maxStringLength;
    h = 31 * h + maxNumberLength;
    h = 31 * h + maxAliases;
    return Long.hashCode(h);
  }
}
