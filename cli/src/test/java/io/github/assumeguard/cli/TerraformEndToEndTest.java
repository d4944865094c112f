package io.github.assumeguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Terraform samples through the CLI: findings at .tf lines, module addresses, SARIF that validates. */
class TerraformEndToEndTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINE = Pattern.compile(
      "^\\.\\./samples/terraform/\\S+\\.(tf|json):(\\d+):(\\d+): (error|warning|note) (AG\\d{3}) .+");

  @Test
  void everyRuleReportsAtTerraformLines() {
    Result r = CliHarness.runCatalog(REPO, "../samples/terraform");
    assertThat(r.code()).isEqualTo(1);
    Set<String> ids = new TreeSet<>();
    List<String> lines = r.outLines();
    for (String line : lines.subList(0, lines.size() - 1)) {
      Matcher m = LINE.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      ids.add(m.group(5));
    }
    assertThat(ids).hasSize(23);
    assertThat(r.err()).contains("samples/terraform/suppression/main.tf:18:3: warning: suppression of AG301 has no reason");
  }

  @Test
  void sarifFromTerraformValidatesAndNamesModuleAddresses() throws IOException {
    Result r = CliHarness.runCatalog(REPO, "--format", "sarif", "../samples/terraform");
    JsonNode sarif = JsonMapper.builder().build().readTree(r.out());
    try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema, InputFormat.JSON)
          .validate(sarif)).extracting(Error::toString).isEmpty();
    }
    List<String> resources = new ArrayList<>();
    for (JsonNode result : sarif.get("runs").get(0).get("results")) {
      JsonNode location = result.get("locations").get(0);
      assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asString())
          .startsWith("samples/terraform/");
      if (location.has("logicalLocations")) {
        resources.add(location.get("logicalLocations").get(0).get("fullyQualifiedName").asString());
      }
    }
    assertThat(resources).contains("module.ci.aws_iam_role.deploy", "aws_iam_role.ag101_bad");
  }
}
