package io.github.assumeguard.rules.federation;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Flags trust statements whose actions do not fit their principals. */
public final class FederationActionMismatch implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG205", "federation-action-mismatch")
      .level(Level.WARNING)
      .title("Action does not fit the principal type")
      .description("The action does not fit the principal: an OIDC provider (including Cognito, Google, Amazon and Facebook) granted a trust statement without sts:AssumeRoleWithWebIdentity, a SAML provider without sts:AssumeRoleWithSAML, or an AWS or service principal granted only the federated actions, which it cannot call. The grant does nothing, and the access the author meant is missing.")
      .tags("correctness", "federation")
      .securitySeverity(4.0)
      .precision("high")
      .build();

  /** The assume actions a trust policy can grant, each for one kind of principal. */
  private static final List<String> ASSUME_ACTIONS = List.of(Federation.ASSUME_ROLE, Federation.SAML,
      Federation.WEB_IDENTITY);

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    List<Statement> allows = Federation.trustAllows(role).toList();
    return allows.stream()
        .filter(s -> s.actions().stream().allMatch(Text::isKnown))
        .flatMap(s -> s.grantees().flatMap(p -> check(role, allows, s, p).stream()));
  }

  private static Optional<Finding> check(Role role, List<Statement> allows, Statement statement,
      Principal p) {
    Optional<String> needed = neededAction(p);
    if (needed.isEmpty()) {
      return Optional.empty();
    }
    String action = needed.get();
    if (statement.covers(action)) {
      return Optional.empty();
    }
    boolean federated = p.type() == PrincipalType.FEDERATED;
    if (!federated && !statement.covers(Federation.WEB_IDENTITY) && !statement.covers(Federation.SAML)) {
      return Optional.empty();
    }
    if (federated && !coversOtherAssume(statement, action)
        && grantedElsewhere(allows, statement, p, action)) {
      // e.g. a second statement that only adds sts:TagSession for a provider granted its action above
      return Optional.empty();
    }
    if (statement.actions().isEmpty()) {
      return Optional.empty(); // no action at all is AG001's finding
    }
    String granted = statement.notAction() ? "NotAction " + list(statement) : list(statement);
    String where = "this statement of " + role.displayName();
    String message = federated
        ? describe(p) + " can only call " + action + ", but " + where + " grants " + granted + "; allow "
            + action
        : describe(p) + " cannot call the federated actions " + where + " grants it (" + granted + "); allow "
            + action + ", or make the identity provider a Federated principal";
    return Optional.of(META.at(p.location(), message)
        .fix(federated
            ? "Replace the statement's assume action with " + action + "."
            : "Grant " + action + " to this principal; keep the federated actions for Federated"
                + " principals."));
  }

  /** The assume action a principal can call, when the principal is one this rule judges. */
  private static Optional<String> neededAction(Principal p) {
    if (p.type() == PrincipalType.AWS || p.type() == PrincipalType.SERVICE) {
      return p.value().isKnown() ? Optional.of(Federation.ASSUME_ROLE) : Optional.empty();
    }
    if (p.oidcProvider().isPresent()) {
      return Optional.of(Federation.WEB_IDENTITY);
    }
    return p.isSamlProvider() ? Optional.of(Federation.SAML) : Optional.empty();
  }

  private static boolean coversOtherAssume(Statement statement, String action) {
    return ASSUME_ACTIONS.stream().filter(a -> !a.equals(action)).anyMatch(statement::covers);
  }

  private static boolean grantedElsewhere(List<Statement> allows, Statement statement, Principal p,
      String action) {
    return allows.stream().filter(s -> s != statement && s.covers(action))
        .flatMap(Statement::grantees)
        .anyMatch(q -> q.type() == p.type() && q.value().isKnown() && p.value().isKnown()
            && q.value().display().equals(p.value().display()));
  }

  private static String describe(Principal p) {
    return switch (p.type()) {
      case AWS -> "AWS principal " + p.value().display();
      case SERVICE -> "Service principal " + p.value().display();
      default -> p.oidcProvider().map(o -> "OIDC provider " + p.value().display())
          .orElse("SAML provider " + p.value().display());
    };
  }

  private static String list(Statement statement) {
    return statement.actions().stream().map(Text::display).collect(Collectors.joining(", "));
  }
}
