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
import java.util.stream.Stream;

/**
 * Flags {@code ...IfExists} on keys that carry the security decision in an Allow statement: IfExists
 * makes the test pass for every request that lacks the key, which is exactly the caller the key was
 * meant to keep out.
 */
public final class IfExistsOnSecurityKey implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG601", "ifexists-on-security-key")
      .level(Level.WARNING)
      .title("IfExists on a key that carries the decision")
      .description("An ...IfExists operator in an Allow statement guards a key that carries the security "
          + "decision (sts:ExternalId, aws:MultiFactorAuthPresent, aws:PrincipalOrgID, aws:PrincipalOrgPaths, "
          + "aws:SourceAccount, aws:SourceArn, OIDC aud/sub, SAML:aud): a request without the key passes.")
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
    return document.effectiveAllows()
        .flatMap(s -> s.conditions().stream())
        .filter(IfExistsOnSecurityKey::applies)
        .map(IfExistsOnSecurityKey::finding);
  }

  /**
   * A known, positive operator with IfExists on a security key. Negated operators already pass
   * when the key is missing, so IfExists changes nothing there; unknown operators are AG602's.
   */
  private static boolean applies(Condition c) {
    ConditionOperator op = c.operator();
    return op.ifExists() && op.known() && !op.isNegated()
        && c.key().isKnown() && ConditionKeys.isSecurityDecision(c.key().display());
  }

  private static Finding finding(Condition c) {
    String operator = c.operatorText().display();
    String key = c.key().display();
    String plain = c.operator().setQualifier().prefix() + c.operator().base();
    return META.at(c.operatorText().location(), operator + " on " + key
            + " lets any request that does not carry the key pass; drop IfExists and use " + plain)
        .witness(witness(key))
        .fix("replace \"" + operator + "\" with \"" + plain + "\" so a request without " + key + " is refused");
  }

  private static String witness(String key) {
    if (key.equalsIgnoreCase(ConditionKeys.MFA_PRESENT)) {
      return "a caller using long-term access keys without MFA (the request has no aws:MultiFactorAuthPresent)";
    }
    if (key.equalsIgnoreCase(ConditionKeys.EXTERNAL_ID)) {
      return "a caller that calls sts:AssumeRole without --external-id";
    }
    return "a request without " + key;
  }
}
