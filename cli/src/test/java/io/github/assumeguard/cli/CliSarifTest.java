package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.STAR_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_WARNING;
import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --format sarif} through the real {@code SarifWriter}; needs the implemented writer. */
class CliSarifTest {

  @TempDir
  Path dir;

  @Test
  void sarifToStdout() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Result r = run(dir, STAR_WARNING, "--format", "sarif", "--sarif-root", dir.toString(), policy.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertThat(root.get("version").asString()).isEqualTo("2.1.0");
    assertThat(root.get("runs").get(0).get("tool").get("driver").get("name").asString()).isEqualTo("assumeguard");
  }

  @Test
  void sarifToOutputFile() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Path out = dir.resolve("results.sarif");
    Result r = run(dir, STAR_WARNING, "-f", "sarif", "-o", out.toString(), policy.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("1 warning in 1 file\n");
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(out));
    assertThat(root.get("version").asString()).isEqualTo("2.1.0");
  }

  @Test
  void suppressedFindingsAreLeftOutOfSarifUnlessAsked() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", """
        suppress:
          - rule: XX101
            path: "trust.json"
            reason: "public test role"
        """);
    Result plain = run(dir, STAR_WARNING, "-f", "sarif", policy.toString());
    assertThat(plain.code()).isZero();
    JsonNode none = JsonMapper.builder().build().readTree(plain.out()).get("runs").get(0).get("results");
    assertThat(none.size()).isZero();

    Result kept = run(dir, STAR_WARNING, "-f", "sarif", "--include-suppressed", policy.toString());
    JsonNode results = JsonMapper.builder().build().readTree(kept.out()).get("runs").get(0).get("results");
    assertThat(results.size()).isEqualTo(1);
    assertThat(results.get(0).get("suppressions").get(0).get("justification").asString()).isEqualTo("public test role");
  }
}
