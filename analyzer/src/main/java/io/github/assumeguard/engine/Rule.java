package io.github.assumeguard.engine;

import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A check over the model. Implement the hooks you need; the engine calls {@link #checkDocument}
 * for every policy document, {@link #checkRole} for every role and {@link #checkPolicy} for every
 * stand-alone identity policy. Rules are pure: no I/O, no mutable state, no line counting.
 */
public interface Rule {

  RuleMeta meta();

  default Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    return Stream.empty();
  }

  default Stream<Finding> checkRole(Role role, RuleContext context) {
    return Stream.empty();
  }

  default Stream<Finding> checkPolicy(IdentityPolicy policy, RuleContext context) {
    return Stream.empty();
  }

  /**
   * The rule's doc page in Markdown (why it matters, bad, good, fix, suppress), read from
   * {@code io/github/assumeguard/rules/docs/ID.md} next to the rule's class.
   */
  default Optional<String> helpMarkdown() {
    String path = "/io/github/assumeguard/rules/docs/" + meta().id() + ".md";
    try (InputStream in = getClass().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
