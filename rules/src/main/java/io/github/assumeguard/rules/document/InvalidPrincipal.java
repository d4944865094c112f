package io.github.assumeguard.rules.document;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleContext;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import io.github.assumeguard.model.PrincipalType;
import io.github.assumeguard.model.Statement;
import io.github.assumeguard.model.Wildcards;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Flags principal values IAM rejects: a wildcard inside a value, an account id that is not 12
 * digits, an unknown partition or principal type, and service or federated principals that are
 * not service names or identity providers. {@code "*"} alone, canonical user ids, IAM unique ids,
 * CloudFront origin access identities and values the tool cannot know are left alone.
 */
public final class InvalidPrincipal implements Rule {
  static final RuleMeta META = RuleMeta.builder("AG002", "invalid-principal")
      .level(Level.ERROR)
      .title("Principal that IAM would reject")
      .description("A principal value IAM would reject: a wildcard inside an ARN, an account id that is not 12 digits, an unknown partition or principal type, or a malformed service or federated principal.")
      .tags("principal", "correctness")
      .securitySeverity(6.5)
      .precision("very-high")
      .build();

  /** The domains AWS service principals live under, in every partition. */
  private static final Pattern SERVICE_NAME = Pattern.compile(
      "(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
          + "\\.(amazonaws\\.com(\\.cn)?|amazon\\.com|api\\.aws|amazonaws\\.eu|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov"
          + "|cloud\\.adc-e\\.uk|csp\\.hci\\.ic\\.gov)");

  /** The web identity providers a Federated principal may name without an ARN. */
  private static final Pattern WEB_IDENTITY = Pattern.compile(
      "(?i)cognito-identity(\\.[a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?|accounts\\.google\\.com"
          + "|www\\.amazon\\.com|graph\\.facebook\\.com");

