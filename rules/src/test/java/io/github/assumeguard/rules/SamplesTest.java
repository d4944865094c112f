package io.github.assumeguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.ConfigLoader;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.TextLines;
import io.github.assumeguard.load.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule on every sample under {@code samples/} and compares the findings (and input
 * errors) with the sample's {@code .expected} sidecar, line for line. {@code -Dsamples.update=true}
 * rewrites the sidecars; review the diff.
 */
class SamplesTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path SAMPLES = REPO.resolve("samples");
  private static final boolean UPDATE = Boolean.getBoolean("samples.update");

  /** Every sample file: not a sidecar, not a README, not a config. */
  static List<Path> samples() throws IOException {
    try (Stream<Path> walk = Files.walk(SAMPLES)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".expected"))
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals(ConfigLoader.FILE_NAME))
          .sorted().toList();
    }
  }

  static Config repoConfig() {
    Path config = REPO.resolve(ConfigLoader.FILE_NAME);
    return Files.exists(config) ? ConfigLoader.load(config, ConfigLoader.FILE_NAME) : Config.defaults();
  }

  static Path sidecar(Path sample) {
    String name = sample.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return sample.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".expected");
  }

  /**
   * The text lines the CLI prints for one sample with {@code --include-suppressed}, with the path
   * as seen from the repository root, in the CLI's order: findings by line and column (a suppressed
   * one ends with {@code [suppressed: REASON]}, so the sidecars show suppressions work), then input
   * errors and warnings.
   */
  static List<String> run(Analyzer analyzer, Path sample) {
    String display = REPO.relativize(sample).toString();
    Report report = analyzer.analyse(List.of(new Analyzer.Input(sample, display, true)), List.of());
    List<String> lines = new ArrayList<>();
    report.findings().forEach(f -> lines.add(TextLines.finding(f)));
    report.errors().forEach(e -> lines.add(TextLines.error(e)));
    report.warnings().forEach(w -> lines.add(TextLines.warning(w)));
    report.notifications().forEach(n -> lines.add("notification: " + n));
    return lines;
  }

  @TestFactory
  Stream<DynamicTest> everyRuleOnEverySample() throws IOException {
    Analyzer analyzer = new Analyzer(BuiltInRules.all(), repoConfig(), Limits.defaults());
    return samples().stream().map(sample -> DynamicTest.dynamicTest(
        SAMPLES.relativize(sample).toString(), sample.toUri(), () -> {
          List<String> actual = run(analyzer, sample);
          Path expectedFile = sidecar(sample);
          if (UPDATE) {
            Files.writeString(expectedFile, actual.isEmpty() ? "" : String.join("\n", actual) + "\n",
                StandardCharsets.UTF_8);
          }
          assertThat(expectedFile).as("sidecar of %s", sample).exists();
          List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank()).toList();
          assertThat(actual).as("findings for %s", REPO.relativize(sample)).containsExactlyElementsOf(expected);
        }));
  }
}
