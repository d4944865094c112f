package io.github.assumeguard.load;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM policy grammar ({@code iam-policy.schema.json}) checked with networknt; each violation
 * becomes a {@link Problem} at the offending element with a message a policy author can act on.
 */
public final class PolicyGrammar {

  private static final String RESOURCE = "/io/github/assumeguard/load/iam-policy.schema.json";
  private static final Schema SCHEMA = Schemas.load(RESOURCE);
  private static final String STATEMENT_KEYS =
      "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition";

  private PolicyGrammar() {
  }

  /** The grammar problems of the policy document {@code doc}. */
  public static List<Problem> check(ObjectNode doc) {
    List<Error> errors = SCHEMA.validate(JsonNodes.toJackson(doc));
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error e : errors) {
      problems.add(problem(doc, e));
    }
    return new ArrayList<>(problems);
  }

  private static Problem problem(ObjectNode doc, Error e) {
    List<String> path = segments(e.getInstanceLocation());
    Node node = resolve(doc, path).orElse(doc);
    String keyword = e.getKeyword();
    String evaluation = e.getEvaluationPath() + " " + e.getSchemaLocation();
    boolean statementLevel = isStatementPath(path);
    if ("additionalProperties".equals(keyword) && e.getProperty() != null && node instanceof ObjectNode obj) {
      String key = e.getProperty();
      Location at = obj.member(key).map(ObjectNode.Member::keyLocation).orElse(node.location());
      if (path.isEmpty()) {
        return new Problem(at, "unknown top-level key \"" + key + "\" (a policy has Version, Id and Statement)");
      }
      if (statementLevel) {
        return new Problem(at, "unknown statement key \"" + key + "\" (a statement has " + STATEMENT_KEYS + ")");
      }
    }
    if ("required".equals(keyword) && e.getProperty() != null) {
      String missing = e.getProperty();
      if (evaluation.contains("needsAction")) {
        return new Problem(node.location(), "statement has neither \"Action\" nor \"NotAction\"");
      }
      if (path.isEmpty()) {
        return new Problem(node.location(), "policy has no \"" + missing + "\"; add a \"Statement\" list of statements");
      }
      return new Problem(node.location(), "statement has no \"" + missing + "\"");
    }
    if (evaluation.contains("needsAction")) {
      return new Problem(node.location(), "statement has neither \"Action\" nor \"NotAction\"");
    }
    if (evaluation.contains("notBothActionForms")) {
      return new Problem(node.location(), "statement has both \"Action\" and \"NotAction\"; use one");
    }
    if (evaluation.contains("notBothPrincipalForms")) {
      return new Problem(node.location(), "statement has both \"Principal\" and \"NotPrincipal\"; use one");
    }
    if (evaluation.contains("notBothResourceForms")) {
      return new Problem(node.location(), "statement has both \"Resource\" and \"NotResource\"; use one");
    }
    return new Problem(node.location(), elementMessage(path, node));
  }

  private static String elementMessage(List<String> path, Node node) {
    String shown = describe(node);
    if (path.isEmpty()) {
      return "a policy must be a JSON object with a \"Statement\"";
    }
    String first = path.get(0);
    if (path.size() == 1 && "Version".equals(first)) {
      return "Version must be \"2012-10-17\" (or the legacy \"2008-10-17\"), not " + shown;
    }
    if (path.size() == 1 && "Id".equals(first)) {
      return "Id must be a string, not " + shown;
    }
    if ("Statement".equals(first) && (path.size() == 1 || (path.size() == 2 && isIndex(path.get(1))))) {
      if (path.size() == 1 && node instanceof ArrayNode) {
        return "Statement must not be empty";
      }
      return "a statement must be an object, not " + shown;
    }
    List<String> inStatement = path.subList(isIndex(path.size() > 1 ? path.get(1) : "") ? 2 : 1, path.size());
    if (inStatement.isEmpty()) {
      return "invalid statement";
    }
    String element = inStatement.get(0);
    switch (element) {
      case "Effect":
        return "Effect must be \"Allow\" or \"Deny\", not " + shown;
      case "Sid":
        return "Sid must be a string, not " + shown;
      case "Action", "NotAction", "Resource", "NotResource":
        return element + " must be a string or a non-empty list of strings, not " + shown;
      case "Principal", "NotPrincipal":
        if (inStatement.size() == 1) {
          return element + " must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}, not " + shown;
        }
        return element + " \"" + inStatement.get(1) + "\" must be a string or a non-empty list of strings, not " + shown;
      case "Condition":
        if (inStatement.size() == 1) {
          return "Condition must be an object of operators, not " + shown;
        }
        if (inStatement.size() == 2) {
          return "condition operator \"" + inStatement.get(1) + "\" must map condition keys to values, not " + shown;
        }
        return "condition value of \"" + inStatement.get(2) + "\" must be a string, number, boolean or a list of them, not " + shown;
      default:
        return "invalid " + element + ": " + shown;
    }
  }

  private static boolean isStatementPath(List<String> path) {
    return (path.size() == 1 && "Statement".equals(path.get(0)))
        || (path.size() == 2 && "Statement".equals(path.get(0)) && isIndex(path.get(1)));
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      if (s.type() == ScalarNode.Type.NULL) {
        return "null";
      }
      return s.isString() ? "\"" + s.text() + "\"" : s.typeName() + " " + s.text();
    }
    if (node instanceof ArrayNode a && a.items().isEmpty()) {
      return "an empty list";
    }
    if (node instanceof ObjectNode o && o.members().isEmpty()) {
      return "an empty object";
    }
    return node instanceof ArrayNode ? "a list" : "an object";
  }

  private static List<String> segments(NodePath path) {
    List<String> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.add(String.valueOf(element));
    }
    return out;
  }

  /** The node at {@code path} below {@code root}. */
  static Optional<Node> resolve(Node root, List<String> path) {
    Node current = root;
    for (String segment : path) {
      if (current instanceof ObjectNode obj) {
        Optional<Node> next = obj.get(segment);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        current = next.get();
      } else if (current instanceof ArrayNode arr && isIndex(segment)) {
        int index = Integer.parseInt(segment);
        if (index >= arr.items().size()) {
          return Optional.empty();
        }
        current = arr.items().get(index);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }
}
