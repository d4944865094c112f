package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.List;

/** Finds {@code //} and {@code /* *\/} comments outside strings in JSON text. */
public final class JsonComments {

  private JsonComments() {
  }

  public static List<Location> find(String text, String file) {
    List<Location> out = new ArrayList<>();
    int line = 1;
    int col = 1;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
          col += 2;
          continue;
        }
        if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
        boolean block = text.charAt(i + 1) == '*';
        int startLine = line;
        int startCol = col;
        int end = block ? text.indexOf("*/", i + 2) : text.indexOf('\n', i);
        end = end < 0 ? text.length() : (block ? end + 2 : end);
        for (int j = i; j < end; j++) {
          if (text.charAt(j) == '\n') {
            line++;
            col = 1;
          } else {
            col++;
          }
        }
        out.add(new Location(file, startLine, startCol, line, col, ""));
        i = end - 1;
        continue;
      }
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return out;
  }
}
