package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Text;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Flags wildcards that exact-match string operators compare literally. */
public final class WildcardInExactMatch implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG204", "wildcard-in-exact-match")
      .level(Level.WARNING)
      .title("Wildcard in an exact-match condition")
      .description("A * or ? in the value of StringEquals, StringEqualsIgnoreCase or their Not forms, in any policy: IAM compares it literally, so the condition never matches (or never excludes) what the author meant; StringLike was meant. ArnEquals is not flagged: it expands wildcards exactly like ArnLike.")
      .tags("correctness", "condition")
      .securitySeverity(5.0)
      .precision("high")
      .build();

  /** The policy-variable escapes {@code ${*}}, {@code ${?}} and {@code ${$}} stand for literal characters. */
  private static final Pattern ESCAPES = Pattern.compile("\\$\\{[*?$]}");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    return document.statements().stream()
        .flatMap(s -> s.conditions().stream())
        .filter(WildcardInExactMatch::comparesLiterally)
        .flatMap(c -> c.values().stream()
            .filter(Text::isKnown)
            .filter(v -> wildcard(v.display()) != 0)
            .map(v -> finding(c, v)));
  }

  /** String equality operators; ArnEquals matches wildcards like ArnLike, so it is left out. */
  private static boolean comparesLiterally(Condition condition) {
    ConditionOperator op = condition.operator();
    return op.known() && op.isExactMatch();
  }

  private static Finding finding(Condition condition, Text value) {
    String operator = condition.operator().raw();
    String like = likeOperator(condition.operator());
    return META.at(value.location(), operator + " compares \"" + value.display() + "\" on "
            + condition.key().display() + " literally, so \"" + wildcard(value.display()) + "\" matches only "
            + (wildcard(value.display()) == '*' ? "an asterisk" : "a question mark") + "; use " + like
            + " if a pattern was meant")
        .fix("Change " + operator + " to " + like + ", or remove the wildcard from the value.");
  }

  /** The first wildcard character outside policy-variable escapes, or 0 when there is none. */
  private static char wildcard(String value) {
    String plain = ESCAPES.matcher(value).replaceAll("");
    for (char c : plain.toCharArray()) {
      if (c == '*' || c == '?') {
        return c;
      }
    }
    return 0;
  }

  /** The Like operator with the same qualifiers: StringEquals becomes StringLike, and so on. */
  private static String likeOperator(ConditionOperator op) {
    String base = op.isNegated() ? "StringNotLike" : "StringLike";
    return op.setQualifier().prefix() + base + (op.ifExists() ? "IfExists" : "");
  }
}
