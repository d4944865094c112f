package io.github.assumeguard.rules.session;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import java.util.Optional;
import java.util.stream.Stream;

/** Flags MaxSessionDuration values IAM rejects. */
public final class InvalidSessionDuration implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG302", "invalid-session-duration")
      .level(Level.ERROR)
      .title("MaxSessionDuration out of range")
      .description("MaxSessionDuration must be a whole number of seconds from 3600 to 43200; IAM rejects anything else.")
      .tags("correctness", "session")
      .securitySeverity(3.0)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkRole(Role role, RuleContext context) {
    Optional<Text> known = SessionDuration.known(role);
    if (known.isEmpty()) {
      return Stream.empty();
    }
    Text value = known.get();
    return SessionDuration.problem(value.display()).stream()
        .map(problem -> META.at(value.location(), "MaxSessionDuration " + SessionDuration.shown(value.display())
            + " of " + role.displayName() + " " + problem + ", so IAM rejects the role; use whole seconds from "
            + SessionDuration.MIN + " (" + SessionDuration.human(SessionDuration.MIN) + ") to " + SessionDuration.MAX
            + " (" + SessionDuration.human(SessionDuration.MAX) + ")")
            .fix("Set MaxSessionDuration to a whole number of seconds from " + SessionDuration.MIN + " to "
                + SessionDuration.MAX + "; callers can still ask for shorter sessions with DurationSeconds."));
  }
}
