package io.github.assumeguard.rules.document;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Problem;
import java.util.Locale;
import java.util.stream.Stream;

/** Reports each grammar problem the loader found in a policy document. */
public final class InvalidPolicy implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG001", "invalid-policy")
      .level(Level.ERROR)
      .title("Policy breaks the IAM policy grammar")
      .description("The document breaks the IAM policy grammar (missing or empty Statement, bad Effect, both Action and NotAction, a trust statement without principal, wrong value types, unknown keys, duplicate keys, comments), so IAM rejects it or reads it differently than intended.")
      .tags("document", "correctness")
      .securitySeverity(7.0)
      .precision("very-high")
      .build();

  private static final String FIX = "Correct the document so it follows the IAM policy grammar; "
      + "IAM rejects the whole policy otherwise, and other checks may read it differently than IAM would.";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    return document.problems().stream()
        .map(p -> META.at(p.location(), sentence(p)).fix(FIX));
  }

  /** The loader's problem text as a sentence (its messages start in lower case). */
  private static String sentence(Problem problem) {
    String message = problem.message();
    if (message.isEmpty()) {
      return "Invalid policy document";
    }
    return message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
  }
}
