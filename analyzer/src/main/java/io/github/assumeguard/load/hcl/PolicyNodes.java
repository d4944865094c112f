package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.JsonComments;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.PolicyReader;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.SourceText;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Problem;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the policy node tree of one document from Terraform values (a {@code jsonencode}
 * object, JSON in a heredoc, string or file, a policy document data source), so the shared
 * {@link PolicyReader} reads it like any policy. Values that are unknown become placeholders the
 * grammar accepts; after reading, their texts are turned into unknown {@link Text}s and the grammar
 * problems they caused are dropped, so no rule judges what the tool cannot know.
 */
final class PolicyNodes {

  private static final Pattern CONDITION = Pattern.compile(".*/Condition");
  private static final Pattern OPERATOR = Pattern.compile(".*/Condition/[^/]+");

  /** The outcome of reading a policy value. */
  sealed interface Doc {
  }

  /** A document to read; {@code comments} are JSON comments inside it (IAM rejects them). */
  record Parsed(Node node, List<Location> comments) implements Doc {
  }

  /** A value that is not a policy IAM accepts at all: empty, or not JSON. */
  record Invalid(Location location, String message) implements Doc {
  }

  /** A value not known before apply: nothing can be said about the document. */
  record Unknown() implements Doc {
  }

  private final Evaluator ev;
  private final Limits limits;
  private final Map<Location, String> unknownTexts = new HashMap<>();
  private final List<Location> regions = new ArrayList<>();
  private final List<Problem> extra = new ArrayList<>();
  /** Nodes a document may have: shared values can describe huge trees, so building them is bounded. */
  private int budget = 200_000;

  PolicyNodes(Evaluator ev, Limits limits) {
    this.ev = ev;
    this.limits = limits;
  }

  Evaluator evaluator() {
    return ev;
  }

  /** A problem found while building the tree (a misspelt argument of a policy document block). */
  void problem(Location at, String message) {
    extra.add(new Problem(at, message));
  }

  /** Reads a document and finishes it; empty when the document is unknown. */
  Optional<PolicyDocument> read(Doc doc, PolicyDocument.Kind kind, Optional<ResourceRef> owner, Location fallback) {
    if (doc instanceof Unknown) {
      return Optional.empty();
    }
    if (doc instanceof Invalid invalid) {
      return Optional.of(new PolicyDocument(kind, invalid.location(), Optional.empty(), List.of(),
          List.of(new Problem(invalid.location(), invalid.message())), owner));
    }
    Parsed parsed = (Parsed) doc;
    return Optional.of(finish(PolicyReader.read(parsed.node(), kind, owner, parsed.comments())));
  }

  // ---- values to nodes ----

  /** A policy given as a value: jsonencode(...), a JSON string, a data source document. */
  Doc document(Value v, String pointer, DataDocuments data) {
    if (v instanceof Value.Encoded e) {
      return new Parsed(node(e.value(), pointer, ""), List.of());
    }
    if (v instanceof Value.Obj) {
      return new Parsed(node(v, pointer, ""), List.of());
    }
    if (v instanceof Value.Str s) {
      return json(s, pointer);
    }
    if (v instanceof Value.Document d) {
      return data.build(d.block(), d.module(), this);
    }
    return new Unknown();
  }

