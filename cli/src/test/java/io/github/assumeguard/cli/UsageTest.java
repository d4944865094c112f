package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.SERVICE_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_WARNING;
import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import io.github.assumeguard.engine.ToolInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTest {

  @TempDir
  Path dir;

  private void assertUsageError(Result r, String message) {
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).first().isEqualTo("assumeguard: " + message);
    assertThat(r.err().lines().toList()).last().asString().startsWith("Try 'assumeguard").endsWith("--help' for more information.");
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void unknownFormatIsAUsageError() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    assertUsageError(run(dir, STAR_WARNING, "--format", "xml", policy.toString()),
        "Invalid value for option '--format': expected one of text, json, sarif but was 'xml'");
  }

  @Test
  void unknownFailOnLevelIsAUsageError() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    assertUsageError(run(dir, STAR_WARNING, "--fail-on", "critical", policy.toString()),
        "Invalid value for option '--fail-on': expected one of error, warning, note, none but was 'critical'");
  }

  @Test
  void noPathIsAUsageError() {
    assertUsageError(run(dir, STAR_WARNING), "no PATH given: name the policy files or directories to scan");
    assertUsageError(run(dir, STAR_WARNING, "scan", "--format", "json"),
        "no PATH given: name the policy files or directories to scan");
  }

  @Test
  void unknownOptionIsAUsageErrorWithASuggestion() {
    Result r = run(dir, STAR_WARNING, "--formt", "json", ".");
    assertUsageError(r, "Unknown option: '--formt'");
    assertThat(r.err()).contains("--format");
  }

  @Test
  void scanIsTheDefaultCommandAndCanBeNamed() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    assertThat(run(dir, STAR_WARNING, "scan", policy.toString()).out()).isEqualTo("No findings in 1 file.\n");
    assertThat(run(dir, STAR_WARNING, policy.toString()).out()).isEqualTo("No findings in 1 file.\n");
  }

  @Test
  void atSignIsAPathNotAnArgumentFile() throws IOException {
    write(dir, "args", SERVICE_TRUST);
    Result r = run(dir, STAR_WARNING, "@" + dir.resolve("args"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("@" + dir.resolve("args") + ":1:1: error: no such file or directory");
  }

  @Test
  void versionPrintsNameAndVersion() {
    Result r = run(dir, STAR_WARNING, "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("assumeguard " + ToolInfo.version() + "\n");
  }

  @Test
  void helpShowsTheThreeCommandsOptionsAndExitStatus() {
    Result r = run(dir, STAR_WARNING, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("Usage: assumeguard [scan] [OPTIONS] PATH...\n")
        .contains("assumeguard rules [--format text|json|markdown]", "assumeguard explain RULE")
        .contains("--format=FORMAT", "--output=FILE", "--config=FILE", "--fail-on=LEVEL", "--baseline=FILE",
            "--sarif-root=DIR", "--include-suppressed", "--verbose", "--no-color")
        .contains("Exit status:");
    assertThat(run(dir, STAR_WARNING, "help").out()).isEqualTo(r.out());
    assertThat(run(dir, STAR_WARNING, "scan", "-h").out()).isEqualTo(r.out());
  }

  @Test
  void subcommandHelp() {
    assertThat(run(dir, STAR_WARNING, "rules", "--help").out()).startsWith("Usage: assumeguard rules");
    assertThat(run(dir, STAR_WARNING, "explain", "--help").out()).startsWith("Usage: assumeguard explain");
    assertThat(run(dir, STAR_WARNING, "help", "explain").out()).startsWith("Usage: assumeguard explain");
  }

  @Test
  void publicRunUsesTheGivenRules() throws IOException {
    Path policy = write(dir, "trust.json", CliHarness.STAR_TRUST);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"--config", write(dir, "empty.yml", "").toString(), policy.toString()},
        new PrintWriter(out), new PrintWriter(err), STAR_WARNING);
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("warning XX101");
  }
}
