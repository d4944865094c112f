package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.TextLines;

/** ANSI colour for the text report on a terminal: the level in its colour, the rule id bold. */
final class Ansi {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";

  private Ansi() {
  }

  /** {@link TextLines#finding} with colour; the characters are the same once the codes are removed. */
  static String finding(Finding f) {
    String line = TextLines.finding(f);
    String head = f.location().file() + ":" + f.location().line() + ":" + f.location().column() + ": ";
    String label = f.level().label();
    if (!line.startsWith(head + label + " " + f.ruleId() + " ")) {
      return line;
    }
    int rest = head.length() + label.length() + 1 + f.ruleId().length();
    return head + colour(f.level()) + label + RESET + " " + BOLD + f.ruleId() + RESET + line.substring(rest);
  }

  private static String colour(Level level) {
    return switch (level) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case NOTE, NONE -> CYAN;
    };
  }
}
