package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.runCatalog;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --baseline}: a finding already in a previous SARIF or JSON report is unchanged and does not
 * fail, even when lines were inserted above it; a genuinely new one fails.
 */
class BaselineTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final String OPEN = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sts:AssumeRole"
          }
        ]
      }
      """;

  /** The same open statement five lines further down, with a Sid; nothing else new. */
  private static final String MOVED = """
      {
        "Version": "2012-10-17",
        "Id": "deploy-trust",


        "Statement": [
          {
            "Sid": "Open",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sts:AssumeRole"
          }
        ]
      }
      """;

  /** MOVED plus a new statement trusting another account without an external id (AG103, AG105). */
  private static final String MOVED_AND_NEW = """
      {
        "Version": "2012-10-17",
        "Id": "deploy-trust",


        "Statement": [
          {
            "Sid": "Open",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sts:AssumeRole"
          },
          {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
            "Action": "sts:AssumeRole"
          }
        ]
      }
      """;

  private static final String AG101 = "%s:%d:20: error AG101 Principal \"*\" lets any AWS account "
      + "assume the role; restrict it with aws:PrincipalOrgID or name the principals";
  private static final String AG103 = "%s:15:28: warning AG103 Principal "
      + "arn:aws:iam::210987654321:root of another account can assume the role without sts:ExternalId, MFA or "
      + "an organization condition; require the external id with StringEquals";
  private static final String AG105 = "%s:15:28: note AG105 Principal "
      + "arn:aws:iam::210987654321:root trusts every role and user of account 210987654321 that its own "
      + "policies allow; name the roles, or narrow it with an aws:PrincipalArn condition";

  @TempDir
  Path dir;

  /** Paths on the command line are taken as given (here absolute); the SARIF root is {@code dir}. */
  private String at(String relative) {
    return dir.resolve(relative).toString();
  }

  private String trust() {
    return at("roles/trust.json");
  }

  @Test
  void sarifBaselineKeepsAMovedFindingUnchangedAndFailsOnANewOne() throws IOException {
    write(dir, "roles/trust.json", OPEN);
    Result first = runCatalog(dir, "--format", "sarif", "--output", at("baseline.sarif"), at("roles"));
    assertThat(first.code()).isEqualTo(1);

    write(dir, "roles/trust.json", MOVED);
    Result moved = runCatalog(dir, "--baseline", at("baseline.sarif"), at("roles"));
    assertThat(moved.err()).isEmpty();
    assertThat(moved.outLines()).containsExactly(
        AG101.formatted(trust(), 10) + " [unchanged]",
        "No new findings in 1 file (1 unchanged in baseline).");
    assertThat(moved.code()).as("only an unchanged finding: passes").isZero();

    write(dir, "roles/trust.json", MOVED_AND_NEW);
    Result added = runCatalog(dir, "--baseline", at("baseline.sarif"), at("roles"));
    assertThat(added.outLines()).containsExactly(
        AG101.formatted(trust(), 10) + " [unchanged]",
        AG103.formatted(trust()),
        AG105.formatted(trust()),
        "1 warning, 1 note in 1 file (1 unchanged in baseline)");
    assertThat(added.code()).as("the new warning fails").isEqualTo(1);
    assertThat(runCatalog(dir, "--baseline", at("baseline.sarif"), "--fail-on", "error", at("roles")).code())
        .as("the error is unchanged and the new findings are below --fail-on error").isZero();
  }

  @Test
  void jsonBaselineWorksTheSameAndTheReportsSayNewOrUnchanged() throws IOException {
    write(dir, "roles/trust.json", OPEN);
    assertThat(runCatalog(dir, "--format", "json", "--output", at("baseline.json"), at("roles")).code()).isEqualTo(1);
    write(dir, "roles/trust.json", MOVED_AND_NEW);

    Result json = runCatalog(dir, "--format", "json", "--baseline", at("baseline.json"), at("roles"));
    assertThat(json.code()).isEqualTo(1);
    JsonNode root = MAPPER.readTree(json.out());
    List<String> states = new ArrayList<>();
    root.get("findings").forEach(f -> states.add(f.get("ruleId").asString() + " " + f.get("baseline").asString()));
    assertThat(states).containsExactly("AG101 unchanged", "AG103 new", "AG105 new");
    assertThat(root.get("summary").get("unchanged").asInt()).isEqualTo(1);
    assertThat(root.get("summary").get("error").asInt()).as("new errors only").isZero();
    assertThat(root.get("summary").get("warning").asInt()).isEqualTo(1);

    Result sarif = runCatalog(dir, "--format", "sarif", "--baseline", at("baseline.json"), at("roles"));
    List<String> sarifStates = new ArrayList<>();
    MAPPER.readTree(sarif.out()).get("runs").get(0).get("results").forEach(r ->
        sarifStates.add(r.get("ruleId").asString() + " " + r.get("baselineState").asString()));
    assertThat(sarifStates).containsExactly("AG101 unchanged", "AG103 new", "AG105 new");
  }

  @Test
  void jsonAndSarifReportsCarryTheSameFingerprints() throws IOException {
    write(dir, "roles/trust.json", MOVED_AND_NEW);
    JsonNode json = MAPPER.readTree(runCatalog(dir, "--format", "json", at("roles")).out());
    JsonNode sarif = MAPPER.readTree(runCatalog(dir, "--format", "sarif", at("roles")).out());
    List<String> fromJson = new ArrayList<>();
    json.get("findings").forEach(f -> fromJson.add(f.get("fingerprint").asString()));
    List<String> fromSarif = new ArrayList<>();
    sarif.get("runs").get(0).get("results").forEach(r ->
        fromSarif.add(r.get("partialFingerprints").get("assumeguardFingerprint/v1").asString()));
    assertThat(fromJson).hasSize(3).containsExactlyElementsOf(fromSarif);
  }

  @Test
  void withoutABaselineReportsSayNothingAboutIt() throws IOException {
    write(dir, "roles/trust.json", OPEN);
    JsonNode root = MAPPER.readTree(runCatalog(dir, "--format", "json", at("roles")).out());
    assertThat(root.get("findings").get(0).has("baseline")).isFalse();
    assertThat(root.get("summary").has("unchanged")).isFalse();
    JsonNode sarif = MAPPER.readTree(runCatalog(dir, "--format", "sarif", at("roles")).out());
    assertThat(sarif.get("runs").get(0).get("results").get(0).has("baselineState")).isFalse();
  }

  @Test
  void aFileThatIsNoReportOfThisToolIsAnInputError() throws IOException {
    write(dir, "roles/trust.json", OPEN);
    write(dir, at("other.json"), "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"cfn-lint\"}}, \"results\": []}]}\n");
    write(dir, at("policy.json"), OPEN);
    Result other = runCatalog(dir, "--baseline", at("other.json"), at("roles"));
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).isEqualTo(at("other.json") + ":1:10: error: not a baseline: no run of assumeguard in this SARIF file\n");
    assertThat(other.out()).as("nothing is scanned with an unusable baseline").isEmpty();

    Result policy = runCatalog(dir, "--baseline", at("policy.json"), at("roles"));
    assertThat(policy.code()).isEqualTo(2);
    assertThat(policy.err()).startsWith(at("policy.json") + ":1:1: error: not a baseline: expected a SARIF or JSON report");

    Result missing = runCatalog(dir, "--baseline", at("nowhere.sarif"), at("roles"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith(at("nowhere.sarif") + ":1:1: error: cannot read file");
    assertThat(Files.exists(dir.resolve("nowhere.sarif"))).isFalse();
  }
}
