package io.github.assumeguard.engine;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What rules may know about the user's setting: trusted and own accounts, the session-duration
 * ceiling and the services exempt from the confused-deputy check.
 */
public record RuleContext(Set<String> trustedAccounts, Set<String> ownAccounts,
    long maxSessionDuration, Set<String> exemptServices) {

  /** Services that never act for another account, exempt from AG501 by default. */
  public static final Set<String> DEFAULT_EXEMPT_SERVICES = Set.of("ec2", "lambda", "ecs-tasks", "eks",
      "eks-fargate-pods", "edgelambda");

  public static final long DEFAULT_MAX_SESSION_DURATION = 3600;

  public RuleContext {
    trustedAccounts = Set.copyOf(trustedAccounts);
    ownAccounts = Set.copyOf(ownAccounts);
    TreeSet<String> services = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    services.addAll(exemptServices);
    exemptServices = Collections.unmodifiableSet(services);
  }

  public static RuleContext defaults() {
    return new RuleContext(Set.of(), Set.of(), DEFAULT_MAX_SESSION_DURATION, DEFAULT_EXEMPT_SERVICES);
  }

  /** True when the account is trusted by config, or is one of the user's own accounts. */
  public boolean isTrusted(String account) {
    return trustedAccounts.contains(account) || ownAccounts.contains(account);
  }

  /** True when a service (short name such as {@code lambda} or full principal) is exempt. */
  public boolean isExemptService(String service) {
    String shortName = service.contains(".") ? service.substring(0, service.indexOf('.')) : service;
    return exemptServices.contains(shortName) || exemptServices.contains(service);
  }
}
