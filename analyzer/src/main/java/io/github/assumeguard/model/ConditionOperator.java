package io.github.assumeguard.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A condition operator with its qualifiers: {@code ForAnyValue:}/{@code ForAllValues:} before it
 * and {@code IfExists} after it. Parsed case-insensitively, as IAM does.
 */
public record ConditionOperator(String raw, SetQualifier setQualifier, String base, boolean ifExists,
    boolean known) {

  /** The set qualifier in front of an operator. */
  public enum SetQualifier {
    NONE(""), FOR_ANY_VALUE("ForAnyValue:"), FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  private static final Map<String, String> BASE_OPERATORS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private static final List<String> BASES = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals",
        "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
        "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
        "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals",
        "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

  static {
    for (String op : BASES) {
      BASE_OPERATORS.put(op, op);
    }
  }

  /** Every base operator IAM defines, canonically spelt, in documentation order. */
  public static List<String> bases() {
    return BASES;
  }

  /** Parses an operator name; unknown names give {@code known() == false}. */
  public static ConditionOperator parse(String raw) {
    String rest = raw;
    SetQualifier qualifier = SetQualifier.NONE;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("foranyvalue:")) {
      qualifier = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring("foranyvalue:".length());
    } else if (lower.startsWith("forallvalues:")) {
      qualifier = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring("forallvalues:".length());
    }
    boolean ifExists = false;
    if (rest.toLowerCase(Locale.ROOT).endsWith("ifexists")) {
      ifExists = true;
      rest = rest.substring(0, rest.length() - "ifexists".length());
    }
    String canonical = BASE_OPERATORS.get(rest);
    boolean known = canonical != null && !(ifExists && "Null".equals(canonical));
    return new ConditionOperator(raw, qualifier, canonical != null ? canonical : rest, ifExists, known);
  }

  /**
   * True for the string equality operators, which compare {@code *} and {@code ?} literally. The
   * ARN operators are not among them: {@code ArnEquals} matches wildcards per ARN field, as
   * {@code ArnLike} does.
   */
  public boolean isExactMatch() {
    return switch (base) {
      case "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> true;
      default -> false;
    };
  }

  /** True for operators whose values may hold {@code *} and {@code ?} wildcards (all ARN operators). */
  public boolean isLike() {
    return switch (base) {
      case "StringLike", "StringNotLike", "ArnLike", "ArnNotLike", "ArnEquals", "ArnNotEquals" -> true;
      default -> false;
    };
  }

  /** True for the negated operators ({@code StringNotEquals}, {@code NotIpAddress}, ...). */
  public boolean isNegated() {
    return base.contains("Not");
  }

  /** True for positive string/ARN matching operators (equality or like). */
  public boolean isPositiveMatch() {
    return !isNegated() && (base.startsWith("String") || base.startsWith("Arn"));
  }

  public boolean isBool() {
    return "Bool".equals(base);
  }

  /** The canonical spelling, e.g. {@code ForAnyValue:StringLikeIfExists}. */
  public String canonical() {
    return setQualifier.prefix() + base + (ifExists ? "IfExists" : "");
  }

}
