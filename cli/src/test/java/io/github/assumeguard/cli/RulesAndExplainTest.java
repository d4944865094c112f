package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.runCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RulesAndExplainTest {

  private static final List<Rule> RULES = List.of(
      new StarPrincipalRule("XX101", Level.ERROR, Optional.of("# XX101 test\n\nThe help page.\n")),
      new StarPrincipalRule("XX202", Level.NOTE));

  @TempDir
  Path dir;

  @Test
  void rulesAsTextTable() {
    Result r = run(dir, RULES, "rules");
    assertThat(r.code()).isZero();
    assertThat(r.outLines()).containsExactly(
        "ID     LEVEL  NAME                       TITLE",
        "XX101  error  test-star-principal-xx101  Test rule: star principal | pipe",
        "XX202  note   test-star-principal-xx202  Test rule: star principal | pipe");
  }

  @Test
  void rulesAsMarkdownTable() {
    Result r = run(dir, RULES, "rules", "--format", "markdown");
    assertThat(r.outLines()).containsExactly(
        "| id | name | level | what it finds |",
        "|---|---|---|---|",
        "| XX101 | test-star-principal-xx101 | error | Test rule: star principal \\| pipe |",
        "| XX202 | test-star-principal-xx202 | note | Test rule: star principal \\| pipe |");
    Result linked = run(dir, RULES, "rules", "--format=markdown", "--link-prefix", "docs/rules/");
    assertThat(linked.outLines().get(2)).startsWith("| [XX101](docs/rules/XX101.md) | ");
  }

  @Test
  void rulesAsJson() {
    Result r = run(dir, RULES, "rules", "-f", "json");
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertThat(root.get("tool").get("name").asString()).isEqualTo("assumeguard");
    assertThat(root.get("rules").size()).isEqualTo(2);
    JsonNode first = root.get("rules").get(0);
    assertThat(first.get("id").asString()).isEqualTo("XX101");
    assertThat(first.get("name").asString()).isEqualTo("test-star-principal-xx101");
    assertThat(first.get("level").asString()).isEqualTo("error");
    assertThat(first.get("title").asString()).isEqualTo("Test rule: star principal | pipe");
    assertThat(first.get("description").asString()).isNotBlank();
    assertThat(first.get("tags").get(0).asString()).isEqualTo("test");
  }

  @Test
  void rulesUnknownFormat() {
    Result r = run(dir, RULES, "rules", "--format", "sarif");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("expected one of text, json, markdown but was 'sarif'")
        .contains("Try 'assumeguard rules --help'");
  }

  @Test
  void explainPrintsTheHelpPageCaseInsensitively() {
    Result r = run(dir, RULES, "explain", "xx101");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("# XX101 test\n\nThe help page.\n");
    assertThat(run(dir, RULES, "explain", "test-star-principal-xx101").out()).isEqualTo(r.out());
  }

  @Test
  void explainFallsBackToTheDescription() {
    Result r = run(dir, RULES, "explain", "XX202");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("# XX202 test-star-principal-xx202: Test rule: star principal | pipe\n")
        .contains("Flags every Principal \"*\" (test rule).");
  }

  @Test
  void explainUnknownRule() {
    Result r = run(dir, RULES, "explain", "AG999");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("assumeguard: unknown rule AG999; run `assumeguard rules`\n");
  }

  @Test
  void explainNeedsARule() {
    Result r = run(dir, RULES, "explain");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("RULE").contains("Try 'assumeguard explain --help'");
  }

  @Test
  void theRealCatalogIsListedAndExplained() {
    Result rules = runCatalog(dir, "rules");
    assertThat(rules.code()).isZero();
    assertThat(rules.out()).contains("AG101  error").contains("wildcard-principal");
    Result explain = runCatalog(dir, "explain", "ag101");
    assertThat(explain.code()).isZero();
    assertThat(explain.out()).startsWith("# AG101 wildcard-principal");
  }
}
