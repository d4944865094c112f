package io.github.assumeguard.load.iam;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.PolicyReader;
import io.github.assumeguard.load.Relocate;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Workspace;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM's own JSON: a bare policy document, {@code aws iam get-role} output and
 * {@code aws iam get-account-authorization-details} output.
 */
public final class IamJson {

  private static final String ROLE_TYPE = "AWS::IAM::Role";

  private IamJson() {
  }

  /** True when the root looks like a bare policy document. */
  public static boolean isPolicy(ObjectNode root) {
    return root.has("Statement") || root.string("Version").filter(v -> v.equals("2012-10-17")
        || v.equals("2008-10-17")).isPresent();
  }

  /** True for {@code aws iam get-role} output. */
  public static boolean isGetRole(ObjectNode root) {
    return root.object("Role").map(r -> r.has("AssumeRolePolicyDocument")).orElse(false);
  }

  /** True for {@code aws iam get-account-authorization-details} output. */
  public static boolean isAccountDetails(ObjectNode root) {
    return root.get("RoleDetailList").filter(ArrayNode.class::isInstance).isPresent()
        || root.get("UserDetailList").filter(ArrayNode.class::isInstance).isPresent()
        || root.get("GroupDetailList").filter(ArrayNode.class::isInstance).isPresent()
        || (root.get("Policies").filter(ArrayNode.class::isInstance).isPresent()
            && root.members().stream().allMatch(m -> m.key().endsWith("List") || m.key().equals("Policies")
                || m.key().equals("IsTruncated") || m.key().equals("Marker")));
  }

  /** A bare policy file: a trust policy when a statement names principals, else an identity policy. */
  public static Workspace policyFile(String file, ObjectNode root, List<Location> comments) {
    boolean principals = statements(root).stream().anyMatch(s -> s.has("Principal") || s.has("NotPrincipal"))
        || looksLikeTrust(root);
    if (!principals) {
      PolicyDocument doc = PolicyReader.read(root, PolicyDocument.Kind.IDENTITY, Optional.empty(), comments);
      return new Workspace(file, List.of(), List.of(new IdentityPolicy(Optional.empty(), Optional.empty(), doc)), List.of());
    }
    boolean resourcePolicy = statements(root).stream()
        .filter(s -> s.has("Principal") || s.has("NotPrincipal"))
        .allMatch(s -> s.has("Resource") || s.has("NotResource"));
    if (resourcePolicy) {
      PolicyDocument doc = PolicyReader.read(root, PolicyDocument.Kind.RESOURCE, Optional.empty(), comments);
      return new Workspace(file, List.of(), List.of(), List.of(doc));
    }
    PolicyDocument trust = PolicyReader.read(root, PolicyDocument.Kind.TRUST, Optional.empty(), comments);
    Role role = new Role(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(trust),
        Optional.empty(), List.of(), root.location());
    return new Workspace(file, List.of(role), List.of(), List.of());
  }

  /**
   * A policy without principals and without any resource whose actions are the assume actions is
   * a trust policy with a missing (or misspelt) Principal, not an identity policy.
   */
  private static boolean looksLikeTrust(ObjectNode root) {
    List<ObjectNode> statements = statements(root);
    return !statements.isEmpty()
        && statements.stream().noneMatch(s -> s.has("Resource") || s.has("NotResource"))
        && statements.stream().anyMatch(s -> s.get("Action").map(IamJson::mentionsAssume).orElse(false));
  }

  private static boolean mentionsAssume(Node action) {
    List<Node> items = action instanceof ArrayNode a ? a.items() : List.of(action);
    return items.stream().anyMatch(n -> n instanceof ScalarNode s && s.text().toLowerCase(java.util.Locale.ROOT)
        .startsWith("sts:assumerole"));
  }

  private static List<ObjectNode> statements(ObjectNode root) {
    Optional<Node> st = root.get("Statement");
    if (st.isEmpty()) {
      return List.of();
    }
    List<Node> items = st.get() instanceof ArrayNode a ? a.items() : List.of(st.get());
    return items.stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList();
  }

  /** {@code aws iam get-role} output. */
  public static Workspace getRole(String file, ObjectNode root, Limits limits) {
    ObjectNode roleNode = root.object("Role").orElseThrow();
    return new Workspace(file, List.of(role(file, roleNode, limits, List.of())), List.of(), List.of());
  }

