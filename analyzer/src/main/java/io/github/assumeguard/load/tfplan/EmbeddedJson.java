package io.github.assumeguard.load.tfplan;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.JsonComments;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.Relocate;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.SourceText;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.TokenStreamFactory;

/**
 * A JSON document held in a string of the plan ({@code assume_role_policy}, {@code policy},
 * {@code json}), parsed with positions that point into the plan itself.
 *
 * <p>The plan writes the document escaped ({@code \"} for a quote, {@code \n} for a line break),
 * always on the one line of the string. An element at offset {@code k} of the document therefore
 * sits on the string's line, at the string's column plus one (the quote) plus the length of the
 * escaped text before it. That escaped text is read from the plan itself, so {@code \u0041} and
 * other escapes move the columns exactly as the file does.
 */
final class EmbeddedJson {

  /** What a string held: a document, or why it is none. */
  sealed interface Result permits Parsed, Broken {
  }

  /** The parsed document, with the positions of any JSON comments in it. */
  record Parsed(Node node, List<Location> comments) implements Result {
  }

  /** Why the string is not a JSON document, and where. */
  record Broken(Location at, String message) implements Result {
  }

  /**
   * Strings longer than this are placed on the string's own location: IAM policies stop at a few
   * kilobytes, and the offset table costs four bytes a character.
   */
  static final int MAX_MAPPED_CHARS = 1 << 20;

  private final String file;
  private final ScalarNode host;
  /** For each character of the unescaped content (and its end), its offset in the raw escaped text. */
  private final int[] rawOffset;
  /** Start offsets of the lines of the unescaped content, as Jackson counts lines. */
  private final int[] lineStarts;

  private EmbeddedJson(String file, ScalarNode host, int[] rawOffset, int[] lineStarts) {
    this.file = file;
    this.host = host;
    this.rawOffset = rawOffset;
    this.lineStarts = lineStarts;
  }

  /**
   * Parses the string {@code host}, whose opening quote is at character {@code quoteOffset} of
   * {@code planText} (negative when unknown: positions then fall back to the string's own).
   */
  static Result parse(String planText, long quoteOffset, ScalarNode host, TokenStreamFactory factory) {
    String json = host.text();
    String file = host.location().file();
    Optional<EmbeddedJson> map = mapping(planText, quoteOffset, host);
    if (json.isBlank()) {
      return new Broken(host.location(), "the policy is an empty string");
    }
    Node inner;
    try {
      inner = TreeReader.read(factory, json, file, "");
    } catch (InputException e) {
      Location at = map.map(m -> m.point(e.location())).orElse(host.location());
      return new Broken(at.withPointer(host.pointer()), "the policy string is not valid JSON: " + e.getMessage());
    }
    List<Location> comments = JsonComments.find(json, file);
    if (map.isEmpty()) {
      return new Parsed(Relocate.onto(inner, host.location()), comments.stream().map(c -> host.location()).toList());
    }
    EmbeddedJson m = map.get();
    return new Parsed(m.remap(inner), comments.stream().map(c -> m.range(c, host.pointer())).toList());
  }

  /** The offset mapping, when the raw string in the plan matches the value Jackson read. */
  private static Optional<EmbeddedJson> mapping(String planText, long quoteOffset, ScalarNode host) {
    if (host.text().length() > MAX_MAPPED_CHARS || quoteOffset < 0 || quoteOffset >= planText.length() || planText.charAt((int) quoteOffset) != '"') {
      return Optional.empty();
    }
    String value = host.text();
    int[] raw = new int[value.length() + 1];
    int start = (int) quoteOffset + 1;
    int i = start;
    int k = 0;
    while (i < planText.length() && planText.charAt(i) != '"') {
      if (k >= value.length()) {
        return Optional.empty();
      }
      raw[k++] = i - start;
      i += planText.charAt(i) == '\\' ? (i + 1 < planText.length() && planText.charAt(i + 1) == 'u' ? 6 : 2) : 1;
    }
    if (k != value.length() || i >= planText.length()) {
      return Optional.empty();
    }
    raw[k] = i - start;
    return Optional.of(new EmbeddedJson(host.location().file(), host, raw, SourceText.lineStarts(value)));
  }


  /** The plan column of a (line, column) position of the unescaped content. */
  private int column(int line, int column) {
    int l = Math.min(Math.max(line, 1), lineStarts.length) - 1;
    int offset = Math.min(Math.max(lineStarts[l] + column - 1, 0), rawOffset.length - 1);
    return host.location().column() + 1 + rawOffset[offset];
  }

  private Location point(Location inner) {
    return Location.at(file, host.location().line(), column(inner.line(), inner.column()), host.pointer());
  }

  private Location range(Location inner, String hostPointer) {
    return new Location(file, host.location().line(), column(inner.line(), inner.column()),
        host.location().line(), column(inner.endLine(), inner.endColumn()), hostPointer + inner.pointer());
  }

  private Node remap(Node node) {
    String base = host.pointer();
    if (node instanceof ObjectNode obj) {
      return new ObjectNode(range(obj.location(), base), members(obj.members()), members(obj.duplicates()), obj.tag());
    }
    if (node instanceof ArrayNode arr) {
      return new ArrayNode(range(arr.location(), base), arr.items().stream().map(this::remap).toList(), arr.tag());
    }
    ScalarNode s = (ScalarNode) node;
    return new ScalarNode(range(s.location(), base), s.type(), s.text(), s.tag());
  }

  private List<ObjectNode.Member> members(List<ObjectNode.Member> members) {
    return members.stream()
        .map(m -> new ObjectNode.Member(m.key(), range(m.keyLocation(), host.pointer()), remap(m.value()))).toList();
  }
}
