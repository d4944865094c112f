package io.github.assumeguard.engine;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.JsonNodes;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.Schemas;
import io.github.assumeguard.load.SourceText;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Finds and reads {@code .assumeguard.yml}: validated against its JSON Schema, with every error
 * at file:line:col.
 */
public final class ConfigLoader {

  /** The file name looked for in the working directory and above. */
  public static final String FILE_NAME = ".assumeguard.yml";

  /** The config schema, loaded when a config file is first read (most scans of one file have none). */
  private static final class Grammar {
    static final Schema SCHEMA = Schemas.load("/io/github/assumeguard/engine/config.schema.json");
  }

  private ConfigLoader() {
  }

  /** Thrown for an invalid config: every problem found, each with its location. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputError> errors;

    public ConfigException(List<InputError> errors) {
      super(errors.isEmpty() ? "invalid config" : errors.get(0).message());
      this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
      return errors;
    }
  }

  /** The nearest {@code .assumeguard.yml} in {@code start} or a parent directory. */
  public static Optional<Path> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    while (dir != null) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** Reads the config at {@code path}, shown as {@code display}. */
  public static Config load(Path path, String display) {
    String text;
    try {
      text = SourceText.read(path, display, Limits.defaults());
    } catch (InputException e) {
      throw new ConfigException(List.of(new InputError(e.location(), e.getMessage())));
    }
    return parse(text, display);
  }

