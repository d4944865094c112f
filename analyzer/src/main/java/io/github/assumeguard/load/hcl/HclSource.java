package io.github.assumeguard.load.hcl;

import io.github.assumeguard.model.Location;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one file read by the Terraform loader (a {@code .tf} file, or a file that
 * {@code file()} or {@code templatefile()} reads) with a table of line starts, so offsets become
 * 1-based lines and columns. Offsets count UTF-16 units of {@link #text()}.
 */
final class HclSource {

  private final String display;
  private final Path path;
  private final String text;
  private final int[] lineStarts;
  /** UTF-16 offset of each code point, only when the text has characters outside the BMP. */
  private final int[] codePointOffsets;

  HclSource(String display, Path path, String text) {
    this.display = display;
    this.path = path;
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      this.codePointOffsets = null;
    } else {
      int[] offsets = new int[codePoints + 1];
      int cp = 0;
      for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
        offsets[cp++] = i;
      }
      offsets[cp] = text.length();
      this.codePointOffsets = offsets;
    }
  }

  /** The UTF-16 offset of a code point index (ANTLR counts code points). */
  int offsetOfCodePoint(int index) {
    if (codePointOffsets == null) {
      return index;
    }
    return codePointOffsets[Math.max(0, Math.min(index, codePointOffsets.length - 1))];
  }

  String display() {
    return display;
  }

  Path path() {
    return path;
  }

  String text() {
    return text;
  }

  /** The 1-based line of {@code offset}. */
  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The 1-based column of {@code offset}. */
  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /** The offset of a 1-based line and column (clamped to the text). */
  int offset(int line, int column) {
    int l = Math.max(1, Math.min(line, lineStarts.length));
    return Math.max(0, Math.min(text.length(), lineStarts[l - 1] + column - 1));
  }

  /** The range from {@code start} (inclusive) to {@code end} (exclusive). */
  Location location(int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    return new Location(display, line(s), column(s), line(e), column(e), "");
  }

  String text(int start, int end) {
    return text.substring(Math.max(0, start), Math.min(end, text.length()));
  }
}
