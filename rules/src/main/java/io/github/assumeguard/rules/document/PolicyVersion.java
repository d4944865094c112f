package io.github.assumeguard.rules.document;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Text;
import java.util.Optional;
import java.util.stream.Stream;

/** Flags a missing or legacy policy Version. */
public final class PolicyVersion implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG003", "policy-version")
      .level(Level.NOTE)
      .title("Policy Version missing or outdated")
      .description("The policy has no Version, or the legacy 2008-10-17: policy variables such as ${aws:username} are then read literally.")
      .tags("document", "maintainability")
      .securitySeverity(2.0)
      .precision("very-high")
      .build();

  static final String CURRENT = "2012-10-17";
  static final String LEGACY = "2008-10-17";
  private static final String FIX = "Add \"Version\": \"" + CURRENT + "\" at the top of the policy.";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    // A document without statements is already reported by AG001; a Version note would be noise.
    if (document.statements().isEmpty()) {
      return Stream.empty();
    }
    Optional<Text> version = document.version();
    if (version.isEmpty()) {
      return Stream.of(META.at(document.location(), "Policy has no Version, so IAM applies the legacy "
          + LEGACY + " grammar and reads policy variables such as ${aws:username} literally; add \"Version\": \""
          + CURRENT + "\"").fix(FIX));
    }
    Text value = version.get();
    if (value.isKnown() && value.display().equals(LEGACY)) {
      return Stream.of(META.at(value.location(), "Version \"" + LEGACY
          + "\" is the legacy policy grammar: policy variables such as ${aws:username} are read literally; use \""
          + CURRENT + "\"").fix("Change the Version to \"" + CURRENT + "\"."));
    }
    return Stream.empty();
  }
}