  /** Parses config text. */
  public static Config parse(String text, String display) {
    if (text.isBlank()) {
      return withSource(Config.defaults(), display);
    }
    Node root;
    try {
      YAMLFactory yaml = YAMLFactory.builder().build();
      Optional<Node> parsed = TreeReader.readOptional(yaml, text, display);
      if (parsed.isEmpty()) {
        return withSource(Config.defaults(), display);
      }
      root = parsed.get();
    } catch (InputException e) {
      throw new ConfigException(List.of(new InputError(e.location(), "invalid YAML: " + e.getMessage())));
    }
    List<InputError> errors = new ArrayList<>();
    for (Error e : Grammar.SCHEMA.validate(JsonNodes.toJackson(root))) {
      errors.add(error(root, e));
    }
    if (errors.isEmpty()) {
      errors.addAll(globErrors((ObjectNode) root));
    }
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> a.location().compareTo(b.location()));
      throw new ConfigException(errors);
    }
    ObjectNode obj = (ObjectNode) root;
    Map<String, Config.RuleSetting> rules = new LinkedHashMap<>();
    obj.object("rules").ifPresent(r -> r.members().forEach(m -> {
      ObjectNode s = (ObjectNode) m.value();
      rules.put(m.key(), new Config.RuleSetting(
          s.get("enabled").map(n -> Boolean.parseBoolean(((ScalarNode) n).text())),
          s.string("level").flatMap(Level::parse), m.keyLocation()));
    }));
    Config d = Config.defaults();
    long maxSession = obj.get("maxSessionDuration").map(n -> Long.parseLong(((ScalarNode) n).text()))
        .orElse(d.maxSessionDuration());
    Set<String> exempt = obj.has("exemptServices") ? strings(obj.get("exemptServices")) : d.exemptServices();
    List<Config.Suppression> suppress = new ArrayList<>();
    obj.get("suppress").filter(ArrayNode.class::isInstance).ifPresent(a -> ((ArrayNode) a).items().forEach(i -> {
      ObjectNode s = (ObjectNode) i;
      suppress.add(new Config.Suppression(s.string("rule").orElse("*"), s.string("path"), s.string("resource"),
          s.string("reason").orElse("").strip()));
    }));
    return new Config(Optional.of(display), rules, strings(obj.get("trustedAccounts")),
        strings(obj.get("ownAccounts")), maxSession, exempt, list(obj.get("exclude")), suppress);
  }

  /** The {@code exclude} and {@code suppress[].path} values that are not valid globs, where they are. */
  private static List<InputError> globErrors(ObjectNode root) {
    List<ScalarNode> globs = new ArrayList<>();
    root.get("exclude").filter(ArrayNode.class::isInstance)
        .ifPresent(a -> ((ArrayNode) a).items().forEach(i -> globs.add((ScalarNode) i)));
    root.get("suppress").filter(ArrayNode.class::isInstance).ifPresent(a -> ((ArrayNode) a).items()
        .forEach(i -> ((ObjectNode) i).get("path").ifPresent(p -> globs.add((ScalarNode) p))));
    List<InputError> errors = new ArrayList<>();
    for (ScalarNode glob : globs) {
      try {
        Glob.of(glob.text());
      } catch (PatternSyntaxException e) {
        errors.add(new InputError(glob.location(), "\"" + glob.text() + "\" is not a valid glob: "
            + e.getDescription()));
      }
    }
    return errors;
  }

  private static Config withSource(Config c, String display) {
    return new Config(Optional.of(display), c.rules(), c.trustedAccounts(), c.ownAccounts(), c.maxSessionDuration(),
        c.exemptServices(), c.exclude(), c.suppress());
  }

  private static Set<String> strings(Optional<Node> node) {
    Set<String> out = new TreeSet<>();
    if (node.isPresent() && node.get() instanceof ArrayNode arr) {
      arr.items().forEach(n -> out.add(((ScalarNode) n).text()));
    }
    return out;
  }

  private static List<String> list(Optional<Node> node) {
    List<String> out = new ArrayList<>();
    if (node.isPresent() && node.get() instanceof ArrayNode arr) {
      arr.items().forEach(n -> out.add(((ScalarNode) n).text()));
    }
    return out;
  }

  private static InputError error(Node root, Error e) {
    List<String> path = new ArrayList<>();
    for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
      path.add(String.valueOf(e.getInstanceLocation().getElement(i)));
    }
    Node node = resolve(root, path).orElse(root);
    Location at = node.location();
    String where = path.isEmpty() ? "config" : String.join(".", path);
    String keyword = e.getKeyword();
    if ("additionalProperties".equals(keyword) && e.getProperty() != null && node instanceof ObjectNode obj) {
      at = obj.member(e.getProperty()).map(ObjectNode.Member::keyLocation).orElse(at);
      return new InputError(at, "unknown key \"" + e.getProperty() + "\" in " + where);
    }
    boolean inAnyOf = String.valueOf(e.getSchemaLocation()).contains("anyOf") || "anyOf".equals(keyword);
    if (inAnyOf && path.size() >= 2 && "suppress".equals(path.get(0))) {
      return new InputError(at, where + " needs \"path\" or \"resource\" to say what it suppresses");
    }
    if ("required".equals(keyword) && e.getProperty() != null) {
      String hint = "reason".equals(e.getProperty()) ? " (every suppression needs a reason)" : "";
      return new InputError(at, where + " needs \"" + e.getProperty() + "\"" + hint);
    }
    if ("pattern".equals(keyword) && path.size() >= 1 && path.get(0).endsWith("Accounts")) {
      return new InputError(at, where + " must be a 12-digit account id");
    }
    if ("pattern".equals(keyword) && path.size() >= 1 && "suppress".equals(path.get(0)) && path.get(path.size() - 1).equals("reason")) {
      return new InputError(at, where + " must not be blank");
    }
    if (path.size() == 3 && "rules".equals(path.get(0)) && "level".equals(path.get(2))) {
      return new InputError(at, where + " must be error, warning or note");
    }
    if ("propertyNames".equals(keyword) || ("pattern".equals(keyword) && path.size() == 2 && "rules".equals(path.get(0)))) {
      return new InputError(at, "rules: rule ids look like AG101");
    }
    String msg = e.getMessage();
    int colon = msg.indexOf(": ");
    return new InputError(at, where + ": " + (colon >= 0 ? msg.substring(colon + 2) : msg));
  }

  private static Optional<Node> resolve(Node root, List<String> path) {
    Node current = root;
    for (String s : path) {
      if (current instanceof ObjectNode o) {
        Optional<Node> next = o.get(s);
        if (next.isEmpty()) {
          return Optional.of(current);
        }
        current = next.get();
      } else if (current instanceof ArrayNode a && s.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(s);
        if (i >= a.items().size()) {
          return Optional.of(current);
        }
        current = a.items().get(i);
      } else {
        return Optional.of(current);
      }
    }
    return Optional.of(current);
  }
}
