package io.github.assumeguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed ARN: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, for every partition.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

  /** The partitions IAM knows. */
  public static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso",
      "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

  /**
   * Stands for the account a template is deployed into (CloudFormation's {@code AWS::AccountId}):
   * not known as a number, but known to be the role's own account.
   */
  public static final String OWN_ACCOUNT = "${AWS::AccountId}";

  /** Stands for the partition a template is deployed into ({@code AWS::Partition}). */
  public static final String OWN_PARTITION = "${AWS::Partition}";

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  /** Parses {@code text} when it has the six colon-separated ARN fields. */
  public static Optional<Arn> parse(String text) {
    if (text == null || !text.startsWith("arn:")) {
      return Optional.empty();
    }
    List<String> parts = fields(text);
    if (parts.size() < 6) {
      return Optional.empty();
    }
    return Optional.of(new Arn(parts.get(1), parts.get(2), parts.get(3), parts.get(4), parts.get(5)));
  }

  /**
   * The colon-separated fields of an ARN or ARN pattern, at most six (the last one keeps its
   * colons); a colon inside a {@code ${...}} symbol such as {@link #OWN_PARTITION} does not
   * separate fields.
   */
  public static List<String> fields(String text) {
    List<String> parts = new ArrayList<>(6);
    int start = 0;
    int depth = 0;
    for (int i = 0; i < text.length() && parts.size() < 5; i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** True for exactly twelve digits. */
  public static boolean isAccountId(String text) {
    return text != null && ACCOUNT_ID.matcher(text).matches();
  }

  /** True for twelve digits or the template's own account ({@link #OWN_ACCOUNT}). */
  public static boolean isAccount(String text) {
    return isAccountId(text) || OWN_ACCOUNT.equals(text);
  }

  public boolean knownPartition() {
    return PARTITIONS.contains(partition) || OWN_PARTITION.equals(partition);
  }

  /** {@code arn:...:iam::ACCOUNT:root}. */
  public boolean isAccountRoot() {
    return "iam".equals(service) && "root".equals(resource);
  }

  /** The resource type before the first {@code /}, e.g. {@code role}, {@code oidc-provider}. */
  public String resourceType() {
    int slash = resource.indexOf('/');
    return slash < 0 ? resource : resource.substring(0, slash);
  }

  /** The resource after the first {@code /}, e.g. the provider host of an OIDC provider ARN. */
  public String resourceName() {
    int slash = resource.indexOf('/');
    return slash < 0 ? "" : resource.substring(slash + 1);
  }

  @Override
  public String toString() {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }
}
