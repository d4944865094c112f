package io.github.assumeguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitHub Action (action.yml) and the workflow of docs/github-code-scanning.md. The action's
 * scan step is run with bash as GitHub would run it: its environment built from the inputs'
 * defaults, {@code GITHUB_WORKSPACE} and {@code GITHUB_OUTPUT} set, and the launcher replaced by
 * one that starts this build's CLI classes.
 */
class GithubActionTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([a-z_]+)\\.([a-z_-]+)\\s*}}");

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

  @TempDir
  Path tmp;

  private static JsonNode action() throws IOException {
    return YAML.readTree(REPO.resolve("action.yml").toFile());
  }

  private static JsonNode step(JsonNode action, String id) {
    for (JsonNode step : action.get("runs").get("steps")) {
      if (id.equals(step.path("id").asString())) {
        return step;
      }
    }
    throw new AssertionError("no step " + id);
  }

  @Test
  void actionIsACompositeThatSetsUpJavaRunsTheLauncherAndWritesSarif() throws IOException {
    JsonNode action = action();
    assertThat(action.get("runs").get("using").asString()).isEqualTo("composite");
    assertThat(action.get("runs").get("steps").get(0).get("uses").asString()).startsWith("actions/setup-java@");
    assertThat(action.get("inputs").propertyNames()).contains("paths", "sarif-file", "fail-on", "config", "baseline",
        "include-suppressed");
    assertThat(action.get("outputs").get("sarif-file").get("value").asString())
        .isEqualTo("${{ steps.scan.outputs.sarif-file }}");
    JsonNode scan = step(action, "scan");
    assertThat(scan.get("shell").asString()).isEqualTo("bash");
    String script = scan.get("run").asString();
    assertThat(script).as("inputs reach the script only through env, never pasted in").doesNotContain("${{");
    assertThat(script).contains("\"$AG_HOME/assumeguard\"", "--format sarif", "--sarif-root \"$GITHUB_WORKSPACE\"");
  }

  @Test
  void scanStepWritesSarifWithRelativeUrisAndHonoursFailOnAndBaseline() throws Exception {
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    Files.createDirectories(workspace.resolve("iam"));
    Files.writeString(workspace.resolve("iam/open.json"), OPEN);
    Files.writeString(workspace.resolve("tsconfig.json"), "{\"compilerOptions\": {},}\n");
    Files.writeString(workspace.resolve(".assumeguard.yml"), "trustedAccounts: [\"111122223333\"]\n");

    Run defaults = runScanStep(workspace, Map.of());
    assertThat(defaults.status()).as(defaults.log()).isZero();
    assertThat(defaults.outputs()).containsExactly("sarif-file=assumeguard.sarif", "exit-code=0");
    JsonNode sarif = JSON.readTree(workspace.resolve("assumeguard.sarif").toFile());
    JsonNode result = sarif.get("runs").get(0).get("results").get(0);
    assertThat(sarif.get("runs").get(0).get("results").size()).isEqualTo(1);
    assertThat(result.get("ruleId").asString()).isEqualTo("AG101");
    assertThat(result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
        .isEqualTo("iam/open.json");

    Run failing = runScanStep(workspace, Map.of("fail-on", "warning", "sarif-file", "out/scan.sarif"));
    assertThat(failing.status()).as(failing.log()).isEqualTo(1);
    assertThat(failing.outputs()).containsExactly("sarif-file=out/scan.sarif", "exit-code=1");
    assertThat(workspace.resolve("out/scan.sarif")).isRegularFile();

    Run baseline = runScanStep(workspace, Map.of("fail-on", "warning", "baseline", "assumeguard.sarif",
        "sarif-file", "second.sarif", "paths", "iam\n  tsconfig.json"));
    assertThat(baseline.status()).as(baseline.log()).isZero();
    assertThat(Files.readString(workspace.resolve("second.sarif"))).contains("\"baselineState\" : \"unchanged\"");

    Run strict = runScanStep(workspace, Map.of("skip-unknown", "false"));
    assertThat(strict.status()).as("an unparseable tsconfig.json is an input error without skip-unknown").isEqualTo(2);
    assertThat(strict.log()).contains("tsconfig.json:1:");
  }

  @Test
  void workflowOfTheDocsUsesTheActionAndUploadsItsSarifWithACategory() throws IOException {
    String doc = Files.readString(REPO.resolve("docs/github-code-scanning.md"));
    Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(block.find()).isTrue();
    JsonNode job = YAML.readTree(block.group(1)).get("jobs").get("assumeguard");
    assertThat(job.get("permissions").get("security-events").asString()).isEqualTo("write");
    JsonNode steps = job.get("steps");
    assertThat(steps.get(0).get("uses").asString()).startsWith("actions/checkout@");
    JsonNode scan = steps.get(1);
    assertThat(scan.get("uses").asString()).startsWith("assumeguard/assumeguard@");
    JsonNode inputs = action().get("inputs");
    scan.get("with").propertyNames().forEach(name -> assertThat(inputs.has(name)).as(name).isTrue());
    JsonNode upload = steps.get(2);
    assertThat(upload.get("uses").asString()).startsWith("github/codeql-action/upload-sarif@");
    assertThat(upload.get("if").asString()).contains("failure()");
    assertThat(upload.get("with").get("sarif_file").asString())
        .isEqualTo("${{ steps." + scan.get("id").asString() + ".outputs.sarif-file }}");
    assertThat(upload.get("with").get("category").asString()).isNotBlank();
  }

  private record Run(int status, String log, List<String> outputs) {
  }

  /** Runs the action's scan step with the inputs' defaults overridden by {@code inputs}. */
  private Run runScanStep(Path workspace, Map<String, String> inputs) throws Exception {
    JsonNode action = action();
    Path home = fakeActionHome();
    Map<String, String> values = new HashMap<>();
    action.get("inputs").properties().forEach(e -> values.put(e.getKey(), e.getValue().path("default").asString()));
    values.putAll(inputs);

    JsonNode step = step(action, "scan");
    Path output = Files.createTempFile(tmp, "github-output", ".txt");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", step.get("run").asString())
        .directory(workspace.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    step.get("env").properties().forEach(e -> env.put(e.getKey(), expand(e.getValue().asString(), values, home)));
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_OUTPUT", output.toString());
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), log, Files.readAllLines(output));
  }

  /** Evaluates {@code ${{ inputs.NAME }}} and {@code ${{ github.action_path }}} as GitHub does. */
  private static String expand(String value, Map<String, String> inputs, Path home) {
    Matcher m = EXPRESSION.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = switch (m.group(1)) {
        case "inputs" -> inputs.get(m.group(2));
        case "github" -> m.group(2).equals("action_path") ? home.toString() : null;
        default -> null;
      };
      assertThat(replacement).as(m.group()).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** An action folder whose launcher runs this build's CLI classes (the real one would build a jar). */
  private Path fakeActionHome() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("action"));
    Path launcher = home.resolve("assumeguard");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> lines = new ArrayList<>();
    lines.add("#!/usr/bin/env bash");
    lines.add("exec '" + java + "' -cp '" + classpath + "' io.github.assumeguard.cli.Main \"$@\"");
    Files.write(launcher, lines);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
