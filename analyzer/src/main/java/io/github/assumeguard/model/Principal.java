package io.github.assumeguard.model;

import java.util.Optional;

/**
 * One principal of a statement: its type (and the key as written, for unknown types), its value
 * and where it stands, with what it names.
 */
public record Principal(PrincipalType type, String typeKey, Text value) {

  public static Principal of(PrincipalType type, Text value) {
    return new Principal(type, type.key(), value);
  }

  /** {@code "*"} or {@code {"AWS": "*"}}: anyone. */
  public boolean isEveryone() {
    return type == PrincipalType.EVERYONE || (type == PrincipalType.AWS && value.is("*"));
  }

  public Location location() {
    return value.location();
  }

  /** The principal parsed as an ARN, when it is one. */
  public Optional<Arn> arn() {
    return value.known().flatMap(Arn::parse);
  }

  /**
   * The account of an AWS principal (bare id or ARN), when it names one: twelve digits, or
   * {@link Arn#OWN_ACCOUNT} for a template's own account.
   */
  public Optional<String> account() {
    if (type != PrincipalType.AWS || !value.isKnown()) {
      return Optional.empty();
    }
    String v = value.display();
    if (Arn.isAccount(v)) {
      return Optional.of(v);
    }
    return arn().map(Arn::account).filter(Arn::isAccount);
  }

  /**
   * A whole account: {@code arn:...:iam::ACCOUNT:root} or a bare account id, with a valid account
   * (so {@link #account()} is present; {@code arn:aws:iam::*:root} is not one, it is invalid).
   */
  public boolean isAccountRoot() {
    if (type != PrincipalType.AWS || !value.isKnown()) {
      return false;
    }
    return Arn.isAccount(value.display())
        || (arn().map(Arn::isAccountRoot).orElse(false) && account().isPresent());
  }

  /** The OIDC provider behind a federated principal. */
  public Optional<OidcProvider> oidcProvider() {
    if (type != PrincipalType.FEDERATED || !value.isKnown()) {
      return Optional.empty();
    }
    return OidcProvider.ofFederated(value.display());
  }

  /** A SAML provider: {@code arn:...:iam::ACCOUNT:saml-provider/NAME}. */
  public boolean isSamlProvider() {
    return type == PrincipalType.FEDERATED
        && arn().map(a -> "iam".equals(a.service()) && "saml-provider".equals(a.resourceType()))
            .orElse(false);
  }

  /** The service name of a service principal without the {@code .amazonaws.com} suffix. */
  public Optional<String> serviceName() {
    if (type != PrincipalType.SERVICE || !value.isKnown()) {
      return Optional.empty();
    }
    String v = value.display();
    int dot = v.indexOf('.');
    return Optional.of(dot < 0 ? v : v.substring(0, dot));
  }

  @Override
  public String toString() {
    return type == PrincipalType.EVERYONE ? "\"*\"" : typeKey + " " + value.display();
  }
}
