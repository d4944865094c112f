package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Builds a {@link Node} tree from a Jackson token stream, stamping every node with its source
 * range and JSON pointer. The same reader serves JSON and YAML.
 */
public final class TreeReader {

  private final TokenStreamFactory factory;
  private final String file;

  private TreeReader(TokenStreamFactory factory, String file) {
    this.factory = factory;
    this.file = file;
  }

  /** A JSON factory with the given limits; comments are read (and reported by the loaders). */
  public static JsonFactory jsonFactory(Limits limits) {
    return JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .streamReadConstraints(constraints(limits))
        .build();
  }

  static StreamReadConstraints constraints(Limits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNumberLength(limits.maxNumberLength())
        .maxDocumentLength(limits.maxFileBytes())
        .build();
  }

  /** Parses one JSON document from {@code text}. */
  public static Node readJson(String text, String file, Limits limits) {
    return new TreeReader(jsonFactory(limits), file).read(text, "");
  }

  /** Parses with {@code factory} (JSON or YAML), pointers starting at {@code basePointer}. */
  public static Node read(TokenStreamFactory factory, String text, String file, String basePointer) {
    return new TreeReader(factory, file).read(text, basePointer);
  }

  /** Like {@link #read(TokenStreamFactory, String, String, String)}, empty for a document without content. */
  public static Optional<Node> readOptional(TokenStreamFactory factory, String text, String file) {
    return new TreeReader(factory, file).parse(text, "");
  }

  private Node read(String text, String basePointer) {
    return parse(text, basePointer).orElseThrow(
        () -> new InputException(Location.ofFile(file), "empty file: expected a JSON or YAML document"));
  }

  private Optional<Node> parse(String text, String basePointer) {
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      Node root = value(parser, basePointer);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw new InputException(location(parser.currentTokenLocation(), basePointer),
            "unexpected content after the end of the document");
      }
      return Optional.of(root);
    } catch (JacksonException e) {
      throw new InputException(location(e.getLocation(), basePointer), message(e));
    }
  }

  private Node value(JsonParser p, String pointer) {
    TokenStreamLocation start = p.currentTokenLocation();
    Optional<String> tag = typeId(p);
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT: {
        List<ObjectNode.Member> members = new ArrayList<>();
        List<ObjectNode.Member> duplicates = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          TokenStreamLocation keyStart = p.currentTokenLocation();
          TokenStreamLocation keyEnd = p.currentLocation();
          String childPointer = pointer + "/" + escape(key);
          p.nextToken();
          Node child = value(p, childPointer);
          ObjectNode.Member member = new ObjectNode.Member(key, range(keyStart, keyEnd, childPointer), child);
          Integer earlier = seen.put(key, members.size());
          if (earlier != null) {
            duplicates.add(members.get(earlier));
            members.set(earlier, member);
            seen.put(key, earlier);
          } else {
            members.add(member);
          }
        }
        return new ObjectNode(range(start, p.currentLocation(), pointer), members, duplicates, tag);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, pointer + "/" + index++));
        }
        return new ArrayNode(range(start, p.currentLocation(), pointer), items, tag);
      }
      case VALUE_STRING: {
        // read the value first: Jackson reads a string lazily, and its end is known only then
        String value = p.getString();
        return new ScalarNode(range(start, p.currentLocation(), pointer), ScalarNode.Type.STRING, value, tag);
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: {
        String value = p.getString();
        return new ScalarNode(range(start, p.currentLocation(), pointer), ScalarNode.Type.NUMBER, value, tag);
      }
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new ScalarNode(range(start, p.currentLocation(), pointer), ScalarNode.Type.BOOLEAN,
            token == JsonToken.VALUE_TRUE ? "true" : "false", tag);
      case VALUE_NULL:
        return new ScalarNode(range(start, p.currentLocation(), pointer), ScalarNode.Type.NULL, "null", tag);
      default:
        throw new InputException(location(start, pointer), "unsupported value " + token);
    }
  }

  private static Optional<String> typeId(JsonParser p) {
    Object id = p.getTypeId();
    return id == null ? Optional.empty() : Optional.of(id.toString());
  }

  private Location range(TokenStreamLocation start, TokenStreamLocation end, String pointer) {
    int line = start.getLineNr();
    int column = start.getColumnNr();
    int endLine = end.getLineNr();
    int endColumn = end.getColumnNr();
    return new Location(file, line, column, endLine, endColumn, pointer);
  }

  private Location location(TokenStreamLocation at, String pointer) {
    if (at == null || at.getLineNr() < 1) {
      return Location.ofFile(file);
    }
    return Location.at(file, at.getLineNr(), Math.max(1, at.getColumnNr()), pointer);
  }

  /** Escapes a key for a JSON pointer (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Jackson's message without its source excerpt and location suffix. */
  public static String message(JacksonException e) {
    String msg = e.getOriginalMessage();
    if (msg == null) {
      return "cannot parse";
    }
    int nl = msg.indexOf('\n');
    if (nl >= 0) {
      msg = msg.substring(0, nl);
    }
    // Jackson names the unclosed container with a source description we do not enable: drop it
    msg = msg.replaceAll("\\s*\\((start marker|for [A-Za-z]+ starting) at \\[Source: [^\\]]*\\]\\)", "");
    msg = msg.replaceAll("\\s*at \\[Source: [^\\]]*\\]", "");
    // limits: keep the figures, drop the Java API name behind them
    msg = msg.replaceAll(",? ?\\(?from `?StreamReadConstraints\\.[A-Za-z]+\\(\\)`?\\)?", "");
    msg = msg.replaceAll("`StreamReadConstraints\\.[A-Za-z]+\\(\\)`", "the limit");
    return msg.strip();
  }
}
