package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.SERVICE_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_WARNING;
import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCommandTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} finding, --fail-on {1} -> exit {2}")
  @CsvSource({
      "warning, ,        1",
      "warning, error,   0",
      "warning, warning, 1",
      "warning, note,    1",
      "warning, none,    0",
      "note,    ,        0",
      "note,    note,    1",
      "error,   error,   1",
  })
  void exitStatusFollowsFailOn(String level, String failOn, int expected) throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    List<Rule> rules = List.of(new StarPrincipalRule("XX101", Level.parse(level).orElseThrow()));
    Result r = failOn == null
        ? run(dir, rules, policy.toString())
        : run(dir, rules, "--fail-on", failOn, policy.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(expected);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void cleanScanExitsZeroAndSaysSo() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    Result r = run(dir, STAR_WARNING, policy.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("No findings in 1 file.\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void textReportIsOneLinePerFindingThenASummary() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Result r = run(dir, STAR_WARNING, policy.toString());
    assertThat(r.outLines()).containsExactly(
        policy + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role",
        "1 warning in 1 file");
  }

  @Test
  void verbosePrintsWitnessAndFixUnderTheFinding() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Result r = run(dir, STAR_WARNING, "-v", policy.toString());
    assertThat(r.outLines()).containsExactly(
        policy + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role",
        "    fix: name the principals",
        "    witness: arn:aws:iam::999999999999:role/anyone",
        "1 warning in 1 file");
  }

  @Test
  void planFindingsNameTheResourceAddressOnTheLine() throws IOException {
    String trust = "{\\\"Statement\\\":[{\\\"Action\\\":\\\"sts:AssumeRole\\\",\\\"Effect\\\":\\\"Allow\\\","
        + "\\\"Principal\\\":\\\"*\\\"}],\\\"Version\\\":\\\"2012-10-17\\\"}";
    String plan = "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"child_modules\":[{\"resources\":["
        + "{\"address\":\"module.ci.aws_iam_role.deploy\",\"mode\":\"managed\",\"type\":\"aws_iam_role\","
        + "\"name\":\"deploy\",\"values\":{\"assume_role_policy\":\"" + trust + "\",\"name\":\"ci-deploy\"}}],"
        + "\"address\":\"module.ci\"}]}}}\n";
    Path file = write(dir, "plan.json", plan);
    int column = plan.indexOf("\\\"*\\\"") + 1;
    Result r = run(dir, STAR_WARNING, "-v", file.toString());
    assertThat(r.outLines()).containsExactly(
        file + ":1:" + column + ": warning XX101 Principal \"*\" lets anyone assume the role"
            + " [resource: module.ci.aws_iam_role.deploy]",
        "    fix: name the principals",
        "    witness: arn:aws:iam::999999999999:role/anyone",
        "1 warning in 1 file");
  }

  @Test
  void summaryCountsLevelsFilesAndInputErrors() throws IOException {
    write(dir, "a/one.json", STAR_TRUST);
    write(dir, "a/two.json", STAR_TRUST);
    write(dir, "a/clean.json", SERVICE_TRUST);
    write(dir, "a/broken.json", "{\"Version\": ");
    List<Rule> rules = List.of(new StarPrincipalRule("XX101", Level.ERROR), new StarPrincipalRule("XX102", Level.NOTE));
    Result r = run(dir, rules, dir.resolve("a").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.outLines()).last().isEqualTo("2 errors, 2 notes in 3 files (1 input error)");
  }

  @Test
  void brokenFileIsAnInputErrorAndTheOtherFilesAreStillReported() throws IOException {
    Path broken = write(dir, "broken.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    Path good = write(dir, "trust.json", STAR_TRUST);
    Result r = run(dir, STAR_WARNING, broken.toString(), good.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).matches("(?s)" + java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: error: .+\n");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.outLines()).containsExactly(
        good + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role",
        "1 warning in 1 file (1 input error)");
  }

  @Test
  void inputErrorsWinOverFailOnNone() throws IOException {
    Path broken = write(dir, "broken.json", "{");
    Result r = run(dir, STAR_WARNING, "--fail-on", "none", broken.toString());
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void missingPathIsAnInputError() {
    Path missing = dir.resolve("nope.json");
    Result r = run(dir, STAR_WARNING, missing.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(missing + ":1:1: error: no such file or directory\n");
  }

  @Test
  void directoryWalkSkipsToolDirectoriesAndNonPolicyJsonSilently() throws IOException {
    write(dir, "repo/iam/trust.json", STAR_TRUST);
    write(dir, "repo/.git/trust.json", STAR_TRUST);
    write(dir, "repo/node_modules/pkg/trust.json", STAR_TRUST);
    write(dir, "repo/.terraform/modules/trust.json", STAR_TRUST);
    write(dir, "repo/package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}\n");
    write(dir, "repo/README.md", "# not json\n");
    Path repo = dir.resolve("repo");
    Result r = run(dir, STAR_WARNING, "--fail-on", "none", repo.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines()).containsExactly(
        repo.resolve("iam/trust.json") + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role",
        "1 warning in 1 file (1 file skipped)");
  }

  @Test
  void nonPolicyJsonNamedExplicitlyIsAnInputError() throws IOException {
    Path pkg = write(dir, "package.json", "{\"name\": \"web\"}\n");
    Result r = run(dir, STAR_WARNING, pkg.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(pkg + ":1:1: error: not a policy document");
    assertThat(r.out()).isEqualTo("No findings in 0 files (1 input error).\n");
  }

  @Test
  void outputWritesTheReportToTheFileAndTheSummaryToStdout() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Path report = dir.resolve("reports/out/result.txt");
    Result r = run(dir, STAR_WARNING, "--output", report.toString(), policy.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readString(report)).isEqualTo(
        policy + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role\n1 warning in 1 file\n");
    assertThat(r.out()).isEqualTo("1 warning in 1 file\n");
    try (Stream<Path> files = Files.list(report.getParent())) {
      assertThat(files).containsExactly(report); // no temporary file left behind
    }
  }

  @Test
  void outputReplacesAnExistingFile() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    Path report = write(dir, "report.json", "old content that is longer than the new one ".repeat(100));
    Result r = run(dir, STAR_WARNING, "-f", "json", "-o", report.toString(), policy.toString());
    assertThat(r.code()).isZero();
    assertThat(Files.readString(report)).startsWith("{").contains("\"filesAnalysed\": 1").doesNotContain("old");
  }

  @Test
  void unwritableOutputIsAnErrorWithoutStackTrace() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    Path notADir = write(dir, "file", "x");
    Result r = run(dir, STAR_WARNING, "-o", notADir.resolve("report.txt").toString(), policy.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("assumeguard: error: cannot write " + notADir.resolve("report.txt"));
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void suppressedFindingsAreHiddenAndCountedUnlessAsked() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    write(dir, ".assumeguard.yml", """
        suppress:
          - rule: XX101
            path: "trust.json"
            reason: "public test role"
        """);
    Result r = run(dir, STAR_WARNING, policy.toString());
    assertThat(r.code()).as("suppressed findings never fail").isZero();
    assertThat(r.outLines()).containsExactly("No findings in 1 file (1 suppressed).");

    Result shown = run(dir, STAR_WARNING, "--include-suppressed", policy.toString());
    assertThat(shown.code()).isZero();
    assertThat(shown.outLines()).containsExactly(
        policy + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role [suppressed: public test role]",
        "No findings in 1 file (1 suppressed).");
  }

  @Test
  void aRuleThatThrowsIsReportedAndTheRunGoesOn() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Rule broken = new Rule() {
      final RuleMeta meta = RuleMeta.builder("XX999", "broken").title("t").description("d").build();

      @Override
      public RuleMeta meta() {
        return meta;
      }

      @Override
      public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
        throw new IllegalStateException("boom");
      }
    };
    Result r = run(dir, List.of(STAR_WARNING.get(0), broken), policy.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("assumeguard: warning: rule XX999 failed on " + policy);
    assertThat(r.outLines()).hasSize(2);
  }

  @Test
  void colourOnlyWhenTheOutputIsATerminal() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    ExitCode code = new Main(() -> STAR_WARNING, dir, true)
        .execute(new String[] {policy.toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    assertThat(code).isEqualTo(ExitCode.FINDINGS);
    assertThat(out.toString()).contains(": \u001b[33mwarning\u001b[0m \u001b[1mXX101\u001b[0m Principal");

    java.io.StringWriter plain = new java.io.StringWriter();
    new Main(() -> STAR_WARNING, dir, true).execute(new String[] {"--no-color", policy.toString()},
        new java.io.PrintWriter(plain), new java.io.PrintWriter(err));
    assertThat(plain.toString()).doesNotContain("\u001b[");
  }

  @Test
  void maxFileSizeTurnsLargerFilesIntoInputErrors() throws IOException {
    Path big = write(dir, "big.json", STAR_TRUST + " ".repeat(2 * 1024 * 1024));
    Path small = write(dir, "small.json", STAR_TRUST);
    Result r = run(dir, STAR_WARNING, "--max-file-size", "1", big.toString(), small.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(big + ":1:1: error: file is " + Files.size(big) + " bytes, over the limit of 1048576 bytes");
    assertThat(r.out()).contains(small + ":6:20: warning XX101");
    assertThat(run(dir, STAR_WARNING, "--max-file-size", "0", small.toString()).code()).isEqualTo(2);
  }
}
