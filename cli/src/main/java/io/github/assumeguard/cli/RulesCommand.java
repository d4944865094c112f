package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code assumeguard rules}: the catalog as a text table, JSON, or the Markdown table the docs show. */
final class RulesCommand {

  private RulesCommand() {
  }

  static CommandSpec spec() {
    CommandSpec spec = Main.commandSpec("assumeguard rules");
    spec.usageMessage().description("Lists the rules: id, default level, name and what each finds.");
    spec.addOption(OptionSpec.builder("-f", "--format")
        .paramLabel("FORMAT")
        .type(CatalogFormat.class)
        .converters(Choice.of(CatalogFormat.class))
        .defaultValue("text")
        .description("text (default), json or markdown (the table of README.md and docs/rules/README.md).")
        .build());
    spec.addOption(OptionSpec.builder("--link-prefix")
        .paramLabel("PREFIX")
        .type(String.class)
        .description("markdown: link each id to PREFIX + id + .md (e.g. docs/rules/).")
        .build());
    return spec;
  }

  static ExitCode run(String[] args, Env env) {
    CommandSpec spec = spec();
    if (Main.parseOrHelp(spec, args, env)) {
      return ExitCode.OK;
    }
    CatalogFormat format = spec.findOption("--format").getValue();
    Optional<String> linkPrefix = Optional.ofNullable(spec.findOption("--link-prefix").getValue());
    List<RuleMeta> rules = env.rules().get().stream().map(Rule::meta).toList();
    env.out().print(switch (format) {
      case TEXT -> text(rules);
      case JSON -> json(rules);
      case MARKDOWN -> markdown(rules, linkPrefix);
    });
    return ExitCode.OK;
  }

  static String text(List<RuleMeta> rules) {
    int id = width(rules.stream().map(RuleMeta::id).toList(), "ID");
    int level = width(rules.stream().map(m -> m.level().label()).toList(), "LEVEL");
    int name = width(rules.stream().map(RuleMeta::name).toList(), "NAME");
    String format = "%-" + id + "s  %-" + level + "s  %-" + name + "s  %s";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "ID", "LEVEL", "NAME", "TITLE").stripTrailing()).append('\n');
    for (RuleMeta m : rules) {
      out.append(String.format(format, m.id(), m.level().label(), m.name(), m.title()).stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static int width(List<String> values, String header) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }

  static String json(List<RuleMeta> rules) {
    return Json.write(g -> {
      g.writeStartObject();
      JsonReport.tool(g);
      g.writeArrayPropertyStart("rules");
      for (RuleMeta m : rules) {
        g.writeStartObject();
        g.writeStringProperty("id", m.id());
        g.writeStringProperty("name", m.name());
        g.writeStringProperty("level", m.level().label());
        g.writeStringProperty("title", m.title());
        g.writeStringProperty("description", m.description());
        g.writeArrayPropertyStart("tags");
        m.tags().forEach(g::writeString);
        g.writeEndArray();
        g.writeNumberProperty("securitySeverity", m.securitySeverity());
        g.writeStringProperty("precision", m.precision());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static String markdown(List<RuleMeta> rules, Optional<String> linkPrefix) {
    StringBuilder out = new StringBuilder("| id | name | level | what it finds |\n|---|---|---|---|\n");
    for (RuleMeta m : rules) {
      String id = linkPrefix.map(p -> "[" + m.id() + "](" + p + m.id() + ".md)").orElse(m.id());
      out.append("| ").append(id)
          .append(" | ").append(m.name())
          .append(" | ").append(m.level().label())
          .append(" | ").append(cell(m.title()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }
}
