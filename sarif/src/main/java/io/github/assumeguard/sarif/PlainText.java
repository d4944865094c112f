package io.github.assumeguard.sarif;

import java.util.regex.Pattern;

/**
 * A rule doc page's Markdown reduced to plain text for SARIF {@code help.text}: headings, code
 * fences, inline code and emphasis marks dropped, links written as "text (url)".
 */
final class PlainText {

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]*)\\)");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  private PlainText() {
  }

  static String of(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean inCode = false;
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        out.append("    ").append(line).append('\n');
        continue;
      }
      String text = HEADING.matcher(line).replaceFirst("");
      text = LINK.matcher(text).replaceAll(m -> m.group(1).equals(m.group(2)) ? "$2" : "$1 ($2)");
      text = STRONG.matcher(text).replaceAll("$2");
      text = CODE.matcher(text).replaceAll("$1");
      out.append(text).append('\n');
    }
    return out.toString().strip().replaceAll("\n{3,}", "\n\n");
  }
}
