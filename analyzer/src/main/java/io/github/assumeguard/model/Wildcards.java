package io.github.assumeguard.model;

/**
 * IAM wildcard matching: {@code *} matches any run of characters, {@code ?} any one character.
 * Iterative with backtracking to the last star, so hostile patterns stay linear-ish.
 */
public final class Wildcards {

  private Wildcards() {
  }

  /** True when {@code value} matches {@code pattern}, optionally ignoring case. */
  public static boolean matches(String pattern, String value, boolean ignoreCase) {
    if (!hasWildcard(pattern)) {
      return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
    }
    int pi = 0;
    int vi = 0;
    int star = -1;
    int mark = 0;
    while (vi < value.length()) {
      if (pi < pattern.length() && (pattern.charAt(pi) == '?' || same(pattern.charAt(pi), value.charAt(vi), ignoreCase))) {
        pi++;
        vi++;
      } else if (pi < pattern.length() && pattern.charAt(pi) == '*') {
        star = pi++;
        mark = vi;
      } else if (star >= 0) {
        pi = star + 1;
        vi = ++mark;
      } else {
        return false;
      }
    }
    while (pi < pattern.length() && pattern.charAt(pi) == '*') {
      pi++;
    }
    return pi == pattern.length();
  }

  /** Characters compared as {@link String#equalsIgnoreCase} does when {@code ignoreCase}. */
  private static boolean same(char a, char b, boolean ignoreCase) {
    if (a == b) {
      return true;
    }
    if (!ignoreCase) {
      return false;
    }
    char ua = Character.toUpperCase(a);
    char ub = Character.toUpperCase(b);
    return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
  }

  /** True when the string holds {@code *} or {@code ?}. */
  public static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** The part before the first wildcard character (the whole string when there is none). */
  public static String fixedPrefix(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return pattern.substring(0, i);
      }
    }
    return pattern;
  }

  /** True when the pattern matches everything: only stars (and at least one). */
  public static boolean isMatchAll(String pattern) {
    return !pattern.isEmpty() && pattern.chars().allMatch(c -> c == '*');
  }

  /**
   * True when every string {@code inner} matches is also matched by {@code outer} (a sound,
   * conservative check: literal inner patterns are matched directly; otherwise the outer must
   * match everything or be a prefix wildcard covering the inner's fixed prefix).
   */
  public static boolean covers(String outer, String inner, boolean ignoreCase) {
    if (!hasWildcard(inner)) {
      return matches(outer, inner, ignoreCase);
    }
    if (isMatchAll(outer)) {
      return true;
    }
    String outerPrefix = fixedPrefix(outer);
    boolean outerIsPrefixStar = outer.length() == outerPrefix.length() + 1 && outer.endsWith("*");
    String innerPrefix = fixedPrefix(inner);
    if (outerIsPrefixStar) {
      return ignoreCase
          ? innerPrefix.toLowerCase(java.util.Locale.ROOT)
              .startsWith(outerPrefix.toLowerCase(java.util.Locale.ROOT))
          : innerPrefix.startsWith(outerPrefix);
    }
    return ignoreCase ? outer.equalsIgnoreCase(inner) : outer.equals(inner);
  }
}
