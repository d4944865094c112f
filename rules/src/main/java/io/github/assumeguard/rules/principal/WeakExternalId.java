package io.github.assumeguard.rules.principal;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

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

  @Override
  public RuleMeta meta() {
    return META;
  }
}
