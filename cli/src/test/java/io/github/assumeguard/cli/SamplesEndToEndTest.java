package io.github.assumeguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a newcomer runs: the whole {@code samples/} folder through the CLI with the real catalog and
 * the repository's config, as text and as SARIF.
 */
class SamplesEndToEndTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINE = Pattern.compile("^\\.\\./samples/\\S+:(\\d+):(\\d+): (error|warning|note) (AG\\d{3}) .+");

  @Test
  void textReportsEveryRuleWithFileLineAndColumn() {
    Result r = CliHarness.runCatalog(REPO, "../samples");
    assertThat(r.code()).isEqualTo(1);
    Set<String> ids = new TreeSet<>();
    List<String> lines = r.outLines();
    for (String line : lines.subList(0, lines.size() - 1)) {
      Matcher m = LINE.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isPositive();
      ids.add(m.group(4));
    }
    assertThat(ids).containsExactly("AG001", "AG002", "AG003", "AG101", "AG102", "AG103", "AG104", "AG105",
        "AG106", "AG201", "AG202", "AG203", "AG204", "AG205", "AG206", "AG301", "AG302", "AG401", "AG402",
        "AG501", "AG601", "AG602", "AG603");
    assertThat(lines.get(lines.size() - 1)).matches("\\d+ errors, \\d+ warnings, \\d+ notes in \\d+ files.*");
  }

  @Test
  void sarifOfTheSamplesValidatesAndMeetsGitHubsRules() throws IOException {
    Result r = CliHarness.runCatalog(REPO, "--format", "sarif", "../samples");
    assertThat(r.code()).isEqualTo(1);
    JsonNode sarif = JsonMapper.builder().build().readTree(r.out());
    assertThat(schema().validate(sarif)).extracting(Error::toString).isEmpty();

    JsonNode run = sarif.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    Set<String> ruleIds = new HashSet<>();
    rules.forEach(rule -> assertThat(ruleIds.add(rule.get("id").asString())).as("unique rule ids").isTrue());
    JsonNode results = run.get("results");
    assertThat(results.size()).isGreaterThan(100);
    for (JsonNode result : results) {
      JsonNode physical = result.get("locations").get(0).get("physicalLocation");
      assertThat(physical.get("artifactLocation").get("uri").asString()).startsWith("samples/");
      assertThat(physical.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
      assertThat(physical.get("region").get("startLine").asInt()).isPositive();
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString())
          .isEqualTo(result.get("ruleId").asString());
      assertThat(result.get("partialFingerprints").size()).isPositive();
    }
  }

  private static Schema schema() throws IOException {
    try (InputStream in = SamplesEndToEndTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
    }
  }
}
