package io.github.assumeguard.rules.condition;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Flags {@code aws:}/{@code sts:} condition keys AWS does not define and operator names that do not
 * exist. A misspelt key is never in the request, so the test silently does something else than it
 * says; a misspelt operator makes IAM reject the document.
 */
public final class UnknownConditionKey implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG602", "unknown-condition-key")
      .level(Level.WARNING)
      .title("Unknown condition key or operator")
      .description("An aws: or sts: condition key that AWS does not define (a typo such as aws:SourceAcount) "
          + "is never present in a request, so the condition does not test what it seems to; an operator "
          + "name that does not exist (StringEqual, ForAnyValues:StringLike, NullIfExists) makes IAM reject "
          + "the policy.")
      .tags("correctness", "condition")
      .securitySeverity(5.0)
      .precision("high")
      .build();

  private static final String TAG_KEY = "<tag-key>";

  /** Every defined aws:/sts: key, in a stable order, for suggestions. */
  private static final TreeSet<String> DEFINED_KEYS = definedKeys();

  private static TreeSet<String> definedKeys() {
    TreeSet<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    keys.addAll(ConditionKeys.AWS_GLOBAL);
    keys.addAll(ConditionKeys.STS);
    return keys;
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    return document.statements().stream()
        .filter(s -> !(s.isAllow() && document.neutralised(s)))
        .flatMap(s -> Stream.concat(operators(s), keys(s)));
  }

  private static Stream<Finding> operators(Statement statement) {
    return statement.conditions().stream()
        .filter(c -> !c.operator().known())
        .map(Condition::operatorText)
        .distinct()
        .map(UnknownConditionKey::unknownOperator);
  }

  private static Stream<Finding> keys(Statement statement) {
    return statement.conditions().stream()
        .map(Condition::key)
        .filter(Text::isKnown)
        .filter(k -> ConditionKeys.isAwsOrSts(k.display()) && !ConditionKeys.isDefined(k.display()))
        .map(UnknownConditionKey::unknownKey);
  }

  private static Finding unknownOperator(Text text) {
    String name = text.display();
    ConditionOperator parsed = ConditionOperator.parse(name);
    if (parsed.ifExists() && "Null".equals(parsed.base())) {
      String plain = parsed.setQualifier().prefix() + "Null";
      return META.at(text.location(), "Condition operator \"" + name
              + "\" does not exist (Null cannot take IfExists), so IAM rejects the policy; use \"" + plain + "\"")
          .fix("replace \"" + name + "\" with \"" + plain + "\"");
    }
    Optional<String> suggestion = Spelling.nearest(name, OperatorNames.ALL);
    String message = "Condition operator \"" + name + "\" does not exist, so IAM rejects the policy; "
        + suggestion.map(s -> "did you mean \"" + s + "\"?")
            .orElse("use one of the IAM condition operators (StringEquals, StringLike, ArnLike, Bool, ...)");
    return META.at(text.location(), message)
        .fix(suggestion.map(s -> "replace \"" + name + "\" with \"" + s + "\"")
            .orElse("use an IAM condition operator such as StringEquals or StringLike"));
  }

  private static Finding unknownKey(Text key) {
    String name = key.display();
    Optional<String> suggestion = suggestKey(name);
    String message = "Condition key \"" + name + "\" is not defined by AWS, so no request carries it and "
        + "the condition does not test what it seems to; "
        + suggestion.map(s -> "did you mean \"" + s + "\"?").orElse("check the key's spelling");
    return META.at(key.location(), message)
        .fix(suggestion.map(s -> "replace \"" + name + "\" with \"" + s + "\"")
            .orElse("use a condition key from the AWS global condition context keys or the AWS STS keys"));
  }

  /**
   * The defined key {@code key} most likely meant: the nearest defined key, or for a tag-style key
   * ({@code aws:PrincipalTags/Team}) the nearest tag prefix with the same tag key.
   */
  static Optional<String> suggestKey(String key) {
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String tail = key.substring(slash + 1);
      Optional<String> prefix = Spelling.nearest(key.substring(0, slash + 1), ConditionKeys.TAG_PREFIXES);
      if (prefix.isPresent()) {
        return Optional.of(prefix.get() + (tail.isEmpty() ? TAG_KEY : tail));
      }
    }
    Optional<String> defined = Spelling.nearest(key, DEFINED_KEYS);
    if (slash >= 0) {
      return defined;
    }
    Optional<String> tagPrefix = Spelling.nearest(key + "/", ConditionKeys.TAG_PREFIXES);
    if (tagPrefix.isPresent() && (defined.isEmpty()
        || Spelling.distance(key + "/", tagPrefix.get()) < Spelling.distance(key, defined.get()))) {
      return Optional.of(tagPrefix.get() + TAG_KEY);
    }
    return defined;
  }
}
