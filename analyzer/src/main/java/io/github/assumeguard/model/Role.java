package io.github.assumeguard.model;

import java.util.List;
import java.util.Optional;

/**
 * An IAM role: its name (or logical id / address), the account it lives in when known, its trust
 * policy, {@code MaxSessionDuration} and the identity policies attached to it.
 */
public record Role(Optional<ResourceRef> ref, Optional<String> name, Optional<String> ownAccount,
    Optional<PolicyDocument> trust, Optional<Text> maxSessionDuration, List<PolicyDocument> policies,
    Location location) {

  public Role {
    policies = List.copyOf(policies);
  }

  /** How messages name the role. */
  public String displayName() {
    return name.map(n -> "role " + n).orElse("the role");
  }

  /**
   * True when {@code account} is the role's own account: its known account id, or the
   * {@link Arn#OWN_ACCOUNT} symbol, which always stands for the account the role is created in.
   */
  public boolean isOwnAccount(String account) {
    return Arn.OWN_ACCOUNT.equals(account) || ownAccount.map(account::equals).orElse(false);
  }
}