  /** The node of a value at {@code path} (the path inside the policy decides the shape of an unknown). */
  Node node(Value v, String pointer, String path) {
    if (--budget < 0) {
      return unknownNode("(a value too large to analyse)", v.location().withPointer(pointer), path);
    }
    if (v instanceof Value.Str s) {
      Location at = s.location().withPointer(pointer);
      if (s.isKnown()) {
        return new ScalarNode(at, ScalarNode.Type.STRING, s.text(), Optional.empty());
      }
      return unknownNode(ev.display(s), at, path);
    }
    if (v instanceof Value.Num n) {
      return new ScalarNode(n.location().withPointer(pointer), ScalarNode.Type.NUMBER,
          n.value().stripTrailingZeros().toPlainString(), Optional.empty());
    }
    if (v instanceof Value.Bool b) {
      return new ScalarNode(b.location().withPointer(pointer), ScalarNode.Type.BOOLEAN, String.valueOf(b.value()),
          Optional.empty());
    }
    if (v instanceof Value.Null n) {
      return new ScalarNode(n.location().withPointer(pointer), ScalarNode.Type.NULL, "null", Optional.empty());
    }
    if (v instanceof Value.Tuple t) {
      List<Node> items = new ArrayList<>();
      int i = 0;
      for (Value item : t.items()) {
        items.add(node(item, pointer + "/" + i, path + "/" + i));
        i++;
      }
      return new ArrayNode(t.location().withPointer(pointer), items);
    }
    if (v instanceof Value.Obj o) {
      List<ObjectNode.Member> members = new ArrayList<>();
      for (Value.Member m : o.members().values()) {
        String shownKey = ev.display(m.key());
        String child = pointer + "/" + TreeReader.escape(shownKey);
        Location keyAt = m.keyLocation().withPointer(child);
        if (m.key().indexOf(Value.HOLE_START) >= 0) {
          unknown(keyAt, shownKey);
        }
        members.add(new ObjectNode.Member(shownKey, keyAt, node(m.value(), child, path + "/" + TreeReader.escape(shownKey))));
      }
      return new ObjectNode(o.location().withPointer(pointer), members, List.of());
    }
    if (v instanceof Value.Encoded e) {
      StringBuilder json = new StringBuilder();
      if (Value.isKnown(e.value()) && Values.json(e.value(), json)) {
        return new ScalarNode(e.location().withPointer(pointer), ScalarNode.Type.STRING, json.toString(), Optional.empty());
      }
      return unknownNode("jsonencode(...)", e.location().withPointer(pointer), path);
    }
    String shown = v instanceof Value.Unknown u ? u.display() : "(a policy document)";
    return unknownNode(shown, v.location().withPointer(pointer), path);
  }

  /**
   * A node standing for an unknown value, shaped so the grammar accepts it where it stands: a
   * whole condition block, an operator's tests, or a string anywhere else.
   */
  Node unknownNode(String display, Location at, String path) {
    region(at);
    if (CONDITION.matcher(path).matches()) {
      Location key = at.withPointer(at.pointer() + "/" + TreeReader.escape(display));
      unknown(key, display);
      return new ObjectNode(at, List.of(new ObjectNode.Member(display, key, unknownNode(display, key, path + "/x"))),
          List.of());
    }
    if (OPERATOR.matcher(path).matches()) {
      Location key = at.withPointer(at.pointer() + "/" + TreeReader.escape(display));
      unknown(key, display);
      Node value = new ScalarNode(key, ScalarNode.Type.STRING, display, Optional.empty());
      return new ObjectNode(at, List.of(new ObjectNode.Member(display, key, value)), List.of());
    }
    unknown(at, display);
    return new ScalarNode(at, ScalarNode.Type.STRING, display, Optional.empty());
  }

  /** Marks a text at {@code at} as unknown (shown as {@code display}). */
  void unknown(Location at, String display) {
    unknownTexts.put(at, display);
    region(at);
  }

  /** Grammar problems inside {@code at} come from an unknown value and are dropped. */
  void region(Location at) {
    regions.add(at);
  }

  // ---- JSON in strings ----

  /** JSON text (possibly with placeholders for unknown parts) as a node tree located in the source. */
  Doc json(Value.Str s, String pointer) {
    String text = s.text();
    if (text.isBlank()) {
      return new Invalid(s.location(), "the policy is an empty string; IAM needs a JSON policy document");
    }
    String file = s.location().file();
    int[] lines = SourceText.lineStarts(text);
    Node raw;
    try {
      raw = TreeReader.readJson(text, file, limits);
    } catch (InputException e) {
      if (!s.isKnown()) {
        return new Unknown();
      }
      Location at = locate(s, lines, e.location());
      return new Invalid(at, "the policy is not valid JSON: " + e.getMessage());
    }
    List<Location> comments = new ArrayList<>();
    for (Location c : JsonComments.find(text, file)) {
      comments.add(locate(s, lines, c));
    }
    return new Parsed(relocate(raw, s, lines, pointer), comments);
  }

  /** Parses a known JSON string for jsondecode; empty when it is not JSON. */
  static Optional<Node> parseJson(Value.Str s, Evaluator ev) {
    try {
      Node raw = TreeReader.readJson(s.text(), s.location().file(), Limits.defaults());
      return Optional.of(new PolicyNodes(ev, Limits.defaults()).relocate(raw, s, SourceText.lineStarts(s.text()), ""));
    } catch (InputException e) {
      return Optional.empty();
    }
  }

