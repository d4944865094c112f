package io.github.assumeguard.model;

import java.util.List;

/**
 * One key test of a statement's {@code Condition} block: {@code "OPERATOR": {"KEY": VALUES}}.
 * {@code operatorText} locates the operator name, {@code key} the key, each value itself.
 */
public record Condition(ConditionOperator operator, Text operatorText, Text key, List<Text> values) {

  public Condition {
    values = List.copyOf(values);
  }

  /** True when the key is {@code name}, compared as IAM does (without case). */
  public boolean keyIs(String name) {
    return key.is(name);
  }

  public Location location() {
    return key.location();
  }

  /** True when any value is unknown (so a rule cannot judge this condition). */
  public boolean hasUnknownValue() {
    return values.stream().anyMatch(v -> !v.isKnown());
  }

  /**
   * True when this test can fail for some request, so it narrows who passes: a positive match
   * whose values are not all bare wildcards under a {@code Like} operator, and no {@code IfExists}
   * or {@code ForAllValues:} that lets a request without the key through.
   */
  public boolean canFail() {
    if (operator.ifExists() || operator.setQualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES) {
      return false;
    }
    if (!operator.known() || values.isEmpty()) {
      return false;
    }
    if (operator.base().equals("Null")) {
      return true;
    }
    if (operator.isLike() && values.stream()
        .anyMatch(v -> v.isKnown() && Wildcards.isMatchAll(v.display()))) {
      return false;
    }
    return true;
  }

  /**
   * True when the test narrows who passes on its key: a positive string or ARN match (negated
   * operators and {@code Null} only exclude, they never name) that {@link #canFail() can fail}.
   */
  public boolean narrows() {
    return operator.isPositiveMatch() && canFail();
  }

  /** Known values as strings. */
  public List<String> knownValues() {
    return values.stream().filter(Text::isKnown).map(Text::display).toList();
  }
}
