package io.github.assumeguard.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity provider behind a federated principal, recognised by its host (the issuer URL
 * without scheme): GitHub Actions, GitLab, EKS IRSA, HCP Terraform, CircleCI, Bitbucket,
 * Google, Cognito, Amazon, Facebook, or a generic OIDC provider.
 */
public record OidcProvider(Kind kind, String host) {

  /** Known providers, each with how its subject names a workload. */
  public enum Kind {
    GITHUB("GitHub Actions", true, "repo:someone-else/any-repo:ref:refs/heads/main"),
    GITLAB("GitLab CI", true, "project_path:someone-else/any-project:ref_type:branch:ref:main"),
    EKS("EKS IRSA", true, "system:serviceaccount:any-namespace:any-serviceaccount"),
    TERRAFORM_CLOUD("HCP Terraform", true,
        "organization:someone-else:project:any:workspace:any:run_phase:apply"),
    CIRCLECI("CircleCI", true, "org/<org-id>/project/<any-project-id>/user/<any-user-id>"),
    BITBUCKET("Bitbucket Pipelines", true, "{any-repository-uuid}:any-step"),
    GOOGLE("Google", true, "any Google account's subject id"),
    COGNITO("Cognito identity pool", false, "any identity of any identity pool"),
    AMAZON("Login with Amazon", false, "any Amazon user"),
    FACEBOOK("Facebook", false, "any Facebook user"),
    GENERIC("OIDC provider", true, "any subject the provider issues");

    private final String title;
    private final boolean subjectNamesWorkload;
    private final String exampleSubject;

    Kind(String title, boolean subjectNamesWorkload, String exampleSubject) {
      this.title = title;
      this.subjectNamesWorkload = subjectNamesWorkload;
      this.exampleSubject = exampleSubject;
    }

    public String title() {
      return title;
    }

    /** True when the provider's {@code sub} claim names the workload (so it must be pinned). */
    public boolean subjectNamesWorkload() {
      return subjectNamesWorkload;
    }

    /** A subject someone else could present when nothing pins it. */
    public String exampleSubject() {
      return exampleSubject;
    }
  }

  /**
   * The provider named by a {@code Federated} principal value: an {@code oidc-provider/HOST} ARN or
   * a well-known web identity host. Empty for SAML providers and anything else.
   */
  public static Optional<OidcProvider> ofFederated(String value) {
    Optional<Arn> arn = Arn.parse(value);
    if (arn.isPresent()) {
      Arn a = arn.get();
      if ("iam".equals(a.service()) && "oidc-provider".equals(a.resourceType())
          && !a.resourceName().isEmpty()) {
        return Optional.of(ofHost(a.resourceName()));
      }
      return Optional.empty();
    }
    String host = value.toLowerCase(Locale.ROOT);
    if (host.startsWith("cognito-identity.amazonaws.com")) {
      return Optional.of(new OidcProvider(Kind.COGNITO, value));
    }
    return switch (host) {
      case "accounts.google.com" -> Optional.of(new OidcProvider(Kind.GOOGLE, value));
      case "www.amazon.com" -> Optional.of(new OidcProvider(Kind.AMAZON, value));
      case "graph.facebook.com" -> Optional.of(new OidcProvider(Kind.FACEBOOK, value));
      default -> Optional.empty();
    };
  }

  /** An EKS cluster issuer; the region may be a template's {@code ${AWS::Region}}. */
  private static final Pattern EKS_HOST =
      Pattern.compile("oidc\\.eks\\.([a-z0-9-]+|\\$\\{aws::region\\})\\.amazonaws\\.com(\\.cn)?/id/.+");

  /** Classifies an issuer host (as in an {@code oidc-provider/HOST} ARN or a provider URL). */
  public static OidcProvider ofHost(String rawHost) {
    String host = rawHost.regionMatches(true, 0, "https://", 0, 8) ? rawHost.substring(8) : rawHost;
    String lower = host.toLowerCase(Locale.ROOT);
    Kind kind;
    if (lower.startsWith("token.actions.githubusercontent.com") || lower.endsWith("/_services/token")) {
      kind = Kind.GITHUB;
    } else if (lower.equals("gitlab.com") || lower.startsWith("gitlab.")) {
      kind = Kind.GITLAB;
    } else if (EKS_HOST.matcher(lower).matches()) {
      kind = Kind.EKS;
    } else if (lower.equals("app.terraform.io") || lower.startsWith("app.terraform.io/")) {
      kind = Kind.TERRAFORM_CLOUD;
    } else if (lower.startsWith("oidc.circleci.com/")) {
      kind = Kind.CIRCLECI;
    } else if (lower.startsWith("api.bitbucket.org/")) {
      kind = Kind.BITBUCKET;
    } else if (lower.equals("accounts.google.com")) {
      kind = Kind.GOOGLE;
    } else if (lower.startsWith("cognito-identity.amazonaws.com")) {
      kind = Kind.COGNITO;
    } else {
      kind = Kind.GENERIC;
    }
    return new OidcProvider(kind, host);
  }

  /** The condition key for a claim of this provider, e.g. {@code gitlab.com:sub}. */
  public String claimKey(String claim) {
    return host + ":" + claim;
  }

}
