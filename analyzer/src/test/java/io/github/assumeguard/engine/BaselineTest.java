package io.github.assumeguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.ResourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  private static final RuleMeta OPEN = RuleMeta.builder("AG101", "wildcard-principal").level(Level.ERROR).build();
  private static final RuleMeta ROOT = RuleMeta.builder("AG105", "account-root-principal").level(Level.NOTE).build();

  @TempDir
  Path dir;

  private static Finding open(int line) {
    return OPEN.at(Location.at("trust.json", line, 20, "/Statement/0/Principal"), "Principal \"*\" lets anyone in");
  }

  private static Finding comment(int line) {
    return OPEN.at(Location.at("trust.json", line, 3, ""), "a comment");
  }

  private static String print(Finding f) {
    return Fingerprints.of(f, "roles/" + f.location().file());
  }

  private static Report report(Finding... findings) {
    return new Report(List.of(), List.of(findings), List.of(), List.of(), 1, 0);
  }

  private static String sarif(String... prints) {
    StringBuilder results = new StringBuilder();
    for (String p : prints) {
      results.append(results.length() == 0 ? "" : ",").append("{\"ruleId\": \"AG101\", \"partialFingerprints\": {\"")
          .append(Fingerprints.KEY).append("\": \"").append(p).append("\"}}");
    }
    return "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"other\"}}, \"results\": "
        + "[{\"ruleId\": \"X\"}]}, {\"tool\": {\"driver\": {\"name\": \"assumeguard\"}}, \"results\": ["
        + results + "]}]}";
  }

  @Test
  void fingerprintIgnoresLinesColumnsLevelWitnessFixAndSuppression() {
    Finding f = open(6);
    Finding moved = OPEN.at(new Location("trust.json", 40, 7, 41, 2, "/Statement/0/Principal"), f.message())
        .atLevel(Level.WARNING).witness("w").fix("x").suppressed("accepted");
    assertThat(print(moved)).isEqualTo(print(f)).matches("[0-9a-f]{64}");
    assertThat(print(f.in(Optional.of(ResourceRef.of("Deploy", "AWS::IAM::Role"))))).isNotEqualTo(print(f));
    assertThat(Fingerprints.of(f, "other/trust.json")).isNotEqualTo(print(f));
    assertThat(print(OPEN.at(f.location().withPointer("/Statement/1/Principal"), f.message())))
        .isNotEqualTo(print(f));
  }

  @Test
  void sarifBaselineMarksMovedFindingsUnchangedAndOthersNew() {
    Baseline baseline = Baseline.parse(sarif(print(open(6))), "baseline.sarif");
    assertThat(baseline.size()).as("only the assumeguard run counts").isEqualTo(1);
    Finding moved = open(11);
    Finding added = ROOT.at(Location.at("trust.json", 20, 5, "/Statement/1/Principal/AWS"), "account root");
    Report r = baseline.apply(report(moved, added), BaselineTest::print);
    assertThat(r.hasBaseline()).isTrue();
    assertThat(r.isUnchanged(moved)).isTrue();
    assertThat(r.isUnchanged(added)).isFalse();
    assertThat(r.unchangedCount()).isEqualTo(1);
    assertThat(r.count(Level.ERROR)).as("unchanged findings are not counted as errors").isZero();
    assertThat(r.count(Level.NOTE)).isEqualTo(1);
    assertThat(r.failing(Level.WARNING)).isZero();
    assertThat(r.failing(Level.NOTE)).isEqualTo(1);
  }

  @Test
  void equalFingerprintsAreCountedSoASecondOccurrenceIsNew() {
    assertThat(print(comment(2))).isEqualTo(print(comment(9)));
    Baseline once = Baseline.parse(sarif(print(comment(2))), "b.sarif");
    Report r = once.apply(report(comment(4), comment(9)), BaselineTest::print);
    assertThat(r.isUnchanged(comment(4))).isTrue();
    assertThat(r.isUnchanged(comment(9))).isFalse();
    assertThat(r.failing(Level.ERROR)).isEqualTo(1);
  }

  @Test
  void jsonReportBaselineUsesTheFingerprintField() {
    String json = "{\"tool\": {\"name\": \"assumeguard\"}, \"findings\": [{\"ruleId\": \"AG101\", \"fingerprint\": \""
        + print(open(6)) + "\"}], \"errors\": []}";
    Report r = Baseline.parse(json, "b.json").apply(report(open(30)), BaselineTest::print);
    assertThat(r.failing(Level.NOTE)).isZero();
    assertThat(r.unchangedCount()).isEqualTo(1);
  }

  @Test
  void anEmptyReportIsAnEmptyBaseline() {
    Report r = Baseline.parse(sarif(), "b.sarif").apply(report(open(6)), BaselineTest::print);
    assertThat(r.hasBaseline()).isTrue();
    assertThat(r.failing(Level.ERROR)).isEqualTo(1);
  }

  @Test
  void whatIsNoBaselineIsAnInputErrorWithALocation() throws IOException {
    assertThatThrownBy(() -> Baseline.parse("{\"Version\": \"2012-10-17\"}", "p.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("not a baseline: expected a SARIF or JSON report")
        .extracting(e -> ((InputException) e).location().toString()).isEqualTo("p.json:1:1");
    assertThatThrownBy(() -> Baseline.parse("{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"assumeguard\"}},\n"
        + "  \"results\": [{\"ruleId\": \"AG101\"}]}]}", "b.sarif"))
        .hasMessageContaining("has no partialFingerprints \"assumeguardFingerprint/v1\"")
        .extracting(e -> ((InputException) e).location().toString()).isEqualTo("b.sarif:2:15");
    assertThatThrownBy(() -> Baseline.parse("{\"findings\": [\n{\"ruleId\": \"AG101\"}]}", "b.json"))
        .hasMessageContaining("has no \"fingerprint\"")
        .extracting(e -> ((InputException) e).location().toString()).isEqualTo("b.json:2:1");
    assertThatThrownBy(() -> Baseline.parse("{\"runs\": [", "b.sarif")).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> Baseline.read(dir.resolve("missing.sarif"), "missing.sarif"))
        .isInstanceOf(InputException.class).hasMessageStartingWith("cannot read file");
    Path file = Files.writeString(dir.resolve("b.sarif"), sarif(print(open(1))), StandardCharsets.UTF_8);
    assertThat(Baseline.read(file, "b.sarif").size()).isEqualTo(1);
  }

  @Test
  void unknownFilesKeepsErrorsOnlyForFilesThatLookLikeIam() throws IOException {
    Path tsconfig = Files.writeString(dir.resolve("tsconfig.json"), "{\"a\": 1,}");
    Path policy = Files.writeString(dir.resolve("p.json"), "{\"Statement\": [");
    Path utf16 = Files.write(dir.resolve("u.json"), "{\"Statement\": [".getBytes(StandardCharsets.UTF_16LE));
    List<Analyzer.Input> inputs = List.of(new Analyzer.Input(tsconfig, "tsconfig.json", false),
        new Analyzer.Input(policy, "p.json", false), new Analyzer.Input(utf16, "u.json", false));
    Report report = new Report(List.of(), List.of(), List.of(new InputError(Location.ofFile("tsconfig.json"), "bad"),
        new InputError(Location.ofFile("p.json"), "bad"), new InputError(Location.ofFile("u.json"), "bad"),
        new InputError(Location.ofFile("gone.json"), "no such file or directory")), List.of(), 0, 2);
    Report quiet = UnknownFiles.quiet(report, inputs);
    assertThat(quiet.errors()).extracting(e -> e.location().file()).containsExactly("p.json", "u.json", "gone.json");
    assertThat(quiet.filesSkipped()).isEqualTo(3);
  }
}
