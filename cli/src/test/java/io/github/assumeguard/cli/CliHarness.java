package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@link Main} in memory and keeps what it printed. */
final class CliHarness {

  /** The test rule at warning level. */
  static final List<Rule> STAR_WARNING = List.of(new StarPrincipalRule("XX101", Level.WARNING));

  static final String STAR_TRUST = """
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

  static final String SERVICE_TRUST = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole"
          }
        ]
      }
      """;

  private CliHarness() {
  }

  /** What one run printed, and its exit status. */
  record Result(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  /** Runs with the test rules, looking for the config from {@code workingDir}. */
  static Result run(Path workingDir, List<Rule> rules, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<Rule> sorted = RuleRegistry.sorted(rules);
    ExitCode code = new Main(() -> sorted, workingDir, false)
        .execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code.code(), out.toString(), err.toString());
  }

  /** Runs with the catalog found on the class path. */
  static Result runCatalog(Path workingDir, String... args) {
    return run(workingDir, RuleRegistry.discover(), args);
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
