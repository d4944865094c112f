package io.github.assumeguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.engine.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the catalog's invariants: the public ids, one doc page and bad and good samples per rule,
 * and a current docs index.
 */
class CatalogTest {

  private static final Path DOCS = SamplesTest.REPO.resolve("docs/rules");
  private static final List<String> CONTRACT_IDS = List.of("AG001", "AG002", "AG003", "AG101", "AG102",
      "AG103", "AG104", "AG105", "AG106", "AG201", "AG202", "AG203", "AG204", "AG205", "AG206", "AG301",
      "AG302", "AG401", "AG402", "AG501", "AG601", "AG602", "AG603");

  @Test
  void everyCatalogIdIsImplementedOnceAndSorted() {
    List<String> ids = BuiltInRules.all().stream().map(r -> r.meta().id()).toList();
    assertThat(ids).containsExactlyElementsOf(CONTRACT_IDS);
    assertThat(RuleRegistry.discover().stream().map(r -> r.meta().id()).toList()).containsExactlyElementsOf(CONTRACT_IDS);
  }

  @Test
  void metadataIsComplete() {
    for (Rule rule : BuiltInRules.all()) {
      RuleMeta m = rule.meta();
      assertThat(m.title()).as(m.id()).isNotBlank();
      assertThat(m.description()).as(m.id()).isNotBlank();
      assertThat(m.tags()).as(m.id()).isNotEmpty();
      assertThat(m.securitySeverity()).as(m.id()).isBetween(0.1, 10.0);
      assertThat(m.precision()).as(m.id()).isIn("very-high", "high", "medium", "low");
    }
  }

  @Test
  void everyRuleHasADocPageWithTheSections() throws IOException {
    for (Rule rule : BuiltInRules.all()) {
      String id = rule.meta().id();
      Path page = DOCS.resolve(id + ".md");
      assertThat(page).as("doc page of " + id).exists();
      String text = Files.readString(page, StandardCharsets.UTF_8);
      assertThat(text).as(id).startsWith("# " + id + " " + rule.meta().name());
      assertThat(text).as(id).contains("## Why it matters", "## Bad", "## Good", "## Fix", "## Suppress");
      assertThat(rule.helpMarkdown()).as("help of " + id + " is packaged in the jar").contains(text);
    }
  }

  @Test
  void everyRuleHasBadAndGoodSamples() throws IOException {
    for (Rule rule : BuiltInRules.all()) {
      Path dir = SamplesTest.SAMPLES.resolve("cases").resolve(rule.meta().id());
      assertThat(dir).as("samples of " + rule.meta().id()).isDirectory();
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertThat(names).as(rule.meta().id()).anyMatch(n -> n.startsWith("bad-") && !n.endsWith(".expected"));
        assertThat(names).as(rule.meta().id()).anyMatch(n -> n.startsWith("good-") && !n.endsWith(".expected"));
      }
      String expected = Files.readString(firstBadSidecar(dir));
      assertThat(expected).as("a bad sample of " + rule.meta().id() + " finds it").contains(" " + rule.meta().id() + " ");
    }
  }

  private static Path firstBadSidecar(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("bad-"))
          .filter(p -> p.getFileName().toString().endsWith(".expected")).sorted().findFirst().orElseThrow();
    }
  }

  @Test
  void docsIndexIsCurrent() throws IOException {
    String index = index();
    Path file = DOCS.resolve("README.md");
    if (Boolean.getBoolean("samples.update")) {
      Files.writeString(file, index, StandardCharsets.UTF_8);
    }
    assertThat(file).as("docs/rules/README.md (regenerate with -Dsamples.update=true)").hasContent(index);
  }

  /** The rule table of docs/rules/README.md. */
  static String index() {
    StringBuilder sb = new StringBuilder("# assumeguard rules\n\n"
        + "Generated from the rule classes by `CatalogTest` (`mvn -B test -pl rules -am -Dsamples.update=true`).\n"
        + "Each page says why the rule matters, shows bad and good policies, how to fix and how to suppress.\n\n"
        + "| id | name | level | what it finds |\n|---|---|---|---|\n");
    for (Rule rule : BuiltInRules.all()) {
      RuleMeta m = rule.meta();
      sb.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | ").append(m.name()).append(" | ")
          .append(m.level().label()).append(" | ").append(m.title()).append(" |\n");
    }
    return sb.toString();
  }
}
