package io.github.assumeguard.rules.session;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Flags MaxSessionDuration above the configured ceiling. */
public final class ExcessiveSessionDuration implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG301", "excessive-session-duration")
      .level(Level.WARNING)
      .title("Role sessions last longer than allowed")
      .description("The role's MaxSessionDuration is above the configured maximum (maxSessionDuration, default 3600 seconds): stolen session credentials stay valid longer.")
      .tags("security", "session")
      .securitySeverity(4.5)
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
    // Values IAM rejects are AG302's; only a valid duration can be too long.
    OptionalLong seconds = SessionDuration.seconds(value.display());
    long ceiling = context.maxSessionDuration();
    if (seconds.isEmpty() || seconds.getAsLong() <= ceiling) {
      return Stream.empty();
    }
    long s = seconds.getAsLong();
    return Stream.of(META.at(value.location(), "MaxSessionDuration " + s + " s (" + SessionDuration.human(s)
        + ") of " + role.displayName() + " exceeds the configured maximum of " + ceiling + " s ("
        + SessionDuration.human(ceiling) + "); lower it, or raise maxSessionDuration in the config if long "
        + "sessions are intended")
        .fix("Set MaxSessionDuration to " + Math.max(ceiling, SessionDuration.MIN)
            + " or less; a long-running job can assume the role again when its session ends."));
  }
}
