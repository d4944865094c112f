package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.stream.Stream;

/** Flags cross-account trust that lacks an external id, MFA or organization condition. */
public final class CrossAccountWithoutExternalId implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG103", "cross-account-without-external-id")
      .level(Level.WARNING)
      .title("Cross-account trust without sts:ExternalId")
      .description("An Allow trust statement admits a principal of another account without an sts:ExternalId match, MFA, or an organization condition: the confused-deputy problem.")
      .tags("security", "principal", "confused-deputy")
      .securitySeverity(7.5)
      .precision("high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return TrustStatements.allows(role)
        .filter(s -> !guarded(s))
        .flatMap(s -> s.grantees().filter(p -> foreign(p, role, context)))
        .map(p -> META.at(p.location(), "Principal " + p.value().display() + " of another account can assume "
                + role.displayName() + " without sts:ExternalId, MFA or an organization condition; "
                + "require the external id with StringEquals")
            .witness(p.value().display() + ", without an external id")
            .fix("Add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<the id the other party "
                + "issued>\"}}; for people, require \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}; "
                + "for your own organization, aws:PrincipalOrgID; or list the account in trustedAccounts"));
  }

  /** An AWS principal (not "*") in an account that is neither the role's own nor trusted by config. */
  private static boolean foreign(Principal p, Role role, RuleContext context) {
    if (p.type() != PrincipalType.AWS || p.isEveryone()) {
      return false;
    }
    return p.account().filter(a -> !role.isOwnAccount(a) && !context.isTrusted(a)).isPresent();
  }

  /** True when a condition ties the caller to an external id, MFA or the organization. */
  private static boolean guarded(Statement s) {
    // a key the tool cannot read could be any of these: cannot tell, so say nothing
    return s.conditions().stream().anyMatch(c -> !c.key().isKnown() || externalId(c) || mfa(c) || organization(c));
  }

  /**
   * {@code sts:ExternalId} under a positive string match that can fail, with a value that is not
   * empty (STS never sends an empty id, so "" admits nobody and protects nothing) or is unknown.
   * A {@code StringLike} pattern counts too: it still demands an id; AG104 judges how weak it is.
   */
  private static boolean externalId(Condition c) {
    return c.keyIs(ConditionKeys.EXTERNAL_ID)
        && c.operator().base().startsWith("String")
        && c.narrows()
        && c.values().stream().anyMatch(v -> !v.isKnown() || !v.display().isEmpty());
  }

  /**
   * {@code Bool} (not IfExists) {@code aws:MultiFactorAuthPresent} {@code true}, as string or JSON
   * boolean; a list that also accepts {@code false} demands nothing.
   */
  private static boolean mfa(Condition c) {
    return c.keyIs(ConditionKeys.MFA_PRESENT)
        && c.operator().isBool()
        && c.canFail()
        && c.values().stream().allMatch(v -> !v.isKnown() || v.is("true"));
  }

  /** {@code aws:PrincipalOrgID} or {@code aws:PrincipalOrgPaths} under a positive match that can fail. */
  private static boolean organization(Condition c) {
    return c.key().isKnown() && ConditionKeys.ORGANIZATION.contains(c.key().display())
        && c.narrows();
  }
}
