package io.github.assumeguard.rules.action;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Wildcards;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flags trust statements whose actions are wider than the assume actions: {@code NotAction}, or a
 * wildcard ({@code *}, {@code sts:*}, ...) that also grants the session companions
 * {@code sts:TagSession}, {@code sts:SetSourceIdentity} or {@code sts:SetContext}. A wildcard that
 * covers only the three assume actions ({@code sts:AssumeRole*}) is accepted: STS still checks the
 * principal type for each of them, so the extra ones grant nothing.
 */
public final class WildcardTrustAction implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG401", "wildcard-trust-action")
      .level(Level.WARNING)
      .title("Trust statement allows more than the assume actions")
      .description("An Allow trust statement uses Action \"*\", sts:*, another wildcard that also grants the session actions (sts:TagSession, sts:SetSourceIdentity, sts:SetContext), or NotAction.")
      .tags("security", "action", "least-privilege")
      .securitySeverity(5.5)
      .precision("high")
      .build();

  /** Actions a trust policy grants besides the assume actions; they must be listed on purpose. */
  static final List<String> SESSION_ACTIONS = List.of("sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    if (!document.isTrust()) {
      return Stream.empty();
    }
    String role = document.owner().map(o -> "role " + o.id()).orElse("the role");
    return document.effectiveAllows().flatMap(s -> s.notAction() ? notAction(s, role) : wildcards(s, role));
  }

  private static Stream<Finding> notAction(Statement statement, String role) {
    List<String> granted = SESSION_ACTIONS.stream().filter(statement::covers).toList();
    String including = granted.isEmpty() ? "" : ", including " + list(granted);
    return Stream.of(META.at(statement.actionOrStatement(), "NotAction in an Allow trust statement of " + role
        + " grants every action it does not list" + including + "; use \"Action\": \"" + needed(statement)
        + "\" instead").fix(fix(statement)));
  }

  private static Stream<Finding> wildcards(Statement statement, String role) {
    return statement.actions().stream()
        .filter(a -> a.isKnown() && Wildcards.hasWildcard(a.display()))
        .flatMap(a -> wildcard(statement, a, role));
  }

  private static Stream<Finding> wildcard(Statement statement, Text action, String role) {
    List<String> extra = SESSION_ACTIONS.stream()
        .filter(s -> Wildcards.matches(action.display(), s, true)).toList();
    if (extra.isEmpty()) {
      return Stream.empty();
    }
    String what = Wildcards.isMatchAll(action.display()) ? "grants every action" : "is a wildcard";
    return Stream.of(META.at(action.location(), "Action \"" + action.display() + "\" in a trust statement of "
        + role + " " + what + ", so it also grants " + list(extra) + "; list only the actions the principals need, "
        + "e.g. \"" + needed(statement) + "\"").fix(fix(statement)));
  }

  /** The assume action the statement's principals use. */
  private static String needed(Statement statement) {
    List<Principal> principals = statement.principals();
    if (!principals.isEmpty() && principals.stream().allMatch(p -> p.oidcProvider().isPresent())) {
      return "sts:AssumeRoleWithWebIdentity";
    }
    if (!principals.isEmpty() && principals.stream().allMatch(Principal::isSamlProvider)) {
      return "sts:AssumeRoleWithSAML";
    }
    return "sts:AssumeRole";
  }

  private static String fix(Statement statement) {
    return "Replace the wildcard with \"" + needed(statement) + "\", and add sts:TagSession, "
        + "sts:SetSourceIdentity or sts:SetContext only where the callers need them.";
  }

  private static String list(List<String> actions) {
    if (actions.size() == 1) {
      return actions.get(0);
    }
    return String.join(", ", actions.subList(0, actions.size() - 1)) + " and " + actions.get(actions.size() - 1);
  }
}
