package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.STAR_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_WARNING;
import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import io.github.assumeguard.engine.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir
  Path dir;

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  void jsonReportHasTheDocumentedShape() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Path broken = write(dir, "broken.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    write(dir, ".assumeguard.yml", """
        suppress:
          - rule: XX101
            path: "nothing-matches-*.json"
            reason: "unused"
        """);
    Result r = run(dir, STAR_WARNING, "--format", "json", policy.toString(), broken.toString());
    assertThat(r.code()).isEqualTo(2);
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(names(root)).containsExactly("tool", "findings", "errors", "summary");
    assertThat(root.get("tool").get("name").asString()).isEqualTo("assumeguard");
    assertThat(root.get("tool").get("version").asString()).isEqualTo(ToolInfo.version());

    JsonNode f = root.get("findings").get(0);
    assertThat(root.get("findings").size()).isEqualTo(1);
    assertThat(names(f)).containsExactly("ruleId", "level", "message", "file", "line", "column", "endLine",
        "endColumn", "pointer", "suppressed", "witness", "fix", "fingerprint");
    assertThat(f.get("fingerprint").asString()).matches("[0-9a-f]{64}");
    assertThat(f.get("ruleId").asString()).isEqualTo("XX101");
    assertThat(f.get("level").asString()).isEqualTo("warning");
    assertThat(f.get("message").asString()).isEqualTo("Principal \"*\" lets anyone assume the role");
    assertThat(f.get("file").asString()).isEqualTo(policy.toString());
    assertThat(f.get("line").asInt()).isEqualTo(6);
    assertThat(f.get("column").asInt()).isEqualTo(20);
    assertThat(f.get("endLine").asInt()).isEqualTo(6);
    assertThat(f.get("endColumn").asInt()).isGreaterThanOrEqualTo(20);
    assertThat(f.get("pointer").asString()).isEqualTo("/Statement/0/Principal");
    assertThat(f.has("resource")).as("a bare policy file has no resource").isFalse();
    assertThat(f.get("suppressed").asBoolean()).isFalse();
    assertThat(f.get("witness").asString()).isEqualTo("arn:aws:iam::999999999999:role/anyone");
    assertThat(f.get("fix").asString()).isEqualTo("name the principals");

    JsonNode e = root.get("errors").get(0);
    assertThat(root.get("errors").size()).isEqualTo(1);
    assertThat(names(e)).containsExactly("file", "line", "column", "message");
    assertThat(e.get("file").asString()).isEqualTo(broken.toString());
    assertThat(e.get("line").asInt()).isPositive();

    JsonNode s = root.get("summary");
    assertThat(names(s)).containsExactly("error", "warning", "note", "suppressed", "errors", "filesAnalysed",
        "filesSkipped");
    assertThat(s.get("warning").asInt()).isEqualTo(1);
    assertThat(s.get("error").asInt()).isZero();
    assertThat(s.get("errors").asInt()).isEqualTo(1);
    assertThat(s.get("filesAnalysed").asInt()).isEqualTo(1);

    assertThat(r.err()).as("input errors also go to stderr").startsWith(broken + ":");
    assertThat(r.out()).endsWith("}\n").contains("\"ruleId\": \"XX101\"");
  }

  @Test
  void jsonAlwaysHoldsSuppressedFindingsMarkedWithTheReason() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", """
        suppress:
          - rule: XX101
            path: "trust.json"
            reason: "public test role"
        """);
    Result r = run(dir, STAR_WARNING, "--format", "json", policy.toString());
    assertThat(r.code()).isZero();
    JsonNode f = MAPPER.readTree(r.out()).get("findings").get(0);
    assertThat(f.get("suppressed").asBoolean()).isTrue();
    assertThat(f.get("suppression").asString()).isEqualTo("public test role");
    JsonNode s = MAPPER.readTree(r.out()).get("summary");
    assertThat(s.get("suppressed").asInt()).isEqualTo(1);
    assertThat(s.get("warning").asInt()).isZero();
  }

  @Test
  void jsonToOutputFile() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Path out = dir.resolve("report.json");
    Result r = run(dir, STAR_WARNING, "--format", "json", "--output", out.toString(), policy.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode root = MAPPER.readTree(Files.readString(out));
    assertThat(root.get("findings").size()).isEqualTo(1);
  }

  @Test
  void emptyReport() throws IOException {
    Path policy = write(dir, "trust.json", CliHarness.SERVICE_TRUST);
    Result r = run(dir, STAR_WARNING, "--format", "json", policy.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"findings\": [],").contains("\"errors\": [],");
  }
}
