package io.github.assumeguard.rules.federation;

import io.github.assumeguard.model.Condition;
import io.github.assumeguard.model.ConditionOperator;
import io.github.assumeguard.model.OidcProvider;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the federation rules share: the federated actions, which trust statements they look at,
 * which condition tests count as narrowing a claim, and how each provider's claims are named.
 */
final class Federation {

  static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
  static final String SAML = "sts:AssumeRoleWithSAML";
  static final String ASSUME_ROLE = "sts:AssumeRole";

  private Federation() {
  }

  /** The Allow statements of the role's trust policy that no unconditional Deny neutralises. */
  static Stream<Statement> trustAllows(Role role) {
    return role.trust().filter(PolicyDocument::isTrust).stream().flatMap(PolicyDocument::effectiveAllows);
  }

  /** The OIDC providers a statement grants (its {@code Principal}, not a {@code NotPrincipal}). */
  static Stream<Grant> oidcGrantees(Statement statement) {
    return statement.grantees().flatMap(p -> p.oidcProvider().stream().map(o -> new Grant(p, o)));
  }

  /** An OIDC principal of a statement with the provider it names. */
  record Grant(Principal principal, OidcProvider provider) {
  }

  /**
   * True when the statement has a counting test on one of {@code keys}, or a condition key the
   * tool cannot read (then it cannot tell, and stays silent).
   */
  static boolean hasCounting(Statement statement, List<String> keys) {
    return statement.conditions().stream().anyMatch(c -> !c.key().isKnown()
        || (keys.stream().anyMatch(c::keyIs) && c.narrows()));
  }

  /**
   * The {@code sub} tests whose values {@link OidcBroadSubject} judges: positive matches that
   * apply to every request (no {@code IfExists}, no {@code ForAllValues:}: other rules report those).
   */
  static Stream<Condition> judgedSubjectTests(Statement statement, OidcProvider provider) {
    String key = provider.claimKey("sub");
    return statement.conditions().stream()
        .filter(c -> c.keyIs(key))
        .filter(c -> c.operator().known() && c.operator().isPositiveMatch())
        .filter(c -> !c.operator().ifExists()
            && c.operator().setQualifier() != ConditionOperator.SetQualifier.FOR_ALL_VALUES)
        .filter(c -> !c.values().isEmpty());
  }

  /**
   * The keys that carry a provider's audience: {@code HOST:aud}; Google also {@code azp} and
   * {@code oaud}; Login with Amazon and Facebook name the app with {@code app_id}.
   */
  static List<String> audienceKeys(OidcProvider provider) {
    return switch (provider.kind()) {
      case GOOGLE -> List.of(provider.claimKey("aud"), provider.claimKey("azp"), provider.claimKey("oaud"));
      case AMAZON, FACEBOOK -> List.of(provider.claimKey("aud"), provider.claimKey("app_id"));
      default -> List.of(provider.claimKey("aud"));
    };
  }

  /** The audience key a fix names: {@code HOST:aud}; {@code HOST:app_id} for Amazon and Facebook. */
  static String audienceKey(OidcProvider provider) {
    return switch (provider.kind()) {
      case AMAZON, FACEBOOK -> provider.claimKey("app_id");
      default -> provider.claimKey("aud");
    };
  }

  /** The audience value a provider's tokens carry for AWS, or a placeholder saying what it is. */
  static String audienceExample(OidcProvider provider) {
    return switch (provider.kind()) {
      case GITHUB, EKS -> "sts.amazonaws.com";
      case TERRAFORM_CLOUD -> "aws.workload.identity";
      case GITLAB -> "AUDIENCE_OF_YOUR_ID_TOKENS";
      case CIRCLECI -> "YOUR_CIRCLECI_ORG_ID";
      case BITBUCKET -> "ari:cloud:bitbucket::workspace/WORKSPACE_UUID";
      case COGNITO -> "us-east-1:IDENTITY_POOL_GUID";
      case GOOGLE -> "YOUR_OAUTH_CLIENT_ID";
      case AMAZON, FACEBOOK -> "YOUR_APP_ID";
      case GENERIC -> "YOUR_CLIENT_ID";
    };
  }

  /** Who else gets in when nothing tests the audience. */
  static String anyAudience(OidcProvider.Kind kind) {
    return switch (kind) {
      case COGNITO -> "identities of any identity pool are accepted";
      case AMAZON, FACEBOOK -> "users of any application are accepted";
      default -> "tokens it issued for any other audience are accepted";
    };
  }

  /** Who gets in when nothing pins the subject, e.g. "any GitHub repository". */
  static String anyWorkload(OidcProvider.Kind kind) {
    return switch (kind) {
      case GITHUB -> "any GitHub repository";
      case GITLAB -> "any GitLab project";
      case EKS -> "any service account in the cluster";
      case TERRAFORM_CLOUD -> "any HCP Terraform workspace";
      case CIRCLECI -> "any project of the CircleCI organization";
      case BITBUCKET -> "any pipeline of the Bitbucket workspace";
      case GOOGLE -> "any Google account";
      case COGNITO -> "any identity of the identity pool";
      case AMAZON -> "any Amazon user";
      case FACEBOOK -> "any Facebook user";
      case GENERIC -> "any subject the provider issues tokens for";
    };
  }

  /** A witness for an unpinned subject: who, and an example subject when it is concrete. */
  static String anySubjectWitness(OidcProvider.Kind kind) {
    String example = kind.exampleSubject();
    return example.startsWith("any ") ? anyWorkload(kind) : anyWorkload(kind) + ", e.g. " + example;
  }

  /** How messages name a provider: what it is and its host. */
  static String describe(OidcProvider provider) {
    return provider.kind().title() + " (" + provider.host() + ")";
  }
}
