package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.SERVICE_TRUST;
import static io.github.assumeguard.cli.CliHarness.STAR_WARNING;
import static io.github.assumeguard.cli.CliHarness.run;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifFailureTest {

  @TempDir
  Path dir;

  @Test
  void sarifRootMustBeADirectory() throws IOException {
    Path policy = write(dir, "trust.json", SERVICE_TRUST);
    Result r = run(dir, STAR_WARNING, "-f", "sarif", "--sarif-root", dir.resolve("nope").toString(),
        policy.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("assumeguard: --sarif-root " + dir.resolve("nope") + " is not a directory\n");
  }
}
