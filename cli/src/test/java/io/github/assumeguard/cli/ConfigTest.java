package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.STAR_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_WARNING;
import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @TempDir
  Path dir;

  @Test
  void configIsFoundInTheWorkingDirectoryOrAbove() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", "rules:\n  XX101:\n    level: error\n");
    Path sub = dir.resolve("deep/er");
    java.nio.file.Files.createDirectories(sub);
    Result r = run(sub, STAR_WARNING, "--fail-on", "error", policy.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains(": error XX101 ");
  }

  @Test
  void configSwitchesARuleOff() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", "rules:\n  XX101:\n    enabled: false\n");
    Result r = run(dir, STAR_WARNING, policy.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("No findings in 1 file.\n");
  }

  @Test
  void explicitConfigWinsOverTheNearestOne() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", "rules:\n  XX101:\n    enabled: false\n");
    Path other = write(dir, "ci/strict.yml", "rules:\n  XX101:\n    level: note\n");
    Result r = run(dir, STAR_WARNING, "--config", other.toString(), policy.toString());
    assertThat(r.code()).as("note is below the default --fail-on warning").isZero();
    assertThat(r.out()).contains(": note XX101 ");
  }

  @Test
  void invalidConfigIsReportedAtFileLineColumnAndNothingIsScanned() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", """
        trustedAccounts:
          - "123"
        colour: red
        """);
    Result r = run(dir, STAR_WARNING, policy.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).containsExactly(
        ".assumeguard.yml:2:5: error: trustedAccounts.0 must be a 12-digit account id",
        ".assumeguard.yml:3:1: error: unknown key \"colour\" in config");
  }

  @Test
  void missingExplicitConfigIsAnError() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Path missing = dir.resolve("missing.yml");
    Result r = run(dir, STAR_WARNING, "--config", missing.toString(), policy.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(missing + ":1:1: error: cannot read file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownRuleIdsInRulesAreErrorsNamingThem() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", """
        # AG999 is not a rule
        rules:
          XX101:
            level: note
          AG999:
            enabled: false
          AG998: {level: error}
        """);
    Result r = run(dir, STAR_WARNING, policy.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).containsExactly(
        ".assumeguard.yml:5:3: error: unknown rule AG999 in rules; run `assumeguard rules` for the catalog",
        ".assumeguard.yml:7:3: error: unknown rule AG998 in rules; run `assumeguard rules` for the catalog");
  }
}
