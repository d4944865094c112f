package io.github.assumeguard.rules.session;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

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
}
