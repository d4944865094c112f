package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file's text: enforces the size limit, decodes UTF-8 (or UTF-16/32 when a byte-order mark
 * says so), and refuses binary content with a clear message.
 */
public final class SourceText {

  private SourceText() {
  }

  /** The text of {@code path}, shown as {@code display} in errors. */
  public static String read(Path path, String display, Limits limits) {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        throw new InputException(Location.ofFile(display), "file is " + size + " bytes, over the limit of "
            + limits.maxFileBytes() + " bytes");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new InputException(Location.ofFile(display), "cannot read file: " + describe(e));
    }
    return decode(bytes, display);
  }

  /** Decodes bytes as described in the class comment. */
  public static String decode(byte[] bytes, String display) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = Charset.forName("UTF-32BE");
      skip = 4;
    } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = Charset.forName("UTF-32LE");
      skip = 4;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      boolean ascii = true;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw new InputException(positionOf(bytes, i, display),
              "binary content (a NUL byte), not a JSON or YAML text file");
        }
        ascii &= bytes[i] > 0;
      }
      if (ascii) {
        // the common case, and a plain copy: ASCII text is valid UTF-8 and reads the same as Latin-1
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      if (charset == StandardCharsets.UTF_8) {
        // String decodes straight into its compact form and marks malformed input with U+FFFD; only
        // when one shows up (or the file itself holds U+FFFD) is the strict decoder asked where
        String text = new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
          validate(decoder, buffer);
        }
        return text;
      }
      return decoder.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, skip);
      throw new InputException(positionOf(bytes, Math.max(bad, skip), display),
          "not valid " + charset.name() + " text (save the file as UTF-8)");
    }
  }

  /** Decodes {@code in} through a small buffer, only to find malformed input. */
  private static void validate(CharsetDecoder decoder, ByteBuffer in) throws CharacterCodingException {
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
      if (result.isError()) {
        result.throwException();
      }
    } while (result.isOverflow());
    do {
      out.clear();
      result = decoder.flush(out);
    } while (result.isOverflow());
  }

  /**
   * The offset at which each line of {@code text} starts, counting lines as Jackson does: a line
   * ends after {@code \n}, {@code \r\n} or a lone {@code \r}.
   */
  public static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int count = 1;
    boolean carriageReturns = text.indexOf('\r') >= 0;
    int i = carriageReturns ? nextLineBreak(text, 0) : text.indexOf('\n');
    while (i >= 0) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
      i = carriageReturns ? nextLineBreak(text, i + 1) : text.indexOf('\n', i + 1);
    }
    return Arrays.copyOf(starts, count);
  }

  /** The offset of the last character of the next line break at or after {@code from}, or -1. */
  private static int nextLineBreak(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(IOException e) {
    String msg = e.getMessage();
    String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return msg == null ? kind.toLowerCase(java.util.Locale.ROOT) : kind.toLowerCase(java.util.Locale.ROOT) + " (" + msg + ")";
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int firstInvalidUtf8(byte[] bytes, int from) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT);
    int lo = from;
    int hi = bytes.length;
    // binary search on the longest valid prefix (a prefix cut mid-character also fails, so step back)
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, from, mid - from));
        lo = mid;
      } catch (CharacterCodingException e) {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static Location positionOf(byte[] bytes, int offset, String display) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return Location.at(display, line, column, "");
  }
}
