package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import java.util.Optional;
import java.util.stream.Stream;

/** A test-only rule, independent of the catalog: flags every {@code Principal "*"} of a trust policy. */
final class StarPrincipalRule implements Rule {

  private final RuleMeta meta;
  private final Optional<String> help;

  StarPrincipalRule(String id, Level level) {
    this(id, level, Optional.empty());
  }

  StarPrincipalRule(String id, Level level, Optional<String> help) {
    this.meta = RuleMeta.builder(id, "test-star-principal-" + id.toLowerCase(java.util.Locale.ROOT))
        .level(level)
        .title("Test rule: star principal | pipe")
        .description("Flags every Principal \"*\" (test rule).")
        .tags("test")
        .build();
    this.help = help;
  }

  @Override
  public RuleMeta meta() {
    return meta;
  }

  @Override
  public Optional<String> helpMarkdown() {
    return help;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    if (!document.isTrust()) {
      return Stream.empty();
    }
    return document.allows()
        .flatMap(s -> s.principals().stream())
        .filter(Principal::isEveryone)
        .map(p -> meta.at(p.location(), "Principal \"*\" lets anyone assume the role")
            .witness("arn:aws:iam::999999999999:role/anyone")
            .fix("name the principals"));
  }
}
