package io.github.assumeguard.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A policy document: its version, statements and the grammar problems found while loading it.
 * {@code owner} is the resource it belongs to (absent for a bare policy file).
 */
public record PolicyDocument(Kind kind, Location location, Optional<Text> version,
    List<Statement> statements, List<Problem> problems, Optional<ResourceRef> owner) {

  /** What the document is for. */
  public enum Kind {
    /** A role's trust policy (AssumeRolePolicyDocument), or a raw file with principals. */
    TRUST,
    /** An identity policy: inline or managed, of a user, group or role. */
    IDENTITY,
    /**
     * A resource-based policy (a raw file whose principal statements all name a Resource, such as
     * a bucket or key policy): only the document rules apply.
     */
    RESOURCE
  }

  public PolicyDocument {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
  }

  public boolean isTrust() {
    return kind == Kind.TRUST;
  }

  /** The Allow statements. */
  public Stream<Statement> allows() {
    return statements.stream().filter(Statement::isAllow);
  }

  /**
   * The Allow statements that no unconditional Deny in this policy fully neutralises: a Deny
   * without conditions that covers every principal, action and resource of the Allow.
   */
  public Stream<Statement> effectiveAllows() {
    return allows().filter(s -> !neutralised(s));
  }

  /** True when an unconditional Deny of this policy covers all principals and actions of {@code allow}. */
  public boolean neutralised(Statement allow) {
    return statements.stream()
        .filter(Statement::isDeny)
        .filter(d -> d.conditions().isEmpty() && !d.notAction() && !d.notPrincipal())
        .anyMatch(d -> coversPrincipals(d, allow) && coversActions(d, allow) && coversResources(d, allow));
  }

  private static boolean coversResources(Statement deny, Statement allow) {
    if (deny.notResource()) {
      return false;
    }
    if (deny.resources().isEmpty()) {
      return allow.resources().isEmpty();
    }
    if (allow.notResource() || allow.resources().isEmpty()) {
      return deny.resources().stream().anyMatch(r -> r.isKnown() && Wildcards.isMatchAll(r.display()));
    }
    return allow.resources().stream().allMatch(a -> a.isKnown() && deny.resources().stream()
        .anyMatch(d -> d.isKnown() && Wildcards.covers(d.display(), a.display(), false)));
  }

  private static boolean coversPrincipals(Statement deny, Statement allow) {
    if (!allow.hasPrincipal()) {
      return true;
    }
    if (allow.notPrincipal() || allow.principals().isEmpty()) {
      return deny.principals().stream().anyMatch(Principal::isEveryone);
    }
    return allow.principals().stream().allMatch(p -> deny.principals().stream().anyMatch(d ->
        d.isEveryone() || (d.type() == p.type() && d.value().isKnown() && p.value().isKnown()
            && d.value().display().equals(p.value().display()))));
  }

  private static boolean coversActions(Statement deny, Statement allow) {
    if (allow.notAction() || allow.actions().isEmpty()) {
      return deny.actions().stream().anyMatch(a -> a.isKnown() && Wildcards.isMatchAll(a.display()));
    }
    return allow.actions().stream().allMatch(a -> a.isKnown() && deny.actions().stream()
        .anyMatch(d -> d.isKnown() && Wildcards.covers(d.display(), a.display(), true)));
  }

  /** The document with another owner. */
  public PolicyDocument ownedBy(ResourceRef newOwner) {
    return new PolicyDocument(kind, location, version, statements, problems, Optional.of(newOwner));
  }
}
