package io.github.assumeguard.load;

import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.Effect;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Problem;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a policy document node into the model: statements, principals, actions and conditions,
 * each with its location. Checks the grammar ({@link PolicyGrammar}) and the rules that depend on
 * the document's use, and keeps going past errors so the rest can still be analysed.
 */
public final class PolicyReader {

  private PolicyReader() {
  }

  /**
   * Reads {@code node} as a policy of {@code kind}; {@code comments} are the positions of JSON
   * comments in the file (IAM rejects them, so each one inside the document is a problem).
   */
  public static PolicyDocument read(Node node, PolicyDocument.Kind kind, Optional<ResourceRef> owner,
      List<Location> comments) {
    List<Problem> problems = new ArrayList<>();
    if (!(node instanceof ObjectNode doc)) {
      problems.add(new Problem(node.location(), "a policy must be a JSON object, not " + node.typeName()));
      return new PolicyDocument(kind, node.location(), Optional.empty(), List.of(), problems, owner);
    }
    problems.addAll(PolicyGrammar.check(doc));
    for (Location comment : comments) {
      if (contains(doc.location(), comment)) {
        problems.add(new Problem(comment, "comments are not allowed in policy JSON; IAM rejects the document"));
      }
    }
    duplicates(doc, problems);
    Optional<Text> version = doc.get("Version").flatMap(PolicyReader::text);
    List<Statement> statements = new ArrayList<>();
    Optional<Node> stmtNode = doc.get("Statement");
    if (stmtNode.isPresent()) {
      List<Node> items = stmtNode.get() instanceof ArrayNode arr ? arr.items() : List.of(stmtNode.get());
      int index = 0;
      for (Node item : items) {
        if (item instanceof ObjectNode obj) {
          statements.add(statement(obj, index, kind, problems));
        }
        index++;
      }
    }
    problems.sort((a, b) -> a.location().compareTo(b.location()));
    return new PolicyDocument(kind, doc.location(), version, statements, problems, owner);
  }

  private static boolean contains(Location outer, Location inner) {
    if (inner.line() < outer.line() || inner.line() > outer.endLine()) {
      return false;
    }
    if (inner.line() == outer.line() && inner.column() < outer.column()) {
      return false;
    }
    return inner.line() != outer.endLine() || inner.column() <= outer.endColumn();
  }

  private static void duplicates(Node node, List<Problem> problems) {
    if (node instanceof ObjectNode obj) {
      for (ObjectNode.Member dup : obj.duplicates()) {
        problems.add(new Problem(dup.keyLocation(), "duplicate key \"" + dup.key()
            + "\"; IAM rejects the document (this tool reads the last one)"));
      }
      obj.members().forEach(m -> duplicates(m.value(), problems));
    } else if (node instanceof ArrayNode arr) {
      arr.items().forEach(item -> duplicates(item, problems));
    }
  }

