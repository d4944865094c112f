package io.github.assumeguard.model;

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
    String[] parts = text.split(":", 6);
    if (parts.length < 6) {
      return Optional.empty();
    }
    return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
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
