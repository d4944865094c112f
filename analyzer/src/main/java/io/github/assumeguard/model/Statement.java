package io.github.assumeguard.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One statement of a policy. {@code notPrincipal}, {@code notAction} and {@code notResource} say
 * which form of each element the statement used; the lists hold its values either way.
 */
public record Statement(int index, Optional<Text> sid, Effect effect, Location location,
    List<Principal> principals, boolean notPrincipal, Optional<Location> principalLocation,
    List<Text> actions, boolean notAction, Optional<Location> actionLocation,
    List<Text> resources, boolean notResource, List<Condition> conditions) {

  public Statement {
    principals = List.copyOf(principals);
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  public boolean isAllow() {
    return effect == Effect.ALLOW;
  }

  public boolean isDeny() {
    return effect == Effect.DENY;
  }

  /** True when the statement names principals (with {@code Principal} or {@code NotPrincipal}). */
  public boolean hasPrincipal() {
    return principalLocation.isPresent();
  }

  /** The principals of a {@code Principal} element (none for {@code NotPrincipal}). */
  public Stream<Principal> grantees() {
    return notPrincipal ? Stream.empty() : principals.stream();
  }

  /** Where a finding about the principals should point. */
  public Location principalOrStatement() {
    return principalLocation.orElse(location);
  }

  /** Where a finding about the actions should point. */
  public Location actionOrStatement() {
    return actionLocation.orElse(location);
  }

  /**
   * True when the statement's action element covers {@code action} (IAM wildcards, without case);
   * with {@code NotAction}, when no listed pattern matches it. Unknown values never match.
   */
  public boolean covers(String action) {
    boolean listed = actions.stream()
        .anyMatch(a -> a.isKnown() && Wildcards.matches(a.display(), action, true));
    return notAction ? !listed && actions.stream().allMatch(Text::isKnown) : listed;
  }

  /** Conditions on {@code key} (compared without case). */
  public Stream<Condition> conditionsOn(String key) {
    return conditions.stream().filter(c -> c.keyIs(key));
  }

}
