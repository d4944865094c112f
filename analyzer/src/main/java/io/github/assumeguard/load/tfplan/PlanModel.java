package io.github.assumeguard.load.tfplan;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.PolicyReader;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.iam.IamJson;
import io.github.assumeguard.load.tfplan.PlanReader.Change;
import io.github.assumeguard.load.tfplan.PlanReader.Content;
import io.github.assumeguard.load.tfplan.PlanReader.Origin;
import io.github.assumeguard.load.tfplan.PlanReader.Resource;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Problem;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.core.TokenStreamFactory;

/**
 * Turns the resources kept from a plan into the model. Each resource is read from its planned
 * values, or from {@code resource_changes[].change.after} when planned values lack it, or (data
 * sources read while planning) from {@code prior_state}; an attribute that {@code after_unknown}
 * marks is unknown, never an error.
 *
 * <p>A {@code data.aws_iam_policy_document} is analysed on its own only when no role or policy
 * of the plan carries the same document: the provider resolves {@code data.x.json} into the
 * role's {@code assume_role_policy}, so the same problems would otherwise be reported twice, and
 * the finding belongs on the resource that deploys the document.
 */
final class PlanModel {

  static final String KNOWN_AFTER_APPLY = "(known after apply)";
  private static final Set<String> POLICY_TYPES = Set.of("aws_iam_policy", "aws_iam_role_policy",
      "aws_iam_user_policy", "aws_iam_group_policy");

  /** Plans with at least this many resources build their roles and policies in parallel. */
  private static final int PARALLEL_RESOURCES = 64;
  private final String file;
  private final String text;
  private final TokenStreamFactory factory;
  private final Content content;
  private final Set<String> deployedDocuments = ConcurrentHashMap.newKeySet();
  private final boolean hasDataDocuments;
  private final Optional<String> callerAccount;

  private PlanModel(String file, String text, TokenStreamFactory factory, Content content) {
    this.file = file;
    this.text = text;
    this.factory = factory;
    this.content = content;
    this.hasDataDocuments = content.resources().stream().anyMatch(r -> r.type().equals("aws_iam_policy_document"));
    this.callerAccount = callerAccount(content.resources());
  }

  static Workspace build(String file, String text, TokenStreamFactory factory, Content content) {
    return new PlanModel(file, text, factory, content).build();
  }

  private Workspace build() {
    List<Role> roles = new ArrayList<>();
    List<IdentityPolicy> policies = new ArrayList<>();
    List<PolicyDocument> resourcePolicies = new ArrayList<>();
    List<Resource> chosen = chosen();
    // roles and policies are independent of each other: a large plan builds them on every core
    Stream<Resource> managed = chosen.size() >= PARALLEL_RESOURCES ? chosen.parallelStream() : chosen.stream();
    for (Optional<Object> built : managed.map(this::managed).toList()) {
      if (built.orElse(null) instanceof Role role) {
        roles.add(role);
      } else if (built.orElse(null) instanceof IdentityPolicy policy) {
        policies.add(policy);
      }
    }
    for (Resource r : chosen) {
      if (r.mode().equals("data") && r.type().equals("aws_iam_policy_document")) {
        dataDocument(r, roles, policies, resourcePolicies);
      }
    }
    return new Workspace(file, roles, policies, resourcePolicies);
  }

  /** A managed role or policy resource as the model's {@link Role} or {@link IdentityPolicy}. */
  private Optional<Object> managed(Resource r) {
    if (r.mode().equals("managed") && r.type().equals("aws_iam_role")) {
      return Optional.of(role(r));
    }
    if (r.mode().equals("managed") && POLICY_TYPES.contains(r.type())) {
      ResourceRef ref = ref(r);
      return document(r, "policy", PolicyDocument.Kind.IDENTITY, ref)
          .map(d -> new IdentityPolicy(Optional.of(ref), knownString(r, "name"), d));
    }
    return Optional.empty();
  }

  /**
   * One entry per address: planned values first, then a change's {@code after}, then prior state;
   * in the order of the file.
   */
  private List<Resource> chosen() {
    Map<String, Resource> byAddress = new LinkedHashMap<>();
    for (Origin origin : Origin.values()) {
      for (Resource r : content.resources()) {
        if (r.origin() == origin) {
          byAddress.putIfAbsent(r.address(), r);
        }
      }
    }
    List<Resource> out = new ArrayList<>(byAddress.values());
    out.sort(Comparator.comparing(Resource::location));
    return out;
  }

  /** The account of the plan's {@code aws_caller_identity} data sources, when they agree on one. */
  private static Optional<String> callerAccount(List<Resource> resources) {
    Set<String> accounts = new HashSet<>();
    for (Resource r : resources) {
      if (r.mode().equals("data") && r.type().equals("aws_caller_identity")) {
        r.values().string("account_id").filter(Arn::isAccountId).ifPresent(accounts::add);
      }
    }
    return accounts.size() == 1 ? Optional.of(accounts.iterator().next()) : Optional.empty();
  }

