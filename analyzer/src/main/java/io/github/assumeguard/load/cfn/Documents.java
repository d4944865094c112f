package io.github.assumeguard.load.cfn;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.JsonComments;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.PolicyReader;
import io.github.assumeguard.load.Relocate;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Problem;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Policy documents inside a template: an object or a JSON string (literal, or built with
 * {@code Fn::Sub}/{@code Fn::Join} from known parts), with intrinsic functions evaluated first.
 * An unknown value where a string belongs is an unknown value of the model (rules stay silent on
 * it); an unknown where the grammar needs structure (a whole statement, its {@code Effect},
 * {@code Principal} or {@code Condition}, or a condition operator's block) leaves that statement
 * out, since nothing can be said about who it admits. A document that is unknown as a whole is
 * left out.
 */
final class Documents {

  private final Intrinsics intrinsics;
  private final Limits limits;

  Documents(Intrinsics intrinsics, Limits limits) {
    this.intrinsics = intrinsics;
    this.limits = limits;
  }

  /** The document {@code raw} holds, read as {@code kind} for {@code owner}; empty when unknown. */
  Optional<PolicyDocument> read(Node raw, PolicyDocument.Kind kind, ResourceRef owner) {
    Optional<Node> resolved = intrinsics.resolve(raw);
    if (resolved.isEmpty() || intrinsics.isUnknown(resolved.get())) {
      return Optional.empty();
    }
    Node node = resolved.get();
    if (node instanceof ScalarNode s && s.isString()) {
      return Optional.of(fromString(s, kind, owner));
    }
    if (!(node instanceof ObjectNode doc)) {
      return Optional.of(PolicyReader.read(node, kind, Optional.of(owner), List.of()));
    }
    Unknowns unknowns = new Unknowns(intrinsics);
    if (!unknowns.scan(doc)) {
      return Optional.empty();
    }
    PolicyDocument read = PolicyReader.read(doc, kind, Optional.of(owner), List.of());
    return Optional.of(unknowns.filter(read));
  }

  /** A document written as a JSON string: parsed, and placed on the string's own location. */
  private PolicyDocument fromString(ScalarNode s, PolicyDocument.Kind kind, ResourceRef owner) {
    if (s.text().isBlank()) {
      Problem problem = new Problem(s.location(), "policy document string is empty");
      return new PolicyDocument(kind, s.location(), Optional.empty(), List.of(), List.of(problem), Optional.of(owner));
    }
    Node parsed;
    try {
      parsed = Relocate.onto(TreeReader.readJson(s.text(), s.location().file(), limits), s.location());
    } catch (InputException e) {
      Problem problem = new Problem(s.location(), "policy document string is not valid JSON: " + e.getMessage());
      return new PolicyDocument(kind, s.location(), Optional.empty(), List.of(), List.of(problem), Optional.of(owner));
    }
    // IAM rejects comments in the string as in a file; they can only be placed on the string itself
    List<Location> comments = JsonComments.find(s.text(), s.location().file()).stream()
        .map(c -> s.location()).distinct().toList();
    return PolicyReader.read(parsed, kind, Optional.of(owner), comments);
  }

  /** The unknown parts of one resolved document. */
  private static final class Unknowns {

    private final Intrinsics intrinsics;

    /** Pointers of unknown values and of the structure they stand for. */
    private final List<String> pointers = new ArrayList<>();
    /** Pointers of statements left out. */
    private final Set<String> statements = new HashSet<>();

    Unknowns(Intrinsics intrinsics) {
      this.intrinsics = intrinsics;
    }

    /** Records the unknown parts; false when the statements themselves are unknown. */
    boolean scan(ObjectNode doc) {
      collect(doc);
      Optional<Node> statement = doc.get("Statement");
      if (statement.isEmpty()) {
        return true;
      }
      if (intrinsics.isUnknown(statement.get())) {
        return false;
      }
      List<Node> items = statement.get() instanceof ArrayNode arr ? arr.items() : List.of(statement.get());
      for (Node item : items) {
        if (item instanceof ObjectNode obj && structureUnknown(obj)) {
          statements.add(obj.pointer());
        }
      }
      return true;
    }

    private void collect(Node node) {
      if (intrinsics.isUnknown(node)) {
        pointers.add(node.pointer());
      } else if (node instanceof ObjectNode obj) {
        obj.members().forEach(m -> collect(m.value()));
      } else if (node instanceof ArrayNode arr) {
        arr.items().forEach(this::collect);
      }
    }

    private boolean structureUnknown(ObjectNode statement) {
      if (intrinsics.isUnknown(statement)) {
        return true;
      }
      for (String key : List.of("Effect", "Principal", "NotPrincipal", "Condition")) {
        if (statement.get(key).filter(intrinsics::isUnknown).isPresent()) {
          return true;
        }
      }
      Optional<ObjectNode> condition = statement.object("Condition");
      return condition.isPresent()
          && condition.get().members().stream().anyMatch(m -> intrinsics.isUnknown(m.value()));
    }

    /** The document without the statements left out and without problems that only unknowns cause. */
    PolicyDocument filter(PolicyDocument doc) {
      if (pointers.isEmpty()) {
        return doc;
      }
      List<Statement> kept = doc.statements().stream()
          .filter(s -> !statements.contains(s.location().pointer())).toList();
      List<Problem> problems = doc.problems().stream().filter(p -> !inUnknown(p.location())).toList();
      return new PolicyDocument(doc.kind(), doc.location(), doc.version(), kept, problems, doc.owner());
    }

    private boolean inUnknown(Location at) {
      String pointer = at.pointer();
      return pointers.stream().anyMatch(u -> pointer.equals(u) || pointer.startsWith(u + "/"));
    }
  }
}
