package io.github.assumeguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.load.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs built to hurt: each gives one clear located error and leaves the other files analysed. */
class HostileInputTest {

  @TempDir
  Path dir;

  private static final String GOOD = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}
      """;

  private Report scan(Limits limits) {
    return new Analyzer(List.of(new AnalyzerTest.StarRule()), Config.defaults(), limits).scan(List.of(dir));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String only(Report r) {
    assertThat(r.errors()).hasSize(1);
    InputError e = r.errors().get(0);
    return e.location().line() + ":" + e.location().column() + " " + e.message();
  }

  @Test
  void fileSizeLimit() throws IOException {
    write("big.json", GOOD + " ".repeat(5000));
    write("ok.json", GOOD);
    Report r = scan(new Limits(1000, 500, 1000, 100, 50));
    assertThat(only(r)).isEqualTo("1:1 file is 5108 bytes, over the limit of 1000 bytes");
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void nestingDepthLimit() throws IOException {
    write("deep.json", "{\"Statement\": " + "[".repeat(100) + "]".repeat(100) + "}");
    write("ok.json", GOOD);
    Report r = scan(new Limits(Limits.DEFAULT_MAX_FILE_BYTES, 50, 1000, 100, 50));
    assertThat(only(r)).startsWith("1:").contains("depth").contains("exceeds the maximum allowed (50");
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void stringLengthLimit() throws IOException {
    write("long.json", "{\"Statement\": \"" + "x".repeat(5000) + "\"}");
    Report r = scan(new Limits(Limits.DEFAULT_MAX_FILE_BYTES, 500, 1000, 100, 50));
    assertThat(only(r)).contains("String value length").doesNotContain("StreamReadConstraints");
  }

  @Test
  void fiveThousandDigitSessionDuration() throws IOException {
    write("role.json", "{\"Role\": {\"RoleName\": \"r\", \"MaxSessionDuration\": " + "9".repeat(5000)
        + ", \"AssumeRolePolicyDocument\": " + GOOD.strip() + "}}");
    Report r = scan(Limits.defaults());
    assertThat(only(r)).startsWith("1:").contains("Number value length").doesNotContain("StreamReadConstraints");
  }

  @Test
  void binaryFileWithAJsonName() throws IOException {
    Files.write(dir.resolve("blob.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    write("ok.json", GOOD);
    Report r = scan(Limits.defaults());
    assertThat(only(r)).isEqualTo("1:4 binary content (a NUL byte), not a JSON or YAML text file");
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void latin1FileIsNotUtf8() throws IOException {
    Files.write(dir.resolve("latin1.json"), "{\"Sid\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(only(scan(Limits.defaults()))).isEqualTo("1:13 not valid UTF-8 text (save the file as UTF-8)");
  }

  @Test
  void utf16WithBomIsRead() throws IOException {
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] body = GOOD.getBytes(StandardCharsets.UTF_16LE);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 2);
    System.arraycopy(body, 0, all, 2, body.length);
    Files.write(dir.resolve("utf16.json"), all);
    Report r = scan(Limits.defaults());
    assertThat(r.errors()).isEmpty();
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void emptyFile() throws IOException {
    write("empty.json", "");
    assertThat(only(scan(Limits.defaults()))).isEqualTo("1:1 empty file: expected a JSON or YAML document");
  }

  @Test
  void symlinkLoopsEndAndEachFileIsReadOnce() throws IOException {
    write("ok.json", GOOD);
    Files.createDirectories(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("sub/loop"), dir);
    Files.createSymbolicLink(dir.resolve("sub/dangling.json"), dir.resolve("missing.json"));
    Report r = scan(Limits.defaults());
    assertThat(r.findings()).hasSize(1);
    assertThat(r.errors()).isEmpty();
  }
}
