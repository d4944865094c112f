package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles and policies a module declares: {@code aws_iam_role} (trust policy,
 * {@code max_session_duration}, {@code inline_policy} blocks and the {@code aws_iam_role_policy}
 * resources that name it), {@code aws_iam_policy}, {@code aws_iam_user_policy},
 * {@code aws_iam_group_policy}, and policy document data sources that nothing else uses. Each item
 * knows the files its elements are written in, so every file of the module reports what it holds.
 */
final class IamModel {

  /** A role and the files it is written in. */
  record RoleItem(Role role, Set<String> files) {
  }

  /** An identity policy and the files it is written in. */
  record PolicyItem(IdentityPolicy policy, Set<String> files) {
  }

  /** A resource-based document (a standalone data document with resources) and its files. */
  record ResourceItem(PolicyDocument document, Set<String> files) {
  }

  private static final String ROLE = "aws_iam_role";
  private static final List<String> POLICY_TYPES = List.of("aws_iam_policy", "aws_iam_user_policy",
      "aws_iam_group_policy", "aws_iam_role_policy");

  final List<RoleItem> roles = new ArrayList<>();
  final List<PolicyItem> policies = new ArrayList<>();
  final List<ResourceItem> resourcePolicies = new ArrayList<>();
  /** The suppression comments of each file of the module, by the file's display path. */
  final Map<String, List<io.github.assumeguard.model.InlineSuppression>> suppressions = new java.util.LinkedHashMap<>();

  private final Module module;
  private final Evaluator ev;
  private final Limits limits;
  private final DataDocuments data = new DataDocuments();

  private IamModel(Module module, Evaluator ev, Limits limits) {
    this.module = module;
    this.ev = ev;
    this.limits = limits;
  }

  /** Roles by their literal name, built when a role policy first names its role that way. */
  private Map<String, Hcl.Block> rolesByName;

  static IamModel build(Module module, TerraformSource loader, Limits limits) {
    IamModel model = new IamModel(module, new Evaluator(loader), limits);
    model.build();
    return model;
  }

  private String address(Hcl.Block block) {
    String kind = block.type().equals("data") ? "data." : "";
    return module.address() + kind + block.label(0) + "." + block.label(1);
  }

  private void build() {
    List<Hcl.Block> resources = module.resources();
    Map<Hcl.Block, List<PolicyDocument>> rolePolicies = new java.util.IdentityHashMap<>();
    for (Hcl.Block b : resources) {
      if (b.label(0).equals("aws_iam_role_policy")) {
        roleOf(b, resources).ifPresent(role -> policy(b).ifPresent(doc -> rolePolicies
            .computeIfAbsent(role, k -> new ArrayList<>()).add(doc)));
      }
    }
    Set<String> attachedRolePolicies = new LinkedHashSet<>();
    for (Hcl.Block b : resources) {
      if (b.label(0).equals(ROLE)) {
        List<PolicyDocument> extra = rolePolicies.getOrDefault(b, List.of());
        extra.forEach(d -> d.owner().ifPresent(o -> attachedRolePolicies.add(o.id())));
        role(b, extra);
      }
    }
    for (Hcl.Block b : resources) {
      if (!POLICY_TYPES.contains(b.label(0)) || attachedRolePolicies.contains(address(b))) {
        continue;
      }
      ResourceRef ref = ResourceRef.of(address(b), b.label(0));
      Optional<String> name = literal(b, "name").or(() -> Optional.of(address(b)));
      policy(b).ifPresent(doc -> policies.add(new PolicyItem(new IdentityPolicy(Optional.of(ref), name, doc),
          files(doc, b))));
    }
    for (Hcl.Block b : module.dataSources()) {
      if (b.label(0).equals("aws_iam_policy_document") && !data.consumed(b)) {
        standalone(b);
      }
    }
  }

