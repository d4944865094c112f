package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Builds a {@link Node} tree from a Jackson token stream, stamping every node with its source
 * range and JSON pointer. The same reader serves JSON and YAML. YAML is read as events only, so
 * no tag ever constructs an object; an alias stands for its anchored node, and aliases are
 * counted (with the aliases inside aliased content) against {@link Limits#maxAliases()}.
 */
public final class TreeReader {

  private static final Map<Limits, JsonFactory> JSON_FACTORIES = new ConcurrentHashMap<>();
  private static final Map<Limits, YAMLFactory> YAML_FACTORIES = new ConcurrentHashMap<>();

  private final TokenStreamFactory factory;
  private final String file;
  private final int maxAliases;
  private final boolean yamlProblemMarks;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private int aliases;
  private StringSink strings = (pointer, start) -> { };
  private String text = "";
  private int[] lineStarts;

  /** A node with a YAML anchor, and how many aliases its content used. */
  private record Anchored(Node node, int aliases) {
  }

  private TreeReader(TokenStreamFactory factory, String file, int maxAliases, boolean yamlProblemMarks) {
    this.factory = factory;
    this.file = file;
    this.maxAliases = maxAliases;
    this.yamlProblemMarks = yamlProblemMarks;
  }

  private TreeReader(TokenStreamFactory factory, String file) {
    this(factory, file, Limits.defaults().maxAliases(), false);
  }

  /**
   * A JSON factory with the given limits; comments are read (and reported by the loaders). One
   * factory per limits serves every file (factories are thread-safe and share their name tables).
   */
  public static JsonFactory jsonFactory(Limits limits) {
    return JSON_FACTORIES.computeIfAbsent(limits, TreeReader::newJsonFactory);
  }

  private static JsonFactory newJsonFactory(Limits limits) {
    return JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .streamReadConstraints(constraints(limits))
        .build();
  }

  /**
   * A YAML factory with the given limits: the size limit also bounds the YAML reader's own
   * code-point limit, and duplicate keys are kept (and reported where they matter) rather than
   * failing the parse. One factory per limits serves every file.
   */
  public static YAMLFactory yamlFactory(Limits limits) {
    return YAML_FACTORIES.computeIfAbsent(limits, TreeReader::newYamlFactory);
  }

  private static YAMLFactory newYamlFactory(Limits limits) {
    LoadSettings settings = LoadSettings.builder()
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
        .build();
    return YAMLFactory.builder()
        .loadSettings(settings)
        .streamReadConstraints(constraints(limits))
        .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /**
   * Parses one YAML document from {@code text}, resolving at most {@code limits.maxAliases()}
   * aliases; a syntax error is reported where the YAML reader found the problem.
   */
  public static Node readYaml(String text, String file, Limits limits) {
    return new TreeReader(yamlFactory(limits), file, limits.maxAliases(), true).read(text, "");
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
    this.text = text;
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
      Optional<MarkedYamlEngineException> yaml = yamlProblemMarks ? yamlCause(e) : Optional.empty();
      if (yaml.isPresent() && yaml.get().getProblemMark().isPresent()) {
        Mark mark = yaml.get().getProblemMark().get();
        throw new InputException(Location.at(file, mark.getLine() + 1, mark.getColumn() + 1, basePointer),
            yamlMessage(yaml.get()));
      }
      throw new InputException(location(e.getLocation(), basePointer), message(e));
    }
  }

  private static Optional<MarkedYamlEngineException> yamlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYamlEngineException m) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static String yamlMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "cannot parse" : e.getProblem().strip();
    String context = e.getContext() == null ? "" : e.getContext().strip();
    return "invalid YAML: " + (context.isEmpty() ? problem : context + ": " + problem);
  }

  /** Told where each string value starts, for callers that map positions inside strings. */
  @FunctionalInterface
  public interface StringSink {
    void string(String pointer, TokenStreamLocation start);
  }

  /**
   * The value at the current token of a JSON parser the caller is reading (it goes on after the
   * value), as a node tree; {@code strings} hears of every string value read.
   */
  public static Node readCurrent(JsonParser p, String file, String pointer, StringSink strings) {
    TreeReader reader = new TreeReader(null, file);
    reader.strings = strings;
    return reader.plainValue(p, pointer);
  }

  private Node value(JsonParser p, String pointer) {
    if (p instanceof YAMLParser yaml) {
      if (yaml.isCurrentAlias()) {
        return alias(yaml, pointer);
      }
      Optional<String> anchor = Optional.ofNullable(yaml.getObjectId()).map(Object::toString)
          .or(() -> p.currentToken().isScalarValue() ? scalarAnchor(p.currentTokenLocation()) : Optional.empty());
      if (anchor.isPresent()) {
        int before = aliases;
        Node node = plainValue(p, pointer);
        anchors.put(anchor.get(), new Anchored(node, aliases - before));
        return node;
      }
    }
    return plainValue(p, pointer);
  }

  /**
   * The anchor of a scalar: Jackson reports anchors of mappings and sequences only, so read
   * {@code &name} (before or after a tag) where the scalar starts.
   */
  private Optional<String> scalarAnchor(TokenStreamLocation start) {
    int line = start.getLineNr();
    if (lineStarts == null) {
      lineStarts = SourceText.lineStarts(text);
    }
    if (line < 1 || line > lineStarts.length || start.getColumnNr() < 1) {
      return Optional.empty();
    }
    int i = lineStarts[line - 1] + start.getColumnNr() - 1;
    for (int property = 0; property < 2 && i < text.length(); property++) {
      char c = text.charAt(i);
      if (c == '&') {
        int end = i + 1;
        while (end < text.length() && !endsYamlName(text.charAt(end))) {
          end++;
        }
        return Optional.of(text.substring(i + 1, end));
      }
      if (c != '!') {
        break;
      }
      while (i < text.length() && !endsYamlName(text.charAt(i))) {
        i++;
      }
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
    }
    return Optional.empty();
  }

  private static boolean endsYamlName(char c) {
    return Character.isWhitespace(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  /** The node an alias stands for; positions stay those of the anchored text. */
  private Node alias(YAMLParser p, String pointer) {
    String name = p.getString();
    Anchored target = anchors.get(name);
    Location at = location(p.currentTokenLocation(), pointer);
    if (target == null) {
      throw new InputException(at, "YAML alias *" + name + " refers to no anchor &" + name + " before it");
    }
    aliases += 1 + target.aliases();
    if (aliases > maxAliases) {
      throw new InputException(at, "more than " + maxAliases
          + " YAML aliases (counting the aliases inside aliased content); the limit keeps alias bombs out");
    }
    return target.node();
  }

  private Node plainValue(JsonParser p, String pointer) {
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
        strings.string(pointer, start);
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
    msg = msg.replaceAll(",\\s*from `?StreamReadConstraints\\.[A-Za-z]+\\(\\)`?\\)", ")");
    msg = msg.replaceAll(",? ?\\(?from `?StreamReadConstraints\\.[A-Za-z]+\\(\\)`?\\)?", "");
    msg = msg.replaceAll("`StreamReadConstraints\\.[A-Za-z]+\\(\\)`", "the limit");
    return msg.strip();
  }
}
