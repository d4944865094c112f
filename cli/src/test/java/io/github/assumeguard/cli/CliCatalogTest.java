package io.github.assumeguard.cli;

import static io.github.assumeguard.cli.CliHarness.STAR_TRUST;
import static io.github.assumeguard.cli.CliHarness.runCatalog;
import static io.github.assumeguard.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end with the real catalog (ServiceLoader); needs the implemented AG101 rule. */
class CliCatalogTest {

  @TempDir
  Path dir;

  @Test
  void wildcardTrustPolicyFailsWithAg101() throws IOException {
    Path policy = write(dir, "trust.json", STAR_TRUST);
    Result r = runCatalog(dir, policy.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(policy + ":6:20: error AG101 ");
  }
}
