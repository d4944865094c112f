package io.github.assumeguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static Config parse(String yaml) {
    return ConfigLoader.parse(yaml, ".assumeguard.yml");
  }

  private static String firstError(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigLoader.ConfigException e) {
      InputError err = e.errors().get(0);
      return err.location().line() + ":" + err.location().column() + " " + err.message();
    }
    throw new AssertionError("expected a config error");
  }

  @Test
  void rulesSwitchAndLevel() {
    Config c = parse("""
        rules:
          AG105: {enabled: false}
          AG103:
            level: error
        """);
    RuleMeta ag103 = RuleMeta.builder("AG103", "x").level(Level.WARNING).title("t").build();
    assertThat(c.enabled("AG105")).isFalse();
    assertThat(c.enabled("AG101")).isTrue();
    assertThat(c.level(ag103)).isEqualTo(Level.ERROR);
  }

  @Test
  void accountsDurationAndServices() {
    Config c = parse("""
        trustedAccounts: ["111122223333", 444455556666]
        ownAccounts: ["777788889999"]
        maxSessionDuration: 7200
        exemptServices: [ec2, glue]
        """);
    assertThat(c.trustedAccounts()).containsExactlyInAnyOrder("111122223333", "444455556666");
    assertThat(c.ownAccounts()).containsExactly("777788889999");
    assertThat(c.maxSessionDuration()).isEqualTo(7200);
    assertThat(c.ruleContext().isExemptService("glue.amazonaws.com")).isTrue();
    assertThat(c.ruleContext().isExemptService("lambda")).isFalse();
  }

  @Test
  void defaultsWhenKeysAreAbsent() {
    Config c = parse("# nothing set\n");
    assertThat(c.maxSessionDuration()).isEqualTo(3600);
    assertThat(c.ruleContext().isExemptService("lambda.amazonaws.com")).isTrue();
    assertThat(c.exclude()).isEmpty();
  }

  @Test
  void excludeAndSuppress() {
    Config c = parse("""
        exclude: ["vendor/**", "**/fixtures/**"]
        suppress:
          - rule: AG105
            path: "accounts/*.json"
            reason: "account roots are reviewed quarterly"
          - rule: AG501
            resource: CloudTrailRole
            reason: accepted risk, ticket SEC-12
        """);
    assertThat(c.exclude()).containsExactly("vendor/**", "**/fixtures/**");
    assertThat(c.suppress()).hasSize(2);
    assertThat(c.suppress().get(1).resource()).contains("CloudTrailRole");
    assertThat(c.suppress().get(0).reason()).isEqualTo("account roots are reviewed quarterly");
  }

  @Test
  void errorsNameTheLineAndColumn() {
    assertThat(firstError("maxSessionDuration: 99999\n")).startsWith("1:21 maxSessionDuration");
    assertThat(firstError("trustedAccounts:\n  - \"12345\"\n")).isEqualTo("2:5 trustedAccounts.0 must be a 12-digit account id");
    assertThat(firstError("rules:\n  AG101: {enabled: maybe}\n")).startsWith("2:20 rules.AG101.enabled");
    assertThat(firstError("exclude: [\"vendor/**\", \"a[\"]\n")).startsWith("1:24 \"a[\" is not a valid glob: ");
    assertThat(firstError("suppress:\n  - {rule: AG101, path: \"x/{a\", reason: why}\n"))
        .startsWith("2:25 \"x/{a\" is not a valid glob: ");
    assertThat(firstError("rules:\n  AG101: {level: fatal}\n")).isEqualTo("2:18 rules.AG101.level must be error, warning or note");
    assertThat(firstError("rules:\n  AG101: {level: 3}\n")).isEqualTo("2:18 rules.AG101.level must be error, warning or note");
    assertThat(firstError("suppress:\n  - rule: AG101\n    path: a.json\n")).isEqualTo(
        "2:5 suppress.0 needs \"reason\" (every suppression needs a reason)");
    assertThat(firstError("suppress:\n  - {rule: AG101, path: a.json, reason: \"  \"}\n"))
        .isEqualTo("2:41 suppress.0.reason must not be blank");
    assertThat(firstError("suppress:\n  - {rule: AG101, reason: why}\n"))
        .isEqualTo("2:5 suppress.0 needs \"path\" or \"resource\" to say what it suppresses");
    assertThat(firstError("trustedAcounts: []\n")).isEqualTo("1:1 unknown key \"trustedAcounts\" in config");
    assertThat(firstError("rules: [\n")).startsWith("1:9 invalid YAML");
  }

  @Test
  void foundInTheWorkingDirectoryOrAbove(@TempDir Path dir) throws IOException {
    Path nested = Files.createDirectories(dir.resolve("a/b"));
    assertThat(ConfigLoader.find(nested)).isEmpty();
    Files.writeString(dir.resolve(ConfigLoader.FILE_NAME), "maxSessionDuration: 7200\n");
    assertThat(ConfigLoader.find(nested)).contains(dir.resolve(ConfigLoader.FILE_NAME).toAbsolutePath());
    assertThat(ConfigLoader.load(dir.resolve(ConfigLoader.FILE_NAME), "x").maxSessionDuration()).isEqualTo(7200);
  }

  @Test
  void unreadableConfigIsAConfigError(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yml"), "missing.yml"))
        .isInstanceOf(ConfigLoader.ConfigException.class);
  }
}
