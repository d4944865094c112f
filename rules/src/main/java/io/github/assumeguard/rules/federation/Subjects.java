package io.github.assumeguard.rules.federation;

import io.github.assumeguard.model.OidcProvider.Kind;
import io.github.assumeguard.model.Wildcards;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a provider's {@code sub} claim names the owner of a workload, whether a condition value
 * pins that owner, and a subject of someone else that a value lets in.
 */
final class Subjects {

  /** Why a value is too broad, a subject of someone else that it matches, and what to do. */
  record Broad(String reason, String witness, String advice) {

    /** The advice as a sentence, for a finding's fix. */
    String fix() {
      return Character.toUpperCase(advice.charAt(0)) + advice.substring(1) + ".";
    }
  }

  /**
   * The subject layout of a provider whose issuer is shared by many owners. {@code pin} must be
   * found in the fixed part of a value; {@code inOwner} recognises a fixed part that stops inside
   * the owner segment, which {@code ownerEnd} closes; the rest builds a realistic witness.
   */
  private record Shape(Pattern pin, String owner, String others, String fix, Pattern inOwner,
      String firstOwner, char ownerEnd, String afterOwner, String tail, String lead) {
  }

  private static final Map<Kind, Shape> SHAPES = Map.of(
      Kind.GITHUB, new Shape(
          Pattern.compile("(^|:)((repo|repository):[^/:*?]+/|(repository_owner_id|repository_id):\\d+:"
              + "|repository_owner:[^:*?]+:)"),
          "the repository owner", "other owners' repositories",
          "start the value with \"repo:OWNER/\" (or a customised subject's \"repository_owner_id:ID:\")",
          Pattern.compile("repo:[^/:]*"), "someone-else", '/', "/any-repo", ":ref:refs/heads/main",
          "repo:someone-else/any-repo"),
      Kind.GITLAB, new Shape(
          Pattern.compile("^project_path:[^/:*?]+/"),
          "the top-level group", "other groups' projects",
          "start the value with \"project_path:GROUP/\"",
          Pattern.compile("project_path:[^/:]*"), "someone-else", '/', "/any-project",
          ":ref_type:branch:ref:main", "project_path:someone-else/any-project"),
      Kind.EKS, new Shape(
          Pattern.compile("^system:serviceaccount:[^:*?]+:"),
          "the namespace", "service accounts of other namespaces",
          "name the namespace: \"system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT\"",
          Pattern.compile("system:serviceaccount:[^:]*"), "any-namespace", ':', "",
          ":any-serviceaccount", "system:serviceaccount:any-namespace"),
      Kind.TERRAFORM_CLOUD, new Shape(
          Pattern.compile("^organization:[^:*?]+:"),
          "the organization", "other organizations' workspaces",
          "start the value with \"organization:ORG:\"",
          Pattern.compile("organization:[^:]*"), "someone-else", ':', "",
          ":project:any:workspace:any:run_phase:apply", "organization:someone-else"));

  private Subjects() {
  }

  /**
   * Judges one value of a {@code sub} test: empty when it only matches the owner's workloads.
   * {@code like} says the operator expands wildcards; under an exact operator a wildcard is a
   * literal character (reported by {@link WildcardInExactMatch}), so such values are not judged.
   */
  static Optional<Broad> judge(Kind kind, String value, boolean like) {
    boolean pattern = Wildcards.hasWildcard(value);
    if (pattern && !like) {
      return Optional.empty();
    }
    if (pattern && onlyWildcards(value)) {
      return Optional.of(new Broad("matches every subject the provider issues",
          Federation.anySubjectWitness(kind), "name the workloads that may assume the role"));
    }
    Shape shape = SHAPES.get(kind);
    if (shape == null || (!pattern && kind != Kind.GITHUB)) {
      // A literal subject of these providers names one workload; only GitHub lets an owner
      // customise the subject into a form that other owners can reproduce.
      return Optional.empty();
    }
    String fixed = pattern ? Wildcards.fixedPrefix(value) : value + ":";
    if (shape.pin().matcher(fixed).find()) {
      return Optional.empty();
    }
    return Optional.of(new Broad("does not pin " + shape.owner() + ", so " + shape.others() + " match",
        witness(kind, shape, value), shape.fix()));
  }

  private static boolean onlyWildcards(String value) {
    return value.chars().allMatch(c -> c == '*' || c == '?');
  }

  /** A subject of someone else that {@code value} matches. */
  private static String witness(Kind kind, Shape shape, String value) {
    String example = kind.exampleSubject();
    if (Wildcards.matches(value, example, false)) {
      return example;
    }
    String pattern = value.replaceAll("\\*+", "*");
    int first = firstWildcard(pattern);
    if (first < 0) {
      return value;
    }
    String prefix = pattern.substring(0, first);
    String rest = pattern.substring(first + 1);
    StringBuilder out = new StringBuilder(prefix);
    if (pattern.charAt(first) == '?') {
      out.append('x');
    } else if (prefix.isEmpty()) {
      out.append(shape.lead()).append(rest.isEmpty() ? shape.tail() : "");
    } else if (shape.inOwner().matcher(prefix).matches()) {
      out.append(prefix.endsWith(":") ? shape.firstOwner() : otherName(prefix));
      if (rest.isEmpty() || rest.charAt(0) != shape.ownerEnd()) {
        out.append(shape.afterOwner()).append(rest.isEmpty() ? shape.tail() : "");
      }
    } else {
      out.append(otherName(prefix));
    }
    for (char c : rest.toCharArray()) {
      out.append(c == '*' ? "any" : c == '?' ? "x" : String.valueOf(c));
    }
    String witness = out.toString();
    return Wildcards.matches(value, witness, false) ? witness : value;
  }

  /** What a wildcard right after {@code prefix} can stand for to name someone else. */
  private static String otherName(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    if (prefix.endsWith("_id:")) {
      return "999999999";
    }
    if (last == ':' || last == '/') {
      return "any";
    }
    if (Character.isDigit(last)) {
      return "9";
    }
    return last == '-' || last == '_' || last == '.' ? "evil" : "-evil";
  }

  private static int firstWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*' || pattern.charAt(i) == '?') {
        return i;
      }
    }
    return -1;
  }
}
