package io.github.assumeguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.assumeguard.cli.CliHarness.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    assertGitHubLimitsAndHabits(r.out(), sarif);
  }

  /**
   * GitHub's documented limits and habits for an uploaded SARIF file: at most 20 runs (we write
   * one) and 10 MB gzipped; per run at most 25,000 results and 25,000 rules; per rule at most 20
   * tags; per result at least one and at most 1,000 locations. Results are sorted and have no
   * duplicates, and no suppressed finding is written by default (GitHub ignores suppressions).
   */
  private static void assertGitHubLimitsAndHabits(String text, JsonNode sarif) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(zipped.size()).isLessThan(10 * 1024 * 1024);
    assertThat(sarif.get("runs").size()).isEqualTo(1);
    JsonNode run = sarif.get("runs").get(0);
    JsonNode results = run.get("results");
    assertThat(results.size()).isLessThanOrEqualTo(25_000);
    assertThat(run.get("tool").get("driver").get("rules").size()).isLessThanOrEqualTo(25_000);
    run.get("tool").get("driver").get("rules").forEach(rule ->
        assertThat(rule.get("properties").get("tags").size()).as(rule.get("id").asString()).isLessThanOrEqualTo(20));

    List<List<String>> keys = new ArrayList<>();
    for (JsonNode result : results) {
      assertThat(result.get("locations").size()).as("a location for every result").isBetween(1, 1000);
      assertThat(result.has("suppressions")).isFalse();
      JsonNode physical = result.get("locations").get(0).get("physicalLocation");
      JsonNode region = physical.get("region");
      keys.add(List.of(physical.get("artifactLocation").get("uri").asString(),
          String.format("%09d", region.get("startLine").asInt()), String.format("%09d", region.get("startColumn").asInt()),
          result.get("ruleId").asString(), String.format("%09d", region.get("endLine").asInt()),
          String.format("%09d", region.get("endColumn").asInt()), result.get("message").get("text").asString(),
          // two roles can share one policy text (a YAML alias): same place, different resource
          result.get("locations").get(0).path("logicalLocations").path(0).path("name").asString("")));
    }
    assertThat(keys).as("sorted by file, line, column, rule").isSortedAccordingTo(LIST_ORDER);
    assertThat(keys).as("no duplicate results").doesNotHaveDuplicates();
  }

  private static final java.util.Comparator<List<String>> LIST_ORDER = (a, b) -> {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  /**
   * GitHub reads {@code security-severity} only for rules tagged {@code security}, and bands it:
   * over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, 0.1 to 3.9 low. Every security rule's
   * score falls in a band, the catalog uses all four, and the bands agree with the levels: error
   * rules are high or critical, note rules medium or low.
   */
  @Test
  void securitySeverityFallsInGitHubsBandsAndAgreesWithTheLevel() throws IOException {
    Result r = CliHarness.runCatalog(REPO, "--format", "sarif", "../samples/cases/AG101");
    JsonNode rules = JsonMapper.builder().build().readTree(r.out()).get("runs").get(0).get("tool").get("driver")
        .get("rules");
    Map<String, String> bandOf = new TreeMap<>();
    for (JsonNode rule : rules) {
      JsonNode props = rule.get("properties");
      String id = rule.get("id").asString();
      String score = props.get("security-severity").asString();
      assertThat(score).as(id).matches("(10|\\d)\\.\\d");
      List<String> tags = new ArrayList<>();
      props.get("tags").forEach(t -> tags.add(t.asString()));
      if (!tags.contains("security")) {
        continue;
      }
      String band = band(Double.parseDouble(score));
      bandOf.put(id, band);
      String level = rule.get("defaultConfiguration").get("level").asString();
      if (level.equals("error")) {
        assertThat(band).as(id + " is an error").isIn("critical", "high");
      } else if (level.equals("note")) {
        assertThat(band).as(id + " is a note").isIn("medium", "low");
      }
    }
    assertThat(new TreeSet<>(bandOf.values())).containsExactly("critical", "high", "low", "medium");
    assertThat(bandOf).containsEntry("AG101", "critical").containsEntry("AG202", "critical")
        .containsEntry("AG103", "high").containsEntry("AG105", "low");
  }

  private static String band(double score) {
    assertThat(score).isBetween(0.1, 10.0);
    if (score > 9.0) {
      return "critical";
    }
    if (score >= 7.0) {
      return "high";
    }
    return score >= 4.0 ? "medium" : "low";
  }

  /**
   * Suppressed findings are left out of SARIF by default (GitHub would show them as open alerts);
   * {@code --include-suppressed} keeps them with their justification.
   */
  @Test
  void suppressedSampleFindingsAreLeftOutOfSarifUnlessAskedFor(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("suppress.yml");
    Files.writeString(config, Files.readString(REPO.resolve(".assumeguard.yml")) + """
        suppress:
          - rule: AG105
            path: "**"
            reason: "account roots are reviewed quarterly"
        """);
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode plain = mapper.readTree(CliHarness.runCatalog(REPO, "--format", "sarif", "--config", config.toString(),
        "../samples").out());
    List<String> plainRules = new ArrayList<>();
    plain.get("runs").get(0).get("results").forEach(x -> plainRules.add(x.get("ruleId").asString()));
    assertThat(plainRules).isNotEmpty().doesNotContain("AG105");

    Result with = CliHarness.runCatalog(REPO, "--format", "sarif", "--config", config.toString(),
        "--include-suppressed", "../samples");
    JsonNode kept = mapper.readTree(with.out());
    assertThat(schema().validate(kept)).isEmpty();
    int suppressed = 0;
    int inSource = 0;
    for (JsonNode x : kept.get("runs").get(0).get("results")) {
      if (x.get("ruleId").asString().equals("AG105")) {
        suppressed++;
        JsonNode s = x.get("suppressions").get(0);
        assertThat(s.get("kind").asString()).isEqualTo("external");
        assertThat(s.get("justification").asString()).isEqualTo("account roots are reviewed quarterly");
      } else if (x.has("suppressions")) {
        // suppressed in the source itself (template Metadata, a .tf comment), with its own reason
        assertThat(x.get("suppressions").get(0).get("justification").asString()).isNotBlank();
        inSource++;
      }
    }
    assertThat(suppressed).isPositive();
    assertThat(kept.get("runs").get(0).get("results").size()).isEqualTo(plainRules.size() + suppressed + inSource);
  }

  private static Schema schema() throws IOException {
    try (InputStream in = SamplesEndToEndTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
    }
  }
}