  private void role(Hcl.Block b, List<PolicyDocument> attached) {
    ResourceRef ref = ResourceRef.of(address(b), ROLE);
    Optional<String> name = literal(b, "name").or(() -> Optional.of(address(b)));
    Evaluator.Context ctx = Evaluator.in(module, Optional.of(b));
    Optional<PolicyDocument> trust = Optional.empty();
    Optional<Hcl.Attribute> assume = b.body().attribute("assume_role_policy");
    if (assume.isPresent()) {
      PolicyNodes nodes = new PolicyNodes(ev, limits);
      Value v = ev.eval(assume.get().value(), ctx);
      PolicyNodes.Doc doc = nodes.document(v, pointer(b, "assume_role_policy"), data);
      trust = nodes.read(doc, PolicyDocument.Kind.TRUST, Optional.of(ref), assume.get().value().src().location());
    }
    Optional<Text> duration = b.body().attribute("max_session_duration").map(a -> {
      Value v = ev.eval(a.value(), ctx);
      Location at = a.value().src().location();
      return Values.known(v, ev).map(s -> Text.of(s, v.location())).orElseGet(() -> Text.unknown(ev.display(v), at));
    });
    List<PolicyDocument> inline = new ArrayList<>();
    int i = 0;
    for (Hcl.Block ib : b.body().blocks("inline_policy")) {
      Optional<Hcl.Attribute> policy = ib.body().attribute("policy");
      int index = i++;
      policy.ifPresent(p -> {
        PolicyNodes nodes = new PolicyNodes(ev, limits);
        Value v = ev.eval(p.value(), ctx);
        PolicyNodes.Doc doc = nodes.document(v, pointer(b, "inline_policy") + "/" + index + "/policy", data);
        nodes.read(doc, PolicyDocument.Kind.IDENTITY, Optional.of(ref), p.value().src().location())
            .ifPresent(inline::add);
      });
    }
    inline.addAll(attached);
    Role role = new Role(Optional.of(ref), name, Optional.empty(), trust, duration, inline, b.src().location());
    Set<String> files = new LinkedHashSet<>();
    files.add(b.src().file().display());
    trust.ifPresent(t -> files.addAll(files(t)));
    duration.ifPresent(d -> files.add(d.location().file()));
    inline.forEach(d -> files.addAll(files(d)));
    roles.add(new RoleItem(role, files));
  }

  /**
   * The role an {@code aws_iam_role_policy} names: by reference, or by a literal name (the first
   * role of {@code resources} with that name).
   */
  private Optional<Hcl.Block> roleOf(Hcl.Block rolePolicy, List<Hcl.Block> resources) {
    Optional<Hcl.Attribute> role = rolePolicy.body().attribute("role");
    if (role.isEmpty()) {
      return Optional.empty();
    }
    Hcl.Expr e = role.get().value();
    if (e instanceof Hcl.Template t && t.parts().size() == 1 && t.parts().get(0) instanceof Hcl.Interpolation in) {
      e = in.expr();
    }
    if (e instanceof Hcl.GetAttr attr && attr.target() instanceof Hcl.GetAttr name
        && name.target() instanceof Hcl.Var root && root.name().equals(ROLE)) {
      Optional<Hcl.Block> referenced = module.resource(ROLE, name.name(), e.src().file());
      if (referenced.isPresent()) {
        return referenced;
      }
    }
    Optional<String> literal = Values.known(ev.eval(role.get().value(), Evaluator.in(module, Optional.of(rolePolicy))), ev);
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    if (rolesByName == null) {
      rolesByName = new java.util.HashMap<>();
      for (Hcl.Block b : resources) {
        if (b.label(0).equals(ROLE)) {
          literal(b, "name").ifPresent(n -> rolesByName.putIfAbsent(n, b));
        }
      }
    }
    return Optional.ofNullable(rolesByName.get(literal.get()));
  }

