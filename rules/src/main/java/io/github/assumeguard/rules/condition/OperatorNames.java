package io.github.assumeguard.rules.condition;

import io.github.assumeguard.model.ConditionOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Every condition operator name IAM accepts, spelt canonically, to suggest the one a misspelt
 * operator meant. The base names come from {@link ConditionOperator}, which owns them.
 */
final class OperatorNames {

  private OperatorNames() {
  }

  private static final List<String> BASES = ConditionOperator.bases();

  /** Plain names first, then with IfExists, then with each set qualifier. */
  static final List<String> ALL = all();

  private static List<String> all() {
    List<String> out = new ArrayList<>();
    for (ConditionOperator.SetQualifier q : ConditionOperator.SetQualifier.values()) {
      for (String base : BASES) {
        out.add(q.prefix() + base);
      }
      for (String base : BASES) {
        if (!"Null".equals(base)) {
          out.add(q.prefix() + base + "IfExists");
        }
      }
    }
    return List.copyOf(out);
  }
}
