package io.github.assumeguard.load.cfn;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.IdentityPolicy;
import io.github.assumeguard.model.InlineSuppression;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Text;
import io.github.assumeguard.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * CloudFormation templates (JSON and YAML, SAM, CDK output): roles with their trust policy,
 * {@code MaxSessionDuration} and inline policies; stand-alone policies, and users' and groups'
 * inline policies; SAM functions' and state machines' implicit roles; and the suppressions written
 * in each resource's {@code Metadata}. Every element keeps its position in the template.
 */
public final class CloudFormation {

  private static final String ROLE = "AWS::IAM::Role";
  /** Templates with at least this many resources are read in parallel slices. */
  private static final int PARALLEL_RESOURCES = 64;
  private static final Set<String> POLICY_TYPES = Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
      "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy");
  private static final Set<String> INLINE_POLICY_OWNERS = Set.of("AWS::IAM::User", "AWS::IAM::Group");
  private static final Set<String> SERVERLESS = Set.of("AWS::Serverless::Function", "AWS::Serverless::StateMachine");

  /** Text that marks a YAML file as meant to be a template even when it does not parse. */
  private static final Pattern TEMPLATE_MARK = Pattern.compile(
      "AWSTemplateFormatVersion|\\bType['\"]?\\s*:\\s*['\"]?AWS::[A-Za-z0-9]+::");

  private CloudFormation() {
  }

  /** True when the root is a template: {@code Resources} with {@code AWS::} types. */
  public static boolean isTemplate(ObjectNode root) {
    return root.object("Resources").map(resources -> resources.members().stream()
        .anyMatch(m -> m.value() instanceof ObjectNode r && r.string("Type").filter(t -> t.startsWith("AWS::")).isPresent()))
        .orElse(false);
  }

  /** True when a text that does not parse was evidently meant as a template (so its error is reported). */
  public static boolean looksLikeTemplate(String text) {
    return TEMPLATE_MARK.matcher(text).find();
  }

  /**
   * The roles and policies of a template. A template with many resources is read in slices on
   * every core, each slice with its own reader (intrinsic evaluation keeps per-reader state); the
   * slices are merged in template order.
   */
  public static Workspace load(String file, ObjectNode root, String text, Limits limits) {
    List<ObjectNode.Member> resources = root.object("Resources").orElseThrow().members();
    int slices = resources.size() < PARALLEL_RESOURCES ? 1
        : Math.min(resources.size() / (PARALLEL_RESOURCES / 2), 4 * Runtime.getRuntime().availableProcessors());
    List<TemplateReader> readers = IntStream.range(0, slices).parallel().mapToObj(i -> {
      TemplateReader reader = new TemplateReader(file, root, limits);
      reader.read(resources.subList(i * resources.size() / slices, (i + 1) * resources.size() / slices));
      return reader;
    }).toList();
    List<Role> roles = new ArrayList<>();
    List<IdentityPolicy> policies = new ArrayList<>();
    List<InlineSuppression> suppressions = new ArrayList<>();
    for (TemplateReader reader : readers) {
      roles.addAll(reader.roles);
      policies.addAll(reader.policies);
      suppressions.addAll(reader.suppressions);
    }
    return new Workspace(file, roles, policies, List.of(), suppressions);
  }

  /** One template being read. */
  private static final class TemplateReader {

    private final String file;
    private final ObjectNode root;
    private final Intrinsics intrinsics;
    private final Documents documents;
    private final List<Role> roles = new ArrayList<>();
    private final List<IdentityPolicy> policies = new ArrayList<>();
    private final List<InlineSuppression> suppressions = new ArrayList<>();

    TemplateReader(String file, ObjectNode root, Limits limits) {
      this.file = file;
      this.root = root;
      this.intrinsics = new Intrinsics(root);
      this.documents = new Documents(intrinsics, limits);
    }

    void read(List<ObjectNode.Member> resources) {
      for (ObjectNode.Member member : resources) {
        if (member.value() instanceof ObjectNode resource) {
          resource(member.key(), resource);
        }
      }
    }

    private void resource(String id, ObjectNode resource) {
      Optional<String> type = resource.string("Type");
      if (type.isEmpty()) {
        return;
      }
      Optional<ObjectNode> metadata = resource.object("Metadata");
      ResourceRef ref = new ResourceRef(id, type.get(), metadata.flatMap(m -> m.string("aws:cdk:path")));
      metadata.ifPresent(m -> suppressions(m, ref));
      ObjectNode properties = resource.object("Properties")
          .orElse(new ObjectNode(resource.location(), List.of(), List.of()));
      if (type.get().equals(ROLE)) {
        role(id, ref, resource, properties);
      } else if (POLICY_TYPES.contains(type.get())) {
        Optional<String> name = literal(properties, "ManagedPolicyName").or(() -> literal(properties, "PolicyName"));
        properties.get("PolicyDocument")
            .flatMap(d -> documents.read(d, PolicyDocument.Kind.IDENTITY, ref))
            .ifPresent(doc -> policies.add(new IdentityPolicy(Optional.of(ref), name.or(() -> Optional.of(id)), doc)));
      } else if (INLINE_POLICY_OWNERS.contains(type.get())) {
        for (NamedDocument inline : inlinePolicies(properties, ref)) {
          policies.add(new IdentityPolicy(Optional.of(ref), inline.name(), inline.document()));
        }
      } else if (SERVERLESS.contains(type.get())) {
        serverless(id, ref, resource, properties);
      }
    }

    private void role(String id, ResourceRef ref, ObjectNode resource, ObjectNode properties) {
      Optional<PolicyDocument> trust = properties.get("AssumeRolePolicyDocument")
          .flatMap(d -> documents.read(d, PolicyDocument.Kind.TRUST, ref));
      Optional<Text> duration = properties.get("MaxSessionDuration").flatMap(this::text);
      List<PolicyDocument> inline = inlinePolicies(properties, ref).stream().map(NamedDocument::document).toList();
      String name = literal(properties, "RoleName").orElse(id);
      roles.add(new Role(Optional.of(ref), Optional.of(name), Optional.of(Arn.OWN_ACCOUNT), trust, duration,
          inline, resource.location()));
    }

    /**
     * SAM: without a {@code Role} property, SAM creates the role {@code <LogicalId>Role}: its trust
     * is {@code AssumeRolePolicyDocument} (of the function, else of {@code Globals.Function}), its
     * policies the inline documents among {@code Policies} (managed policy names and SAM policy
     * templates are not documents).
     */
    private void serverless(String id, ResourceRef ref, ObjectNode resource, ObjectNode properties) {
      if (properties.has("Role")) {
        return;
      }
      Optional<Node> trustNode = properties.get("AssumeRolePolicyDocument");
      if (trustNode.isEmpty() && ref.type().equals("AWS::Serverless::Function")) {
        trustNode = root.object("Globals").flatMap(g -> g.object("Function"))
            .flatMap(f -> f.get("AssumeRolePolicyDocument"));
      }
      Optional<PolicyDocument> trust = trustNode.flatMap(d -> documents.read(d, PolicyDocument.Kind.TRUST, ref));
      List<PolicyDocument> inline = new ArrayList<>();
      Optional<Node> policiesNode = properties.get("Policies");
      if (policiesNode.isPresent()) {
        List<Node> items = policiesNode.get() instanceof ArrayNode arr && !Intrinsics.isCall(arr)
            ? arr.items() : List.of(policiesNode.get());
        for (Node item : items) {
          if (item instanceof ObjectNode obj && !Intrinsics.isCall(obj) && obj.has("Statement")) {
            documents.read(obj, PolicyDocument.Kind.IDENTITY, ref).ifPresent(inline::add);
          }
        }
      }
      if (trust.isEmpty() && inline.isEmpty()) {
        return;
      }
      roles.add(new Role(Optional.of(ref), Optional.of(id + "Role"), Optional.of(Arn.OWN_ACCOUNT), trust,
          Optional.empty(), inline, resource.location()));
    }

    /** A policy document and the name it was given. */
    private record NamedDocument(Optional<String> name, PolicyDocument document) {
    }

    /** {@code Policies: [{PolicyName, PolicyDocument}]} of a role, user or group. */
    private List<NamedDocument> inlinePolicies(ObjectNode properties, ResourceRef ref) {
      List<NamedDocument> out = new ArrayList<>();
      Optional<Node> list = properties.get("Policies");
      if (list.isEmpty() || !(list.get() instanceof ArrayNode arr) || Intrinsics.isCall(arr)) {
        return out;
      }
      for (Node item : arr.items()) {
        if (!(item instanceof ObjectNode policy) || Intrinsics.isCall(policy)) {
          continue;
        }
        Optional<String> name = literal(policy, "PolicyName");
        policy.get("PolicyDocument")
            .flatMap(d -> documents.read(d, PolicyDocument.Kind.IDENTITY, ref))
            .ifPresent(doc -> out.add(new NamedDocument(name, doc)));
      }
      return out;
    }

    /** A property's known string value. */
    private Optional<String> literal(ObjectNode obj, String key) {
      return obj.get(key).flatMap(intrinsics::string);
    }

    /** A scalar property as text: known when the template decides it, else unknown. */
    private Optional<Text> text(Node node) {
      if (node instanceof ScalarNode s && s.type() == ScalarNode.Type.NULL) {
        return Optional.empty();
      }
      Optional<String> known = intrinsics.string(node);
      if (known.isPresent()) {
        return Optional.of(Text.of(known.get(), node.location()));
      }
      String shown = Intrinsics.call(node).map(c -> "{" + c.function() + ": ...}").orElse(node.typeName());
      return Optional.of(Text.unknown(shown, node.location()));
    }

    /** {@code Metadata: {assumeguard: {suppress: [{rule, reason}]}}}. */
    private void suppressions(ObjectNode metadata, ResourceRef ref) {
      Optional<Node> suppress = metadata.object("assumeguard").flatMap(a -> a.get("suppress"));
      if (suppress.isEmpty()) {
        return;
      }
      List<Node> entries = suppress.get() instanceof ArrayNode arr ? arr.items() : List.of(suppress.get());
      for (Node entry : entries) {
        if (!(entry instanceof ObjectNode obj)) {
          continue;
        }
        Optional<String> rule = obj.string("rule");
        if (rule.isEmpty()) {
          continue;
        }
        Optional<String> reason = obj.get("reason").filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
            .filter(s -> s.type() != ScalarNode.Type.NULL).map(ScalarNode::text);
        suppressions.add(new InlineSuppression(rule.get().strip(), reason, Optional.of(ref), Optional.empty(),
            obj.location()));
      }
    }
  }
}
