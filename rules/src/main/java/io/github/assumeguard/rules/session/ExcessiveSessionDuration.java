package io.github.assumeguard.rules.session;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags MaxSessionDuration above the configured ceiling. */
public final class ExcessiveSessionDuration implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG301", "excessive-session-duration")
      .level(Level.WARNING)
      .title("Role sessions last longer than allowed")
      .description("The role's MaxSessionDuration is above the configured maximum (default 3600 seconds): stolen session credentials stay valid longer.")
      .tags("security", "session")
      .securitySeverity(4.5)
      .precision("very-high")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
