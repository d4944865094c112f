package io.github.assumeguard.model;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the tool knows about condition keys: which exist, which are single-valued, which narrow
 * the caller and which carry a security decision. Keys are compared case-insensitively, as IAM does.
 */
public final class ConditionKeys {

  private ConditionKeys() {
  }

  /** Keys that, with a value that is not a bare wildcard, restrict who the caller can be. */
  public static final Set<String> NARROWING_CALLER = ci("aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
      "aws:PrincipalAccount", "aws:PrincipalArn", "aws:SourceAccount", "aws:SourceArn",
      "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:userid");

  /** Keys that tie a service principal's request to a source (confused-deputy protection). */
  public static final Set<String> SERVICE_SOURCE = ci("aws:SourceAccount", "aws:SourceArn",
      "aws:SourceOrgID", "aws:SourceOrgPaths");

  /** Organization membership keys. */
  public static final Set<String> ORGANIZATION = ci("aws:PrincipalOrgID", "aws:PrincipalOrgPaths");

  public static final String EXTERNAL_ID = "sts:ExternalId";
  public static final String MFA_PRESENT = "aws:MultiFactorAuthPresent";
  public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
  public static final String SAML_AUD = "SAML:aud";

  /** Global and STS keys that carry the security decision of a trust statement. */
  public static final Set<String> SECURITY_DECISION = ci("sts:ExternalId", "aws:MultiFactorAuthPresent",
      "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:SourceAccount", "aws:SourceArn",
      "SAML:aud");

  /** Single-valued keys (besides OIDC {@code aud}/{@code sub}, see {@link #isOidcClaim}). */
  public static final Set<String> SINGLE_VALUED = ci("sts:ExternalId", "aws:PrincipalOrgID",
      "aws:SourceArn", "aws:SourceAccount", "SAML:aud", "aws:PrincipalArn", "aws:PrincipalAccount",
      "aws:SourceOrgID", "aws:userid", "aws:username", "aws:MultiFactorAuthPresent",
      "aws:SecureTransport", "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:RequestedRegion",
      "aws:PrincipalType", "sts:RoleSessionName", "sts:SourceIdentity", "aws:SourceIdentity",
      "aws:FederatedProvider", "aws:PrincipalIsAWSService", "aws:ViaAWSService",
      "aws:CalledViaFirst", "aws:CalledViaLast", "aws:CurrentTime", "aws:EpochTime",
      "aws:TokenIssueTime", "aws:MultiFactorAuthAge", "aws:Referer", "aws:UserAgent",
      "aws:ResourceAccount", "aws:ResourceOrgID", "sts:DurationSeconds", "sts:AWSServiceName",
      "aws:SourceVpcArn", "aws:VpcSourceIp", "aws:VpceAccount", "aws:VpceOrgID", "aws:Ec2InstanceSourceVpc",
      "aws:Ec2InstanceSourcePrivateIPv4", "aws:AssumedRoot", "aws:ChatbotSourceArn", "aws:PrincipalServiceName",
      "aws:SourceOwner",
      "SAML:sub", "SAML:iss", "SAML:sub_type", "SAML:namequalifier");

  /** Global condition keys AWS defines (tag keys are prefixes, see {@link #TAG_PREFIXES}). */
  public static final Set<String> AWS_GLOBAL = ci("aws:CalledVia", "aws:CalledViaFirst",
      "aws:CalledViaLast", "aws:CurrentTime", "aws:EpochTime", "aws:FederatedProvider",
      "aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent", "aws:PrincipalAccount",
      "aws:PrincipalArn", "aws:PrincipalIsAWSService", "aws:PrincipalOrgID",
      "aws:PrincipalOrgPaths", "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList",
      "aws:PrincipalType", "aws:Referer", "aws:RequestedRegion", "aws:ResourceAccount",
      "aws:ResourceOrgID", "aws:ResourceOrgPaths", "aws:SecureTransport", "aws:SourceAccount",
      "aws:SourceArn", "aws:SourceIdentity", "aws:SourceIp", "aws:SourceOrgID",
      "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn", "aws:TagKeys",
      "aws:TokenIssueTime", "aws:UserAgent", "aws:userid", "aws:username", "aws:ViaAWSService",
      "aws:VpcSourceIp", "aws:Ec2InstanceSourceVpc", "aws:Ec2InstanceSourcePrivateIPv4",
      "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths", "aws:AssumedRoot",
      "aws:ChatbotSourceArn", "aws:RequestAttribute", "aws:IsMcpServiceAction", "aws:SourceOwner");

  /** Keys whose name continues after a slash ({@code aws:PrincipalTag/Team}). */
  public static final Set<String> TAG_PREFIXES = ci("aws:PrincipalTag/", "aws:RequestTag/",
      "aws:ResourceTag/", "sts:RequestContext/");

  /** Keys of the {@code sts:} service prefix. */
  public static final Set<String> STS = ci("sts:AWSServiceName", "sts:DurationSeconds",
      "sts:ExternalId", "sts:RoleSessionName", "sts:SourceIdentity", "sts:TaskPolicyArn",
      "sts:TransitiveTagKeys", "sts:RequestContextProviders", "sts:IdentityTokenAudience",
      "sts:SigningAlgorithm");

  private static Set<String> ci(String... keys) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Set.of(keys));
    return java.util.Collections.unmodifiableSet(set);
  }

  /** True when {@code key} is in the {@code aws:} or {@code sts:} namespace. */
  public static boolean isAwsOrSts(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.startsWith("aws:") || lower.startsWith("sts:");
  }

  /** True when AWS defines the {@code aws:}/{@code sts:} key (false for other namespaces). */
  public static boolean isDefined(String key) {
    if (AWS_GLOBAL.contains(key) || STS.contains(key)) {
      return true;
    }
    for (String prefix : TAG_PREFIXES) {
      if (key.regionMatches(true, 0, prefix, 0, prefix.length()) && key.length() > prefix.length()) {
        return true;
      }
    }
    return false;
  }

  /** True for an OIDC claim key {@code HOST:aud}, {@code HOST:sub}, {@code HOST:azp}, ... */
  public static boolean isOidcClaim(String key, String claim) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.endsWith(":" + claim) && !isAwsOrSts(key) && !lower.startsWith("saml:");
  }

  /** True when the key is single-valued (so a set operator on it is a mistake). */
  public static boolean isSingleValued(String key) {
    return SINGLE_VALUED.contains(key) || isOidcClaim(key, "aud") || isOidcClaim(key, "sub")
        || isOidcClaim(key, "azp") || isOidcClaim(key, "oaud");
  }

  /** True when the key carries the security decision of a trust statement. */
  public static boolean isSecurityDecision(String key) {
    return SECURITY_DECISION.contains(key) || isOidcClaim(key, "aud") || isOidcClaim(key, "sub");
  }
}
