package io.github.assumeguard.rules.action;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Wildcards;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Flags identity policies that allow {@code sts:AssumeRole} on roles in any account: Resource
 * {@code "*"}, a role ARN whose account is a wildcard, a wildcard ARN that spans the account
 * ({@code arn:*}), or {@code NotResource}. A condition that pins the target roles
 * ({@code aws:ResourceAccount}, {@code aws:ResourceOrgID}, {@code aws:ResourceOrgPaths},
 * {@code aws:ResourceTag/...}) or an unconditional Deny that keeps the roles in named accounts
 * silences it.
 */
public final class AssumeAnyRole implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG402", "assume-any-role")
      .level(Level.WARNING)
      .title("Identity policy can assume any role")
      .description("An identity policy allows sts:AssumeRole (directly or through sts:* or *) on Resource \"*\", on a role ARN whose account is a wildcard, or through NotResource.")
      .tags("security", "action", "least-privilege")
      .securitySeverity(6.5)
      .precision("high")
      .build();

  static final String ASSUME_ROLE = "sts:AssumeRole";

  /** A role in an account nobody listed: what a pattern must not match. */
  private static final String FOREIGN_ROLE = "arn:aws:iam::999999999999:role/any-role";
  private static final String FOREIGN_ACCOUNT = "999999999999";

  /** Condition keys that restrict which roles the caller may target. */
  private static final Set<String> TARGET_KEYS = ci("aws:ResourceAccount", "aws:ResourceOrgID",
      "aws:ResourceOrgPaths");
  private static final Set<String> TARGET_KEY_PREFIXES = ci("aws:ResourceTag/", "iam:ResourceTag/");

  private static final String FIX = "List the role ARNs the principal needs in Resource (such as "
      + "arn:aws:iam::111122223333:role/deploy), or pin the accounts with an aws:ResourceAccount or "
      + "aws:ResourceOrgID condition.";

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    if (document.kind() != PolicyDocument.Kind.IDENTITY || denyKeepsRolesInNamedAccounts(document)) {
      return Stream.empty();
    }
    String holder = holder(document.owner());
    return document.allows()
        .filter(s -> s.covers(ASSUME_ROLE))
        .filter(s -> !targetsPinned(s))
        .flatMap(s -> s.notResource() ? notResource(s, holder) : resources(s, holder));
  }

  private static Stream<Finding> resources(Statement statement, String holder) {
    String grant = grant(statement);
    return statement.resources().stream()
        .filter(r -> r.isKnown() && anyAccountRole(r.display()))
        .map(r -> {
          boolean everything = Wildcards.isMatchAll(r.display());
          String reach = everything ? "any role, in any account," : "matching roles in any account";
          String todo = everything ? "name the role ARNs it needs instead" : "pin the account id in the ARN";
          Finding f = META.at(r.location(), "Allow " + grant + " on Resource \"" + r.display() + "\" lets " + holder
              + " assume " + reach + " whose trust policy admits it; " + todo).fix(FIX);
          return witness(r.display()).map(f::witness).orElse(f);
        });
  }

  private static Stream<Finding> notResource(Statement statement, String holder) {
    if (statement.resources().stream().anyMatch(r -> !r.isKnown()
        || Wildcards.matches(r.display(), FOREIGN_ROLE, true))) {
      return Stream.empty();
    }
    Location at = statement.resources().stream().findFirst().map(Text::location).orElse(statement.location());
    return Stream.of(META.at(at, "Allow " + grant(statement)
        + " with NotResource lets " + holder + " assume every role it does not list, in any account, whose "
        + "trust policy admits it; use Resource with the role ARNs it needs").fix(FIX).witness(FOREIGN_ROLE));
  }

  /**
   * True when the pattern matches roles in accounts nobody chose: {@code "*"}, an ARN whose
   * account field holds a wildcard, or a wildcard that spans the account ({@code arn:*}).
   */
  static boolean anyAccountRole(String pattern) {
    if (Wildcards.isMatchAll(pattern)) {
      return true;
    }
    if (!Wildcards.hasWildcard(pattern)) {
      return false;
    }
    List<String> fields = Arn.fields(pattern);
    if (fields.size() < 6) {
      return Wildcards.matches(pattern, FOREIGN_ROLE, true);
    }
    String prefix = Wildcards.fixedPrefix(fields.get(5)).toLowerCase(Locale.ROOT);
    boolean role = "role/".startsWith(prefix) || prefix.startsWith("role/");
    return Wildcards.matches(fields.get(0), "arn", true) && Wildcards.matches(fields.get(2), "iam", true)
        && Wildcards.hasWildcard(fields.get(4)) && role;
  }

  /** A role in a foreign account that the pattern matches. */
  private static Optional<String> witness(String pattern) {
    List<String> fields = Arn.fields(pattern);
    if (fields.size() == 6 && !Wildcards.hasWildcard(fields.get(1))) {
      String resource = fields.get(5).replace("*", "any").replace('?', 'x');
      String candidate = "arn:" + fields.get(1) + ":iam::" + FOREIGN_ACCOUNT + ":" + resource;
      if (resource.startsWith("role/") && Wildcards.matches(pattern, candidate, true)) {
        return Optional.of(candidate);
      }
    }
    return Wildcards.matches(pattern, FOREIGN_ROLE, true) ? Optional.of(FOREIGN_ROLE) : Optional.empty();
  }

  /** True when a condition restricts the target roles, or cannot be judged. */
  private static boolean targetsPinned(Statement statement) {
    return statement.conditions().stream().filter(AssumeAnyRole::isTargetKey)
        .anyMatch(c -> c.hasUnknownValue() || (c.canFail() && !c.operator().isNegated()));
  }

  private static boolean isTargetKey(Condition condition) {
    String key = condition.key().display();
    return TARGET_KEYS.contains(key) || TARGET_KEY_PREFIXES.stream()
        .anyMatch(p -> key.regionMatches(true, 0, p, 0, p.length()) && key.length() > p.length());
  }

  /**
   * True when an unconditional Deny of sts:AssumeRole takes away every foreign role: on
   * {@code "*"}, or with a NotResource whose ARNs all name accounts.
   */
  private static boolean denyKeepsRolesInNamedAccounts(PolicyDocument document) {
    return document.statements().stream()
        .filter(Statement::isDeny)
        .filter(d -> d.conditions().isEmpty() && d.covers(ASSUME_ROLE))
        .anyMatch(d -> d.notResource()
            ? !d.resources().isEmpty() && d.resources().stream()
                .allMatch(r -> r.isKnown() && !Wildcards.matches(r.display(), FOREIGN_ROLE, true))
            : d.resources().stream().anyMatch(r -> r.isKnown() && Wildcards.isMatchAll(r.display())));
  }

  /** How the statement grants sts:AssumeRole. */
  private static String grant(Statement statement) {
    if (statement.notAction()) {
      return ASSUME_ROLE + " (through NotAction)";
    }
    Optional<String> direct = statement.actions().stream().filter(Text::isKnown).map(Text::display)
        .filter(a -> a.equalsIgnoreCase(ASSUME_ROLE)).findFirst();
    if (direct.isPresent()) {
      return ASSUME_ROLE;
    }
    return statement.actions().stream().filter(Text::isKnown).map(Text::display)
        .filter(a -> Wildcards.matches(a, ASSUME_ROLE, true)).findFirst()
        .map(a -> ASSUME_ROLE + " (through \"" + a + "\")").orElse(ASSUME_ROLE);
  }

  /** Who the policy gives the permission to, as a message names it. */
  private static String holder(Optional<ResourceRef> owner) {
    if (owner.isEmpty()) {
      return "whoever holds this policy";
    }
    ResourceRef ref = owner.get();
    return switch (ref.type()) {
      case "AWS::IAM::User" -> "user " + ref.id();
      case "AWS::IAM::Group" -> "the members of group " + ref.id();
      case "AWS::IAM::Role" -> "role " + ref.id();
      case "AWS::IAM::ManagedPolicy" -> "whoever holds managed policy " + ref.id();
      case "AWS::Serverless::Function" -> "the role of function " + ref.id();
      case "AWS::Serverless::StateMachine" -> "the role of state machine " + ref.id();
      default -> "whoever holds policy " + ref.id();
    };
  }

  private static Set<String> ci(String... values) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Set.of(values));
    return Collections.unmodifiableSet(set);
  }
}
