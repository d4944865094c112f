package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code assumeguard explain AG101}: the rule's doc page, or its description when it has none. */
final class ExplainCommand {

  private ExplainCommand() {
  }

  static CommandSpec spec() {
    CommandSpec spec = Main.commandSpec("assumeguard explain");
    spec.usageMessage().description("Shows a rule's documentation (Markdown): why it matters, a bad and a good "
        + "example, the fix and how to suppress it.");
    spec.addPositional(PositionalParamSpec.builder()
        .paramLabel("RULE")
        .arity("1")
        .required(true)
        .type(String.class)
        .description("A rule id such as AG101 (any case) or a rule name such as wildcard-principal.")
        .build());
    return spec;
  }

  static ExitCode run(String[] args, Env env) {
    CommandSpec spec = spec();
    if (Main.parseOrHelp(spec, args, env)) {
      return ExitCode.OK;
    }
    String wanted = spec.positionalParameters().get(0).getValue();
    Optional<Rule> found = find(env.rules().get(), wanted);
    if (found.isEmpty()) {
      env.err().println("assumeguard: unknown rule " + wanted + "; run `assumeguard rules`");
      return ExitCode.ERROR;
    }
    Rule rule = found.get();
    String text = rule.helpMarkdown().filter(s -> !s.isBlank()).orElseGet(() -> fallback(rule.meta()));
    env.out().print(text.endsWith("\n") ? text : text + "\n");
    return ExitCode.OK;
  }

  static Optional<Rule> find(List<Rule> rules, String wanted) {
    String key = wanted.strip();
    return rules.stream()
        .filter(r -> r.meta().id().equalsIgnoreCase(key) || r.meta().name().equalsIgnoreCase(key))
        .findFirst();
  }

  /** A page built from the metadata, for a rule that ships no doc page. */
  private static String fallback(RuleMeta m) {
    return "# " + m.id() + " " + m.name() + ": " + m.title() + "\n\n"
        + "Default level: " + m.level().label() + "\n\n"
        + m.description() + "\n";
  }
}