  /** {@code aws iam get-account-authorization-details} output. */
  public static Workspace accountDetails(String file, ObjectNode root, Limits limits) {
    List<Role> roles = new ArrayList<>();
    List<IdentityPolicy> policies = new ArrayList<>();
    for (ObjectNode r : objects(root.get("RoleDetailList"))) {
      List<PolicyDocument> inline = inlinePolicies(r, "RolePolicyList", r.string("RoleName").orElse("role"),
          ROLE_TYPE, limits);
      roles.add(role(file, r, limits, inline));
    }
    for (ObjectNode u : objects(root.get("UserDetailList"))) {
      String name = u.string("UserName").orElse("user");
      for (PolicyDocument d : inlinePolicies(u, "UserPolicyList", name, "AWS::IAM::User", limits)) {
        policies.add(new IdentityPolicy(d.owner(), Optional.of(name), d));
      }
    }
    for (ObjectNode g : objects(root.get("GroupDetailList"))) {
      String name = g.string("GroupName").orElse("group");
      for (PolicyDocument d : inlinePolicies(g, "GroupPolicyList", name, "AWS::IAM::Group", limits)) {
        policies.add(new IdentityPolicy(d.owner(), Optional.of(name), d));
      }
    }
    for (ObjectNode p : objects(root.get("Policies"))) {
      String name = p.string("PolicyName").orElse("policy");
      ResourceRef ref = ResourceRef.of(name, "AWS::IAM::ManagedPolicy");
      for (ObjectNode v : objects(p.get("PolicyVersionList"))) {
        boolean isDefault = v.get("IsDefaultVersion").filter(ScalarNode.class::isInstance)
            .map(n -> ((ScalarNode) n).text()).map("true"::equalsIgnoreCase).orElse(false);
        if (isDefault && v.get("Document").isPresent()) {
          Node docNode = document(v.get("Document").get(), limits);
          PolicyDocument doc = PolicyReader.read(docNode, PolicyDocument.Kind.IDENTITY, Optional.of(ref), List.of());
          policies.add(new IdentityPolicy(Optional.of(ref), Optional.of(name), doc));
        }
      }
    }
    return new Workspace(file, roles, policies, List.of());
  }

  private static List<PolicyDocument> inlinePolicies(ObjectNode owner, String listKey, String ownerName,
      String ownerType, Limits limits) {
    List<PolicyDocument> out = new ArrayList<>();
    ResourceRef ref = ResourceRef.of(ownerName, ownerType);
    for (ObjectNode p : objects(owner.get(listKey))) {
      p.get("PolicyDocument").ifPresent(d -> out.add(
          PolicyReader.read(document(d, limits), PolicyDocument.Kind.IDENTITY, Optional.of(ref), List.of())));
    }
    return out;
  }

  private static Role role(String file, ObjectNode r, Limits limits, List<PolicyDocument> inline) {
    Optional<String> name = r.string("RoleName");
    Optional<String> account = r.string("Arn").flatMap(Arn::parse).map(Arn::account).filter(Arn::isAccountId);
    ResourceRef ref = ResourceRef.of(name.orElse("role"), ROLE_TYPE);
    Optional<PolicyDocument> trust = r.get("AssumeRolePolicyDocument")
        .map(d -> PolicyReader.read(document(d, limits), PolicyDocument.Kind.TRUST, Optional.of(ref), List.of()));
    Optional<Text> duration = r.get("MaxSessionDuration").filter(ScalarNode.class::isInstance)
        .map(ScalarNode.class::cast).filter(n -> n.type() != ScalarNode.Type.NULL)
        .map(n -> Text.of(n.text(), n.location()));
    return new Role(Optional.of(ref), name, account, trust, duration, inline, r.location());
  }

  /**
   * A policy document as the API returns it: an object, or a string holding URL-encoded (or plain)
   * JSON; positions inside a string map to the string itself.
   */
  static Node document(Node node, Limits limits) {
    if (node instanceof ScalarNode s && s.isString()) {
      String raw = s.text();
      String json = raw.startsWith("%7B") || raw.startsWith("%7b") || raw.contains("%22")
          ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
      try {
        return Relocate.onto(TreeReader.readJson(json, s.location().file(), limits), s.location());
      } catch (InputException e) {
        throw new InputException(s.location(), "policy document string is not valid JSON: " + e.getMessage());
      }
    }
    return node;
  }

  private static List<ObjectNode> objects(Optional<Node> node) {
    if (node.isEmpty() || !(node.get() instanceof ArrayNode arr)) {
      return List.of();
    }
    return arr.items().stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList();
  }
}
