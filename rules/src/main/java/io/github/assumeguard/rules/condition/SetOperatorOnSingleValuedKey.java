package io.github.assumeguard.rules.condition;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.ConditionOperator.SetQualifier;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Statement;
import java.util.stream.Stream;

/**
 * Flags {@code ForAllValues:}/{@code ForAnyValue:} on single-valued keys. The set qualifiers are for
 * keys that hold a list; on a single value {@code ForAllValues:} is also true when the request has no
 * such key at all, so the test lets through exactly the requests it was meant to stop.
 */
public final class SetOperatorOnSingleValuedKey implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG603", "set-operator-on-single-valued-key")
      .level(Level.WARNING)
      .title("Set operator on a single-valued key")
      .description("ForAllValues: or ForAnyValue: on a single-valued key (sts:ExternalId, OIDC aud/sub, "
          + "aws:PrincipalOrgID, aws:SourceArn, aws:SourceAccount, SAML:aud, ...): ForAllValues: passes when "
          + "the key is absent, and neither means what the author expected.")
      .tags("security", "condition")
      .securitySeverity(6.0)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    return document.statements().stream()
        .filter(s -> !(s.isAllow() && document.neutralised(s)))
        .flatMap(s -> s.conditions().stream()
            .filter(SetOperatorOnSingleValuedKey::applies)
            .map(c -> finding(s, c)));
  }

  private static boolean applies(Condition c) {
    return c.operator().setQualifier() != SetQualifier.NONE
        && c.key().isKnown() && ConditionKeys.isSingleValued(c.key().display());
  }

  private static Finding finding(Statement statement, Condition c) {
    String operator = c.operatorText().display();
    String key = c.key().display();
    String plain = c.operator().base() + (c.operator().ifExists() ? "IfExists" : "");
    if (!c.operator().known()) {
      plain = operator.substring(c.operator().setQualifier().prefix().length());
    }
    String why = c.operator().setQualifier() == SetQualifier.FOR_ALL_VALUES
        ? " also passes a request that has no " + key
        : " treats the one value as a set, which only multivalued keys need (and ForAllValues: would even"
            + " pass a request without the key)";
    Finding finding = META.at(c.operatorText().location(), operator + " on single-valued key " + key
            + why + "; use " + plain + " without the set qualifier")
        .fix("replace \"" + operator + "\" with \"" + plain + "\"");
    if (statement.isAllow() && c.operator().setQualifier() == SetQualifier.FOR_ALL_VALUES
        && !c.operator().isNegated()) {
      finding = finding.witness("a request that carries no " + key);
    }
    return finding;
  }
}