  private Optional<PolicyDocument> policy(Hcl.Block b) {
    Optional<Hcl.Attribute> policy = b.body().attribute("policy");
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    ResourceRef ref = ResourceRef.of(address(b), b.label(0));
    PolicyNodes nodes = new PolicyNodes(ev, limits);
    Value v = ev.eval(policy.get().value(), Evaluator.in(module, Optional.of(b)));
    PolicyNodes.Doc doc = nodes.document(v, pointer(b, "policy"), data);
    return nodes.read(doc, PolicyDocument.Kind.IDENTITY, Optional.of(ref), policy.get().value().src().location());
  }

  /**
   * A policy document data source that no role or policy of the module uses: judged by its
   * content, as a bare policy file is (a trust policy when a statement names principals, a
   * resource policy when every such statement names resources, else an identity policy).
   */
  private void standalone(Hcl.Block b) {
    PolicyNodes nodes = new PolicyNodes(ev, limits);
    PolicyNodes.Doc doc = data.build(b, module, nodes);
    if (!(doc instanceof PolicyNodes.Parsed parsed) || !(parsed.node() instanceof ObjectNode root)) {
      return;
    }
    List<ObjectNode> statements = statements(root);
    boolean principals = statements.stream().anyMatch(s -> s.has("Principal") || s.has("NotPrincipal"));
    ResourceRef ref = ResourceRef.of(address(b), "aws_iam_policy_document");
    if (!principals) {
      nodes.read(doc, PolicyDocument.Kind.IDENTITY, Optional.of(ref), b.src().location()).ifPresent(d ->
          policies.add(new PolicyItem(new IdentityPolicy(Optional.of(ref), Optional.empty(), d), files(d, b))));
      return;
    }
    boolean resource = statements.stream().filter(s -> s.has("Principal") || s.has("NotPrincipal"))
        .allMatch(s -> s.has("Resource") || s.has("NotResource"));
    if (resource) {
      nodes.read(doc, PolicyDocument.Kind.RESOURCE, Optional.of(ref), b.src().location()).ifPresent(d ->
          resourcePolicies.add(new ResourceItem(d, files(d, b))));
      return;
    }
    nodes.read(doc, PolicyDocument.Kind.TRUST, Optional.of(ref), b.src().location()).ifPresent(d -> {
      Role role = new Role(Optional.of(ref), Optional.empty(), Optional.empty(), Optional.of(d), Optional.empty(),
          List.of(), b.src().location());
      roles.add(new RoleItem(role, files(d, b)));
    });
  }

  private static List<ObjectNode> statements(ObjectNode root) {
    Optional<Node> st = root.get("Statement");
    if (st.isEmpty()) {
      return List.of();
    }
    List<Node> items = st.get() instanceof ArrayNode a ? a.items() : List.of(st.get());
    return items.stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList();
  }

  private Optional<String> literal(Hcl.Block b, String attribute) {
    return b.body().attribute(attribute)
        .flatMap(a -> Values.known(ev.eval(a.value(), Evaluator.in(module, Optional.of(b))), ev));
  }

  private String pointer(Hcl.Block b, String attribute) {
    return "/" + b.type() + "/" + TreeReader.escape(b.label(0)) + "/" + TreeReader.escape(b.label(1)) + "/"
        + attribute;
  }

  private static Set<String> files(PolicyDocument doc, Hcl.Block block) {
    Set<String> out = new LinkedHashSet<>();
    out.add(block.src().file().display());
    out.addAll(files(doc));
    return out;
  }

  /** Every file an element of the document is written in. */
  static Set<String> files(PolicyDocument doc) {
    Set<String> out = new LinkedHashSet<>();
    out.add(doc.location().file());
    doc.problems().forEach(p -> out.add(p.location().file()));
    doc.version().ifPresent(v -> out.add(v.location().file()));
    doc.statements().forEach(s -> {
      out.add(s.location().file());
      s.principals().forEach(p -> out.add(p.location().file()));
      s.actions().forEach(a -> out.add(a.location().file()));
      s.resources().forEach(r -> out.add(r.location().file()));
      s.conditions().forEach(c -> {
        out.add(c.operatorText().location().file());
        out.add(c.key().location().file());
        c.values().forEach(v -> out.add(v.location().file()));
      });
    });
    return out;
  }
}
