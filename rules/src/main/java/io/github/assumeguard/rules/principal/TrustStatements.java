package io.github.assumeguard.rules.principal;

import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the principal rules share about a role's trust policy and its conditions. */
final class TrustStatements {

  /** An account no real policy names, for witnesses. */
  static final String ANY_ACCOUNT = "999999999999";

  private static final int SHOWN_PRINCIPALS = 3;

  private TrustStatements() {
  }

  /** The Allow statements of the role's trust policy that no unconditional Deny neutralises. */
  static Stream<Statement> allows(Role role) {
    return role.trust().stream().filter(PolicyDocument::isTrust).flatMap(PolicyDocument::effectiveAllows);
  }

  /**
   * True when a condition of the statement on one of {@code keys} has a value the tool cannot know,
   * or a condition's key itself is unknown (a Terraform interpolation could name any key).
   */
  static boolean unknownOn(Statement statement, Set<String> keys) {
    return statement.conditions().stream().anyMatch(c -> !c.key().isKnown()
        || (keys.contains(c.key().display()) && c.hasUnknownValue()));
  }

  /** A principal as messages show it: {@code "*"} or its value. */
  static String show(Principal principal) {
    return principal.type() == PrincipalType.EVERYONE ? "\"*\"" : principal.value().display();
  }

  /** A short list of principals for a message: the first few, then how many more. */
  static String showAll(List<Principal> principals) {
    String shown = principals.stream().limit(SHOWN_PRINCIPALS).map(TrustStatements::show)
        .collect(Collectors.joining(", "));
    int more = principals.size() - SHOWN_PRINCIPALS;
    return more > 0 ? shown + " and " + more + " more" : shown;
  }
}