  private static Statement statement(ObjectNode obj, int index, PolicyDocument.Kind kind, List<Problem> problems) {
    Optional<Text> sid = obj.get("Sid").flatMap(PolicyReader::text);
    Effect effect = obj.get("Effect").flatMap(PolicyReader::text)
        .map(t -> switch (t.display()) {
          case "Allow" -> Effect.ALLOW;
          case "Deny" -> Effect.DENY;
          default -> t.isKnown() ? Effect.INVALID : Effect.INVALID;
        })
        .orElse(Effect.INVALID);
    boolean notPrincipal = !obj.has("Principal") && obj.has("NotPrincipal");
    Optional<ObjectNode.Member> principalMember = obj.member(notPrincipal ? "NotPrincipal" : "Principal");
    List<Principal> principals = principalMember.map(m -> principals(m.value())).orElse(List.of());
    boolean notAction = !obj.has("Action") && obj.has("NotAction");
    Optional<ObjectNode.Member> actionMember = obj.member(notAction ? "NotAction" : "Action");
    List<Text> actions = actionMember.map(m -> texts(m.value())).orElse(List.of());
    boolean notResource = !obj.has("Resource") && obj.has("NotResource");
    List<Text> resources = obj.get(notResource ? "NotResource" : "Resource").map(PolicyReader::texts).orElse(List.of());
    List<Condition> conditions = obj.get("Condition").map(PolicyReader::conditions).orElse(List.of());

    boolean hasResource = obj.has("Resource") || obj.has("NotResource");
    if (kind == PolicyDocument.Kind.TRUST) {
      if (principalMember.isEmpty()) {
        problems.add(new Problem(obj.location(), "trust statement has no \"Principal\": say who may assume the role"));
      }
      if (hasResource) {
        Location at = obj.member("Resource").or(() -> obj.member("NotResource"))
            .map(ObjectNode.Member::keyLocation).orElse(obj.location());
        problems.add(new Problem(at, "a trust policy cannot name a Resource (the role itself is the resource); remove it"));
      }
    } else if (kind == PolicyDocument.Kind.IDENTITY) {
      if (principalMember.isPresent()) {
        problems.add(new Problem(principalMember.get().keyLocation(),
            "an identity policy cannot have a \"" + principalMember.get().key() + "\"; remove it"));
      }
      if (!hasResource) {
        problems.add(new Problem(obj.location(), "identity policy statement has no \"Resource\""));
      }
    }
    return new Statement(index, sid, effect, obj.location(), principals, notPrincipal,
        principalMember.map(m -> m.value().location()), actions, notAction,
        actionMember.map(m -> m.value().location()), resources, notResource, conditions);
  }

  private static List<Principal> principals(Node node) {
    List<Principal> out = new ArrayList<>();
    if (node instanceof ScalarNode s) {
      text(s).filter(t -> t.is("*")).ifPresent(t -> out.add(Principal.of(PrincipalType.EVERYONE, t)));
      return out;
    }
    if (node instanceof ObjectNode obj) {
      for (ObjectNode.Member m : obj.members()) {
        PrincipalType type = PrincipalType.ofKey(m.key()).orElse(PrincipalType.UNKNOWN);
        for (Text value : texts(m.value())) {
          out.add(new Principal(type, m.key(), value));
        }
      }
    }
    return out;
  }

  private static List<Condition> conditions(Node node) {
    List<Condition> out = new ArrayList<>();
    if (!(node instanceof ObjectNode block)) {
      return out;
    }
    for (ObjectNode.Member op : block.members()) {
      if (!(op.value() instanceof ObjectNode tests)) {
        continue;
      }
      ConditionOperator operator = ConditionOperator.parse(op.key());
      Text operatorText = Text.of(op.key(), op.keyLocation());
      for (ObjectNode.Member test : tests.members()) {
        out.add(new Condition(operator, operatorText, Text.of(test.key(), test.keyLocation()),
            texts(test.value())));
      }
    }
    return out;
  }

  /** The strings of a value that is a string or a list (numbers and booleans as written). */
  static List<Text> texts(Node node) {
    List<Text> out = new ArrayList<>();
    if (node instanceof ArrayNode arr) {
      for (Node item : arr.items()) {
        text(item).ifPresent(out::add);
      }
    } else {
      text(node).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A scalar as text: strings, and numbers and booleans as written (IAM accepts {@code true} and
   * {@code "true"} alike). Objects (such as a CloudFormation intrinsic function) are unknown values.
   */
  static Optional<Text> text(Node node) {
    if (node instanceof ScalarNode s) {
      if (s.type() == ScalarNode.Type.NULL) {
        return Optional.empty();
      }
      return Optional.of(Text.of(s.text(), s.location()));
    }
    if (node instanceof ObjectNode obj) {
      String shown = obj.members().isEmpty() ? "{}" : "{" + obj.members().get(0).key() + ": ...}";
      return Optional.of(Text.unknown(shown, obj.location()));
    }
    return Optional.empty();
  }
}