  private Role role(Resource r) {
    ResourceRef ref = ref(r);
    String name = knownString(r, "name").orElse(r.address());
    Optional<String> account = knownString(r, "arn").flatMap(Arn::parse).map(Arn::account)
        .filter(Arn::isAccountId).or(() -> callerAccount);
    Optional<PolicyDocument> trust = document(r, "assume_role_policy", PolicyDocument.Kind.TRUST, ref);
    Optional<Text> duration;
    if (isUnknown(r, "max_session_duration")) {
      duration = Optional.of(Text.unknown(KNOWN_AFTER_APPLY, r.location()));
    } else {
      duration = r.values().get("max_session_duration").filter(ScalarNode.class::isInstance)
          .map(ScalarNode.class::cast).filter(n -> n.type() != ScalarNode.Type.NULL)
          .map(n -> Text.of(n.text(), n.location()));
    }
    List<PolicyDocument> inline = new ArrayList<>();
    if (!isUnknown(r, "inline_policy") && r.values().get("inline_policy").orElse(null) instanceof ArrayNode blocks) {
      for (int i = 0; i < blocks.items().size(); i++) {
        if (!(blocks.items().get(i) instanceof ObjectNode block) || isUnknown(r, "inline_policy", i, "policy")) {
          continue;
        }
        // an empty block (name and policy "") is how a configuration asks for no inline policies
        block.get("policy").filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
            .filter(s -> s.isString() && !s.text().isEmpty())
            .ifPresent(s -> inline.add(document(s, PolicyDocument.Kind.IDENTITY, ref)));
      }
    }
    return new Role(Optional.of(ref), Optional.of(name), account, trust, duration, inline, r.location());
  }

  /** A data source's document: skipped when a resource deploys the same one, else by its content. */
  private void dataDocument(Resource r, List<Role> roles, List<IdentityPolicy> policies,
      List<PolicyDocument> resourcePolicies) {
    Optional<ScalarNode> json = embeddedString(r, "json");
    if (json.isEmpty()) {
      return;
    }
    ResourceRef ref = ref(r);
    EmbeddedJson.Result parsed = parse(json.get());
    if (!(parsed instanceof EmbeddedJson.Parsed ok) || !(ok.node() instanceof ObjectNode root)) {
      policies.add(new IdentityPolicy(Optional.of(ref), Optional.empty(),
          toDocument(parsed, json.get(), PolicyDocument.Kind.IDENTITY, ref)));
      return;
    }
    if (deployedDocuments.contains(Canonical.of(root))) {
      return;
    }
    Workspace ws = IamJson.policyFile(file, root, ok.comments());
    for (Role anonymous : ws.roles()) {
      roles.add(new Role(Optional.of(ref), Optional.empty(), callerAccount,
          anonymous.trust().map(d -> d.ownedBy(ref)), Optional.empty(), List.of(), r.location()));
    }
    ws.policies().forEach(p -> policies.add(new IdentityPolicy(Optional.of(ref), Optional.empty(),
        p.document().ownedBy(ref))));
    ws.resourcePolicies().forEach(d -> resourcePolicies.add(d.ownedBy(ref)));
  }

  /** The document in attribute {@code key}; empty when it is absent, null or known only after apply. */
  private Optional<PolicyDocument> document(Resource r, String key, PolicyDocument.Kind kind, ResourceRef owner) {
    return embeddedString(r, key).map(s -> document(s, kind, owner));
  }

  private PolicyDocument document(ScalarNode s, PolicyDocument.Kind kind, ResourceRef owner) {
    return toDocument(parse(s), s, kind, owner);
  }

  private PolicyDocument toDocument(EmbeddedJson.Result result, ScalarNode host, PolicyDocument.Kind kind,
      ResourceRef owner) {
    if (result instanceof EmbeddedJson.Parsed ok) {
      if (hasDataDocuments && ok.node() instanceof ObjectNode root) {
        deployedDocuments.add(Canonical.of(root));
      }
      return PolicyReader.read(ok.node(), kind, Optional.of(owner), ok.comments());
    }
    EmbeddedJson.Broken broken = (EmbeddedJson.Broken) result;
    return new PolicyDocument(kind, host.location(), Optional.empty(), List.of(),
        List.of(new Problem(broken.at(), broken.message())), Optional.of(owner));
  }

  private EmbeddedJson.Result parse(ScalarNode s) {
    return EmbeddedJson.parse(text, content.stringOffsets().getOrDefault(s.pointer(), -1L), s, factory);
  }

  private Optional<ScalarNode> embeddedString(Resource r, String key) {
    if (isUnknown(r, key)) {
      return Optional.empty();
    }
    return r.values().get(key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
        .filter(ScalarNode::isString);
  }

  private Optional<String> knownString(Resource r, String key) {
    return isUnknown(r, key) ? Optional.empty() : r.values().string(key);
  }

  /**
   * True when {@code after_unknown} marks the attribute at {@code path} (keys and list indexes),
   * or a value that holds it, as known only after apply.
   */
  private boolean isUnknown(Resource r, Object... path) {
    Change change = content.changes().get(r.address());
    if (change == null || change.afterUnknown().isEmpty()) {
      return false;
    }
    Node node = change.afterUnknown().get();
    for (Object step : path) {
      if (isTrue(node)) {
        return true;
      }
      Optional<Node> next = Optional.empty();
      if (step instanceof String key && node instanceof ObjectNode obj) {
        next = obj.get(key);
      } else if (step instanceof Integer index && node instanceof ArrayNode arr && index < arr.items().size()) {
        next = Optional.of(arr.items().get(index));
      }
      if (next.isEmpty()) {
        return false;
      }
      node = next.get();
    }
    return isTrue(node);
  }

  private static boolean isTrue(Node node) {
    return node instanceof ScalarNode s && s.type() == ScalarNode.Type.BOOLEAN && s.text().equals("true");
  }

  private static ResourceRef ref(Resource r) {
    return new ResourceRef(r.address(), r.type(), Optional.empty());
  }
}
