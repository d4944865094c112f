package io.github.assumeguard.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a model element came from: the file as it was reached, a 1-based line and column range,
 * and an RFC 6901 pointer into the original document.
 */
public record Location(String file, int line, int column, int endLine, int endColumn, String pointer)
    implements Comparable<Location> {

  private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
      .thenComparingInt(Location::line)
      .thenComparingInt(Location::column)
      .thenComparingInt(Location::endLine)
      .thenComparingInt(Location::endColumn)
      .thenComparing(Location::pointer);

  public Location {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
    line = Math.max(1, line);
    column = Math.max(1, column);
    if (endLine < line || (endLine == line && endColumn < column)) {
      endLine = line;
      endColumn = column;
    }
  }

  /** A location for a whole file, when nothing more precise is known. */
  public static Location ofFile(String file) {
    return new Location(file, 1, 1, 1, 1, "");
  }

  /** A point location (start equals end). */
  public static Location at(String file, int line, int column, String pointer) {
    return new Location(file, line, column, line, column, pointer);
  }

  /** The same range with another pointer. */
  public Location withPointer(String newPointer) {
    return new Location(file, line, column, endLine, endColumn, newPointer);
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