  /** {@code node}, parsed from {@code host}'s text (whose line starts are {@code lines}), at its source. */
  private Node relocate(Node node, Value.Str host, int[] lines, String base) {
    if (node instanceof ObjectNode o) {
      List<ObjectNode.Member> members = new ArrayList<>();
      for (ObjectNode.Member m : o.members()) {
        members.add(relocateMember(m, host, lines, base));
      }
      List<ObjectNode.Member> dups = new ArrayList<>();
      for (ObjectNode.Member m : o.duplicates()) {
        dups.add(relocateMember(m, host, lines, base));
      }
      return new ObjectNode(locate(host, lines, o.location()).withPointer(base + o.location().pointer()), members, dups);
    }
    if (node instanceof ArrayNode a) {
      return new ArrayNode(locate(host, lines, a.location()).withPointer(base + a.location().pointer()),
          a.items().stream().map(n -> relocate(n, host, lines, base)).toList());
    }
    ScalarNode sc = (ScalarNode) node;
    Location at = locate(host, lines, sc.location()).withPointer(base + sc.location().pointer());
    if (sc.isString() && sc.text().indexOf(Value.HOLE_START) >= 0) {
      String shown = ev.display(sc.text());
      unknown(at, shown);
      return new ScalarNode(at, ScalarNode.Type.STRING, shown, Optional.empty());
    }
    return new ScalarNode(at, sc.type(), sc.text(), Optional.empty());
  }

  private ObjectNode.Member relocateMember(ObjectNode.Member m, Value.Str host, int[] lines, String base) {
    Location keyAt = locate(host, lines, m.keyLocation()).withPointer(base + m.keyLocation().pointer());
    String key = m.key();
    if (key.indexOf(Value.HOLE_START) >= 0) {
      key = ev.display(key);
      unknown(keyAt, key);
    }
    return new ObjectNode.Member(key, keyAt, relocate(m.value(), host, lines, base));
  }

  /** Maps a location inside the string's text (line starts {@code lines}) back to where its characters were written. */
  private static Location locate(Value.Str s, int[] lines, Location inner) {
    if (s.origin().isEmpty()) {
      return s.location();
    }
    int length = s.text().length();
    int from = offset(lines, length, inner.line(), inner.column());
    int to = offset(lines, length, inner.endLine(), inner.endColumn());
    return s.origin().get().locate(from, Math.max(from + 1, to), s.location());
  }

  private static int offset(int[] lines, int length, int line, int column) {
    int start = lines[Math.min(Math.max(line, 1), lines.length) - 1];
    return Math.min(length, start + Math.max(0, column - 1));
  }

  // ---- after the shared reader ----

  /** Unknown texts become unknown, and grammar problems about unknown values are dropped. */
  PolicyDocument finish(PolicyDocument doc) {
    List<Problem> problems = new ArrayList<>();
    for (Problem p : doc.problems()) {
      if (!inRegion(p.location())) {
        problems.add(p);
      }
    }
    problems.addAll(extra);
    problems.sort((a, b) -> a.location().compareTo(b.location()));
    List<Statement> statements = doc.statements().stream().map(this::statement).toList();
    return new PolicyDocument(doc.kind(), doc.location(), doc.version().map(this::text), statements, problems,
        doc.owner());
  }

  private boolean inRegion(Location at) {
    for (Location r : regions) {
      if (r.file().equals(at.file()) && after(at.line(), at.column(), r.line(), r.column())
          && after(r.endLine(), r.endColumn(), at.line(), at.column())) {
        return true;
      }
    }
    return false;
  }

  private static boolean after(int line, int column, int otherLine, int otherColumn) {
    return line > otherLine || (line == otherLine && column >= otherColumn);
  }

  private Text text(Text t) {
    String shown = unknownTexts.get(t.location());
    return shown == null ? t : Text.unknown(shown, t.location());
  }

  private Statement statement(Statement s) {
    List<Principal> principals = s.principals().stream()
        .map(p -> new Principal(p.type(), p.typeKey(), text(p.value()))).toList();
    List<Condition> conditions = s.conditions().stream().map(this::condition).toList();
    return new Statement(s.index(), s.sid().map(this::text), s.effect(), s.location(), principals, s.notPrincipal(),
        s.principalLocation(), s.actions().stream().map(this::text).toList(), s.notAction(), s.actionLocation(),
        s.resources().stream().map(this::text).toList(), s.notResource(), conditions);
  }

  private Condition condition(Condition c) {
    Text operatorText = text(c.operatorText());
    Text key = text(c.key());
    ConditionOperator operator = c.operator();
    if (!operatorText.isKnown()) {
      // an operator the tool cannot read: not reported as misspelt, and its key cannot be judged either
      operator = new ConditionOperator(operatorText.display(), ConditionOperator.SetQualifier.NONE, "", false, true);
      key = Text.unknown(key.display(), key.location());
    }
    return new Condition(operator, operatorText, key, c.values().stream().map(this::text).toList());
  }
}
