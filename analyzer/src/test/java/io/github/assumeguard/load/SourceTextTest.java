package io.github.assumeguard.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void lineStartsCountLineBreaksAsJacksonDoes() {
    assertThat(SourceText.lineStarts("")).containsExactly(0);
    assertThat(SourceText.lineStarts("a\nbc\n")).containsExactly(0, 2, 5);
    assertThat(SourceText.lineStarts("a\r\nbc\r\n")).containsExactly(0, 3, 7);
    assertThat(SourceText.lineStarts("a\rb\r\nc\nd\r")).containsExactly(0, 2, 5, 7, 9);
  }

  @Test
  void lineStartsGrowPastTheFirstBuffer() {
    int[] starts = SourceText.lineStarts("x\n".repeat(1000));
    assertThat(starts).hasSize(1001);
    assertThat(starts[1000]).isEqualTo(2000);
  }

  @Test
  void asciiAndUtf8TextDecode() {
    assertThat(decode("{\"a\": 1}".getBytes(StandardCharsets.US_ASCII))).isEqualTo("{\"a\": 1}");
    assertThat(decode("{\"Sid\": \"Zugriff für Prüfer\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("{\"Sid\": \"Zugriff für Prüfer\"}");
    // a replacement character written in the file is text like any other
    assertThat(decode("\"\uFFFD\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("\"\uFFFD\"");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    assertThat(decode(bom)).isEqualTo("{}");
  }

  @Test
  void malformedUtf8IsAnErrorAtItsPosition() {
    byte[] bytes = "{\n  \"Sid\": \"caf\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> decode(bytes))
        .isInstanceOfSatisfying(InputException.class, e -> {
          assertThat(e.location().line()).isEqualTo(2);
          assertThat(e.location().column()).isEqualTo(14);
          assertThat(e.getMessage()).isEqualTo("not valid UTF-8 text (save the file as UTF-8)");
        });
  }

  @Test
  void aNulByteIsBinaryContent() {
    byte[] bytes = {'{', '\n', ' ', 0, '}'};
    assertThatThrownBy(() -> decode(bytes))
        .isInstanceOfSatisfying(InputException.class, e -> {
          assertThat(e.location().line()).isEqualTo(2);
          assertThat(e.location().column()).isEqualTo(2);
          assertThat(e.getMessage()).startsWith("binary content");
        });
  }

  private static String decode(byte[] bytes) {
    return SourceText.decode(bytes, "f.json");
  }
}
