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

/** {@code --skip-unknown}, for hooks that pass every staged JSON and YAML file by name. */
class SkipUnknownTest {

  @TempDir
  Path dir;

  private String at(String relative) {
    return dir.resolve(relative).toString();
  }

  private void writeRepository() throws IOException {
    write(dir, "trust.json", STAR_TRUST);
    write(dir, "package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}\n");
    write(dir, "tsconfig.json", "{\n  \"compilerOptions\": {\"strict\": true,},\n}\n");
    write(dir, "empty.yml", "");
    write(dir, "ci.yml", "build:\n  script: !reference [.setup, script]\n");
  }

  @Test
  void filesOfNoKnownKindAndUnparseableNonIamFilesAreSkippedSilently() throws IOException {
    writeRepository();
    Result r = run(dir, STAR_WARNING, "--skip-unknown", at("trust.json"), at("package.json"), at("tsconfig.json"), at("empty.yml"),
        at("ci.yml"));
    assertThat(r.err()).isEmpty();
    assertThat(r.outLines()).containsExactly(
        at("trust.json") + ":6:20: warning XX101 Principal \"*\" lets anyone assume the role",
        "1 warning in 1 file (4 files skipped)");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void withoutItNamedFilesOfNoKnownKindAreInputErrors() throws IOException {
    writeRepository();
    Result r = run(dir, STAR_WARNING, at("package.json"), at("tsconfig.json"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(at("package.json") + ":1:1: error: not a policy document", at("tsconfig.json") + ":");
  }

  @Test
  void aBrokenFileThatLooksLikeAPolicyIsStillReported() throws IOException {
    write(dir, "broken.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    write(dir, "clean.json", CliHarness.SERVICE_TRUST);
    Result r = run(dir, STAR_WARNING, "--skip-unknown", at("broken.json"), at("clean.json"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(at("broken.json") + ":");
    assertThat(r.outLines()).containsExactly("No findings in 1 file (1 input error).");
  }
}