  /** IAM unique ids (AIDA..., AROA...), which IAM shows for principals that were deleted. */
  private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z]{3}[A-Z0-9]{12,124}");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private static final Set<String> PRINCIPAL_SERVICES = Set.of("iam", "sts");

  private static final List<PrincipalType> KNOWN_TYPES = List.of(PrincipalType.AWS, PrincipalType.SERVICE,
      PrincipalType.FEDERATED, PrincipalType.CANONICAL_USER);

  private static final String ORIGIN_ACCESS_IDENTITY = "user/CloudFront Origin Access Identity ";

  private static final String EXAMPLE_ROLE = "arn:aws:iam::111122223333:role/NAME";

  /** What is wrong with a principal value and how to put it right. */
  private record Issue(String message, String fix) {
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Stream<Finding> checkDocument(PolicyDocument document, RuleContext context) {
    // In an identity policy the whole Principal element is the error (AG001), not its values.
    if (document.kind() == PolicyDocument.Kind.IDENTITY) {
      return Stream.empty();
    }
    return document.statements().stream().flatMap(InvalidPrincipal::check);
  }

  private static Stream<Finding> check(Statement statement) {
    List<Principal> principals = statement.principals();
    Stream<Finding> unknownTypes = IntStream.range(0, principals.size())
        .filter(i -> principals.get(i).type() == PrincipalType.UNKNOWN)
        .filter(i -> isFirstOfType(principals, i))
        .mapToObj(i -> unknownType(principals.get(i)));
    Stream<Finding> badValues = principals.stream()
        .filter(p -> p.type() != PrincipalType.UNKNOWN && p.value().isKnown())
        .flatMap(p -> issue(p).map(issue -> META.at(p.location(), issue.message()).fix(issue.fix())).stream());
    return Stream.concat(unknownTypes, badValues);
  }

  private static boolean isFirstOfType(List<Principal> principals, int index) {
    String key = principals.get(index).typeKey();
    return principals.subList(0, index).stream().noneMatch(p -> p.typeKey().equals(key));
  }

  private static Finding unknownType(Principal principal) {
    String key = principal.typeKey();
    Optional<PrincipalType> meant = KNOWN_TYPES.stream()
        .filter(t -> t.key().equalsIgnoreCase(key) || (t.key() + "s").equalsIgnoreCase(key))
        .findFirst();
    String hint = meant.map(t -> "write \"" + t.key() + "\" (principal types are case-sensitive)")
        .orElse("use AWS, Service, Federated or CanonicalUser");
    return META.at(principal.location(), "Principal type \"" + key + "\" does not exist, so IAM rejects the policy; "
        + hint).fix("Use one of the principal types IAM knows: AWS, Service, Federated, CanonicalUser.");
  }

  private static Optional<Issue> issue(Principal principal) {
    String value = principal.value().display();
    if (value.equals("*")) {
      return Optional.empty();
    }
    String shown = principal.typeKey() + " principal \"" + value + "\"";
    if (Wildcards.hasWildcard(value)) {
      return Optional.of(new Issue(shown + " has a wildcard inside it, which IAM rejects in principals; "
          + "name the exact principals, or use \"*\" with an aws:PrincipalArn condition",
          "IAM accepts \"*\" alone or exact values; to match many principals, use \"AWS\": \"*\" with an "
              + "ArnLike condition on aws:PrincipalArn and aws:PrincipalOrgID."));
    }
    return switch (principal.type()) {
      case AWS -> awsIssue(shown, value);
      case SERVICE -> serviceIssue(shown, value);
      case FEDERATED -> federatedIssue(shown, value);
      default -> Optional.empty();
    };
  }

  private static Optional<Issue> awsIssue(String shown, String value) {
    if (Arn.OWN_ACCOUNT.equals(value)) {
      return Optional.empty();
    }
    if (DIGITS.matcher(value).matches()) {
      return Arn.isAccount(value) ? Optional.empty() : Optional.of(new Issue(
          shown + " is not a 12-digit account id; write the full account id",
          "Use a 12-digit account id (keep leading zeros) or an ARN such as " + EXAMPLE_ROLE + "."));
    }
    if (!value.startsWith("arn:")) {
      if (UNIQUE_ID.matcher(value).matches()) {
        return Optional.empty();
      }
      return Optional.of(new Issue(shown + " is neither a 12-digit account id nor an IAM ARN; use an ARN such as "
          + EXAMPLE_ROLE, "Name the principal by its ARN, such as " + EXAMPLE_ROLE + ", or by its account id."));
    }
    Optional<Arn> parsed = Arn.parse(value);
    if (parsed.isEmpty()) {
      return Optional.of(malformedArn(shown));
    }
    Arn arn = parsed.get();
    if (!arn.knownPartition()) {
      return Optional.of(unknownPartition(shown, arn));
    }
    if (!PRINCIPAL_SERVICES.contains(arn.service())) {
      return Optional.of(new Issue(shown + " is a " + arn.service()
          + " ARN; an AWS principal must be an account, IAM user or role, or STS session ARN",
          "Name an account, IAM user or role (" + EXAMPLE_ROLE + ") or an assumed-role session."));
    }
    if (!Arn.isAccount(arn.account()) && !isOriginAccessIdentity(arn)) {
      return Optional.of(badAccount(shown, arn));
    }
    if ("iam".equals(arn.service()) && "group".equals(arn.resourceType())) {
      return Optional.of(new Issue(shown + " is an IAM group, which cannot be a principal; name its users or a role",
          "Trust the users or roles (or their account), and manage group membership in identity policies."));
    }
    return Optional.empty();
  }

  /** CloudFront's legacy origin access identities: {@code arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ID}. */
  private static boolean isOriginAccessIdentity(Arn arn) {
    return "iam".equals(arn.service()) && "cloudfront".equals(arn.account())
        && arn.resource().startsWith(ORIGIN_ACCESS_IDENTITY);
  }

  private static Optional<Issue> serviceIssue(String shown, String value) {
    if (value.startsWith("arn:")) {
      return Optional.of(new Issue(shown + " is an ARN, not a service name; write a service principal such as "
          + "lambda.amazonaws.com (ARNs of accounts, users and roles go under \"AWS\")",
          "Use the service's principal name, such as lambda.amazonaws.com."));
    }
    // a template's region symbol stands for one region label (states.${AWS::Region}.amazonaws.com)
    if (SERVICE_NAME.matcher(value.replace(Arn.OWN_REGION, "region")).matches()) {
      return Optional.empty();
    }
    String example = value.matches("(?i)[a-z0-9-]+") ? value.toLowerCase(Locale.ROOT) + ".amazonaws.com"
        : "lambda.amazonaws.com";
    return Optional.of(new Issue(shown + " is not a service principal name; write the full name, e.g. " + example,
        "Service principals are DNS-style names such as " + example + "."));
  }

  private static Optional<Issue> federatedIssue(String shown, String value) {
    if (!value.startsWith("arn:")) {
      if (WEB_IDENTITY.matcher(value).matches()) {
        return Optional.empty();
      }
      String host = value.replaceFirst("(?i)^https://", "");
      String example = "arn:aws:iam::111122223333:oidc-provider/" + host;
      return Optional.of(new Issue(shown + " is neither an identity provider ARN nor a web identity provider; use "
          + "the provider's ARN, e.g. " + example,
          "Name the IAM OIDC or SAML provider by its ARN (" + example + "), or use cognito-identity.amazonaws.com, "
              + "accounts.google.com, www.amazon.com or graph.facebook.com."));
    }
    Optional<Arn> parsed = Arn.parse(value);
    if (parsed.isEmpty()) {
      return Optional.of(malformedArn(shown));
    }
    Arn arn = parsed.get();
    if (!arn.knownPartition()) {
      return Optional.of(unknownPartition(shown, arn));
    }
    boolean provider = "iam".equals(arn.service())
        && ("oidc-provider".equals(arn.resourceType()) || "saml-provider".equals(arn.resourceType()));
    if (!provider) {
      return Optional.of(new Issue(shown + " is not an identity provider ARN; a Federated principal must be an "
          + "oidc-provider/ or saml-provider/ ARN (roles and users go under \"AWS\")",
          "Use arn:aws:iam::ACCOUNT:oidc-provider/HOST or arn:aws:iam::ACCOUNT:saml-provider/NAME."));
    }
    if (!Arn.isAccount(arn.account())) {
      return Optional.of(badAccount(shown, arn));
    }
    if (arn.resourceName().isEmpty()) {
      return Optional.of(new Issue(shown + " names no provider after \"" + arn.resourceType() + "/\"",
          "Complete the ARN with the provider's host or name."));
    }
    return Optional.empty();
  }

  private static Issue malformedArn(String shown) {
    return new Issue(shown + " is not a well-formed ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)",
        "Write the ARN with all six fields, e.g. " + EXAMPLE_ROLE + ".");
  }

  private static Issue unknownPartition(String shown, Arn arn) {
    return new Issue(shown + " names the unknown partition \"" + arn.partition() + "\"; use one of "
        + String.join(", ", new TreeSet<>(Arn.PARTITIONS)),
        "Use the partition of the account: aws, aws-cn or aws-us-gov in most cases.");
  }

  private static Issue badAccount(String shown, Arn arn) {
    return new Issue(shown + " has account \"" + arn.account() + "\", not a 12-digit account id",
        "Put the 12-digit account id (keep leading zeros) into the ARN.");
  }
}
