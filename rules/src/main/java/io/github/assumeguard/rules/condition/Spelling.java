package io.github.assumeguard.rules.condition;

import java.util.Locale;
import java.util.Optional;

/** Finds the nearest known name to a misspelt one (case-insensitive edit distance). */
final class Spelling {

  private Spelling() {
  }

  /**
   * The candidate nearest to {@code word} when it is close enough to be a plausible typo: one edit
   * for short words, two up to ten characters, three beyond. Ties go to the earlier candidate.
   */
  static Optional<String> nearest(String word, Iterable<String> candidates) {
    int limit = word.length() <= 5 ? 1 : word.length() <= 10 ? 2 : 3;
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      int d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Optimal-string-alignment distance without case: insertions, deletions, substitutions and
   * transpositions of neighbours each cost one.
   */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[][] d = new int[s.length() + 1][t.length() + 1];
    for (int i = 0; i <= s.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= t.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[s.length()][t.length()];
  }
}
