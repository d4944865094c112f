package io.github.assumeguard.load.hcl;

import java.util.ArrayList;
import java.util.List;

/** Decodes literal template text: backslash escapes in quoted strings, {@code $${} and {@code %%{} everywhere. */
final class Literals {

  private Literals() {
  }

  /** Decoded text with the origin of every character. */
  record Decoded(String text, Origin origin) {
  }

  static Decoded decode(Hcl.Literal literal) {
    Hcl.Src src = literal.src();
    String raw = src.text();
    switch (literal.kind()) {
      case ESCAPED_MARKER:
        return new Decoded(raw.substring(1), Origin.whole(src.file(), src.start(), src.end(), raw.length() - 1));
      case PLAIN:
        return new Decoded(raw, Origin.exact(src.file(), src.start(), raw.length()));
      default:
        break;
    }
    if (raw.indexOf('\\') < 0) {
      return new Decoded(raw, Origin.exact(src.file(), src.start(), raw.length()));
    }
    StringBuilder out = new StringBuilder(raw.length());
    List<Origin.Segment> segments = new ArrayList<>();
    int runStart = 0;
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        i++;
        continue;
      }
      if (i > runStart) {
        segments.add(new Origin.Segment(out.length(), out.length() + (i - runStart), src.file(),
            src.start() + runStart, src.start() + i, true));
        out.append(raw, runStart, i);
      }
      int escapeEnd = i + 2;
      String decoded;
      char e = raw.charAt(i + 1);
      switch (e) {
        case 'n' -> decoded = "\n";
        case 'r' -> decoded = "\r";
        case 't' -> decoded = "\t";
        case '"' -> decoded = "\"";
        case '\\' -> decoded = "\\";
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          if (i + 2 + digits <= raw.length() && raw.substring(i + 2, i + 2 + digits).matches("[0-9a-fA-F]+")) {
            int cp = (int) Long.parseLong(raw.substring(i + 2, i + 2 + digits), 16);
            decoded = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD";
            escapeEnd = i + 2 + digits;
          } else {
            decoded = raw.substring(i, i + 2);
          }
        }
        default -> decoded = raw.substring(i, i + 2);
      }
      segments.add(new Origin.Segment(out.length(), out.length() + decoded.length(), src.file(),
          src.start() + i, src.start() + escapeEnd, false));
      out.append(decoded);
      i = escapeEnd;
      runStart = i;
    }
    if (runStart < raw.length()) {
      segments.add(new Origin.Segment(out.length(), out.length() + (raw.length() - runStart), src.file(),
          src.start() + runStart, src.start() + raw.length(), true));
      out.append(raw, runStart, raw.length());
    }
    return new Decoded(out.toString(), new Origin(segments));
  }
}
