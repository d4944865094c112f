package io.github.assumeguard.rules.service;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Wildcards;
import java.util.stream.Stream;

/**
 * Flags service principals that no source condition ties to this account: the service can then be
 * asked, by a customer in any account, to act through this role (the cross-service confused deputy).
 */
public final class ServiceConfusedDeputy implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG501", "service-confused-deputy")
      .level(Level.NOTE)
      .title("Service principal without a source condition")
      .description("An Allow trust statement admits an AWS service principal without aws:SourceAccount, "
          + "aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths, so the service can be made to act "
          + "through the role on behalf of a resource in another account (confused deputy). Compute "
          + "services that never act for another account (ec2, lambda, ecs-tasks, eks, ...) are exempt.")
      .tags("security", "service", "confused-deputy")
      .securitySeverity(4.0)
      .precision("medium")
      .build();

  private static final String ASSUME_ROLE = "sts:AssumeRole";
  private static final String OTHER_ACCOUNT = "999999999999";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return role.trust().filter(PolicyDocument::isTrust).stream()
        .flatMap(trust -> trust.effectiveAllows()
            .filter(s -> !tiedToSource(s))
            .flatMap(s -> s.grantees()
                .filter(p -> p.serviceName().isPresent())
                .filter(p -> !context.isExemptService(p.value().display()))
                .filter(p -> !deniedOutsideSource(trust, p))
                .map(p -> finding(role, p))));
  }

  private static Finding finding(Role role, Principal service) {
    String name = service.value().display();
    String account = role.ownAccount().orElse("<your account id>");
    return META.at(service.location(), "Service principal \"" + name + "\" can assume " + role.displayName()
            + " on behalf of a resource in any account; add an aws:SourceAccount or aws:SourceArn condition "
            + "that names your own account or resource")
        .witness(name + " acting for a " + service.serviceName().orElse(name)
            + " resource in account " + OTHER_ACCOUNT)
        .fix("add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"" + account
            + "\"}} (or aws:SourceArn with the ARN of the resource that uses the role)");
  }

  /** True when a positive condition on a source key ties the request to a source. */
  private static boolean tiedToSource(Statement statement) {
    return statement.conditions().stream().anyMatch(ServiceConfusedDeputy::tiesToSource);
  }

  private static boolean tiesToSource(Condition c) {
    return isSourceKey(c) && c.narrows();
  }

  private static boolean isSourceKey(Condition c) {
    return c.key().isKnown() && ConditionKeys.SERVICE_SOURCE.contains(c.key().display());
  }

  /**
   * True when a Deny of the same policy refuses the service (or everyone) {@code sts:AssumeRole}
   * whenever the source is not the expected one: the other way to write the same protection.
   */
  private static boolean deniedOutsideSource(PolicyDocument trust, Principal service) {
    return trust.statements().stream()
        .filter(Statement::isDeny)
        .filter(d -> !d.notPrincipal() && d.covers(ASSUME_ROLE))
        .filter(d -> d.principals().stream().anyMatch(p -> p.isEveryone()
            || (p.type() == PrincipalType.SERVICE && p.value().isKnown()
                && p.value().display().equalsIgnoreCase(service.value().display()))))
        .anyMatch(d -> !d.conditions().isEmpty()
            && d.conditions().stream().allMatch(ServiceConfusedDeputy::refusesOtherSources));
  }

  /**
   * A negated test on a source key, true (so the Deny applies) for any other or a missing source;
   * {@code StringNotLike "*"} is never true and protects nothing.
   */
  private static boolean refusesOtherSources(Condition c) {
    return isSourceKey(c) && c.operator().known() && c.operator().isNegated()
        && c.operator().setQualifier() == ConditionOperator.SetQualifier.NONE
        && !c.values().isEmpty()
        && !(c.operator().isLike() && c.knownValues().stream().anyMatch(Wildcards::isMatchAll));
  }
}
