package io.github.assumeguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal without Maven: parameters set as Maven would, log lines captured. */
class CheckMojoTest {

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
  Path project;

  private final List<String> lines = new ArrayList<>();
  private CheckMojo mojo;

  @BeforeEach
  void setUp() throws IOException {
    write(".assumeguard.yml", "trustedAccounts: [\"111122223333\"]\n");
    mojo = new CheckMojo();
    mojo.setLog(new Recorder(lines));
    mojo.basedir = project.toFile();
    mojo.buildDirectory = project.resolve("target").toFile();
    mojo.failOn = "warning";
    mojo.sarifFile = project.resolve("target/assumeguard.sarif").toFile();
    mojo.sarifRoot = project.toFile();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private String at(String relative) {
    return project.resolve(relative).toString();
  }

  @Test
  void aBadPolicyFailsTheBuildWithClickableLinesAndAOneLineSummary() throws IOException {
    write("iam/open.json", OPEN);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("assumeguard: 1 error at or above failOn=warning in 1 file; see the lines above");
    assertThat(lines).contains("[error] " + at("iam/open.json") + ":6:20: error AG101 Principal \"*\" lets any AWS "
        + "account assume the role; restrict it with aws:PrincipalOrgID or name the principals",
        "[info] assumeguard: 1 error in 1 file (1 file skipped)");
    assertThat(Files.readString(project.resolve("target/assumeguard.sarif"))).contains("\"uri\" : \"iam/open.json\"");
  }

  @Test
  void failOnDecidesWhatFails() throws Exception {
    write("iam/open.json", OPEN);
    mojo.failOn = "none";
    mojo.execute();
    assertThat(lines).contains("[info] assumeguard: 1 error in 1 file (1 file skipped)");
    mojo.failOn = "ERROR";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    mojo.failOn = "fatal";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("assumeguard: failOn must be error, warning, note or none, not \"fatal\"");
  }

  @Test
  void includesExcludesAndTheBuildDirectorySelectTheFiles() throws Exception {
    write("iam/open.json", OPEN);
    write("vendor/open.json", OPEN);
    write("target/classes/open.json", OPEN);
    mojo.excludes = List.of("vendor/**");
    assertThatThrownBy(mojo::execute).hasMessageContaining("1 error at or above");
    assertThat(String.join("\n", lines)).contains(at("iam/open.json")).doesNotContain("vendor").doesNotContain("target/classes");

    lines.clear();
    mojo.excludes = null;
    mojo.includes = List.of("vendor/*.json");
    assertThatThrownBy(mojo::execute).hasMessageContaining("1 error at or above");
    assertThat(String.join("\n", lines)).contains(at("vendor/open.json")).doesNotContain("iam/open.json");

    lines.clear();
    mojo.includes = null;
    mojo.sources = List.of(project.resolve("iam").toFile(), project.resolve("vendor").toFile());
    assertThatThrownBy(mojo::execute).hasMessageContaining("2 errors at or above failOn=warning in 2 files");
  }

  @Test
  void skipDoesNothing() throws Exception {
    write("iam/open.json", OPEN);
    mojo.skip = true;
    mojo.execute();
    assertThat(lines).containsExactly("[info] assumeguard: skipped (assumeguard.skip)");
    assertThat(project.resolve("target/assumeguard.sarif")).doesNotExist();
  }

  @Test
  void filesThatAreNoPolicyAreSkippedAndABrokenPolicyIsAnInputError() throws Exception {
    write("web/package.json", "{\"name\": \"web\"}");
    write("web/tsconfig.json", "{\"compilerOptions\": {\"strict\": true,},}");
    mojo.execute();
    assertThat(lines).contains("[info] assumeguard: No findings in 0 files (3 files skipped).");

    write("iam/broken.json", "{\"Version\": \"2012-10-17\", \"Statement\": [");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("assumeguard: 1 input error (files that could not be read or parsed); see the lines above");
    assertThat(lines).anyMatch(l -> l.startsWith("[error] " + at("iam/broken.json") + ":1:"));
  }

  @Test
  void aBaselineKeepsKnownFindingsFromFailing() throws Exception {
    write("iam/open.json", OPEN);
    mojo.failOn = "none";
    mojo.sarifFile = project.resolve("baseline.sarif").toFile();
    mojo.execute();

    write("iam/open.json", "\n\n" + OPEN);
    lines.clear();
    mojo.failOn = "warning";
    mojo.sarifFile = project.resolve("target/assumeguard.sarif").toFile();
    mojo.baseline = project.resolve("baseline.sarif").toFile();
    mojo.execute();
    assertThat(lines).contains("[info] " + at("iam/open.json") + ":8:20: error AG101 Principal \"*\" lets any AWS "
        + "account assume the role; restrict it with aws:PrincipalOrgID or name the principals [unchanged]",
        "[info] assumeguard: No new findings in 1 file (1 unchanged in baseline, 1 file skipped).");

    mojo.baseline = project.resolve("iam/open.json").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("assumeguard: " + at("iam/open.json") + ":3:1: not a baseline");
  }

  @Test
  void anInvalidConfigStopsTheBuildWithItsErrorsLogged() throws Exception {
    write("iam/open.json", OPEN);
    Path config = write("config/assumeguard.yml", "trustedAccounts: [\"12\"]\n");
    mojo.configFile = config.toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("assumeguard: invalid config " + config + " (see the lines above)");
    assertThat(lines).anyMatch(l -> l.startsWith("[error] " + config + ":1:") && l.contains("12-digit account id"));

    write("config/assumeguard.yml", "rules:\n  AG999: {enabled: false}\n");
    assertThatThrownBy(mojo::execute).hasMessage("assumeguard: " + config + ": unknown rule AG999 in rules");

    mojo.configFile = new File(project.toFile(), "missing.yml");
    assertThatThrownBy(mojo::execute).hasMessageContaining("does not exist");
  }

  /** A Maven log that keeps "[level] message" lines. */
  private record Recorder(List<String> lines) implements Log {
    @Override public boolean isDebugEnabled() { return false; }
    @Override public void debug(CharSequence content) { }
    @Override public void debug(CharSequence content, Throwable error) { }
    @Override public void debug(Throwable error) { }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { lines.add("[info] " + content); }
    @Override public void info(CharSequence content, Throwable error) { info(content); }
    @Override public void info(Throwable error) { info(error.toString()); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { lines.add("[warn] " + content); }
    @Override public void warn(CharSequence content, Throwable error) { warn(content); }
    @Override public void warn(Throwable error) { warn(error.toString()); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { lines.add("[error] " + content); }
    @Override public void error(CharSequence content, Throwable error) { error(content); }
    @Override public void error(Throwable error) { error(error.toString()); }
  }
}
