package io.github.assumeguard.rules.service;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;

/** Flags service principals that no source condition ties to this account. */
public final class ServiceConfusedDeputy implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG501", "service-confused-deputy")
      .level(Level.NOTE)
      .title("Service principal without a source condition")
      .description("An Allow trust statement admits an AWS service principal without aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths, so the service can be made to act for another account.")
      .tags("security", "service", "confused-deputy")
      .securitySeverity(4.0)
      .precision("medium")
      .build();

  @Override
  public RuleMeta meta() {
    return META;
  }
}
