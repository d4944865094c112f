package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionKeys;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Wildcards;
import java.util.stream.Stream;

/** Flags external ids matched with wildcards or too short to be unique. */
public final class WeakExternalId implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG104", "weak-external-id")
      .level(Level.WARNING)
      .title("sts:ExternalId matched weakly")
      .description("sts:ExternalId is matched with a wildcard or a literal shorter than 8 characters, so it does not tell callers apart.")
      .tags("security", "principal", "confused-deputy")
      .securitySeverity(5.5)
      .precision("high")
      .build();

  /** Shorter literals are guessable and unlikely to be the unique id a third party issued. */
  static final int MIN_LENGTH = 8;

  private static final String FIX = "Match sts:ExternalId with StringEquals against the full, unique id the "
      + "other party issued for your account (typically a UUID)";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    return TrustStatements.allows(role)
        .flatMap(s -> s.conditionsOn(ConditionKeys.EXTERNAL_ID))
        .filter(c -> c.operator().isPositiveMatch())
        .flatMap(c -> c.values().stream().filter(Text::isKnown).flatMap(v -> weak(c, v)));
  }

  private static Stream<Finding> weak(Condition c, Text value) {
    String v = value.display();
    if (c.operator().isLike() && Wildcards.hasWildcard(v)) {
      String accepts = Wildcards.isMatchAll(v) ? "any external id" : "any external id that fits it";
      return Stream.of(META.at(value.location(), "sts:ExternalId pattern \"" + v + "\" under "
              + c.operatorText().display() + " accepts " + accepts + "; match the exact id with StringEquals")
          .witness("a caller that sends sts:ExternalId \"" + example(v) + "\"")
          .fix(FIX));
    }
    if (v.isEmpty()) {
      return Stream.of(META.at(value.location(), "sts:ExternalId \"\" is empty: STS never sends an empty "
              + "external id, so this looks like a placeholder; put the id the other party issued")
          .fix(FIX));
    }
    if (v.length() < MIN_LENGTH) {
      return Stream.of(META.at(value.location(), "sts:ExternalId \"" + v + "\" has only " + v.length()
              + " characters and is easy to guess; use the unique id of at least " + MIN_LENGTH
              + " characters the other party issued")
          .fix(FIX));
    }
    return Stream.empty();
  }

  /** A value the pattern accepts: each {@code *} as "anything", each {@code ?} as "x". */
  private static String example(String pattern) {
    return pattern.replace("*", "anything").replace("?", "x");
  }
}
