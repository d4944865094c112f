package io.github.assumeguard.load.cfn;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates CloudFormation intrinsic functions where the template alone decides the result, and
 * leaves every other call unknown. Short forms ({@code !Sub}) and long forms ({@code {"Fn::Sub": ...}})
 * are the same call. Known: the pseudo parameters {@code AWS::AccountId}, {@code AWS::Partition}
 * and {@code AWS::Region} as symbols, {@code Ref}/{@code Fn::GetAtt ... Arn} of an OIDC provider
 * declared in the template, and {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split} and {@code Fn::FindInMap} over known parts. Parameters, imports, conditions
 * and other resources' attributes are unknown: the tool never guesses a deployed value.
 */
final class Intrinsics {

  /** YAML short-form tags and the function each one stands for. */
  private static final Map<String, String> SHORT_FORMS = shortForms();

  private static final Set<String> OIDC_PROVIDER_TYPES = Set.of("AWS::IAM::OIDCProvider",
      "Custom::AWSCDKOpenIdConnectProvider");

  private final ObjectNode resources;
  private final ObjectNode mappings;
  private final Map<String, Value> providerArns = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Set<Node> unknowns = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The result of evaluating a value. */
  sealed interface Value permits Str, Strs, NoValue, Unknown {
  }

  /** A known string. */
  record Str(String value) implements Value {
  }

  /** A known list of strings. */
  record Strs(List<String> values) implements Value {
  }

  /** {@code AWS::NoValue}: the property or list item is removed. */
  record NoValue() implements Value {
  }

  /** Anything the template alone does not decide. */
  record Unknown() implements Value {
  }

  /** A function call: its name in long form, its argument, and the node that holds it. */
  record Call(String function, Node argument, Node node) {
  }

  Intrinsics(ObjectNode template) {
    this.resources = template.object("Resources").orElse(empty(template.location()));
    this.mappings = template.object("Mappings").orElse(empty(template.location()));
  }

  private static ObjectNode empty(Location at) {
    return new ObjectNode(at, List.of(), List.of());
  }

  private static Map<String, String> shortForms() {
    Map<String, String> forms = new HashMap<>();
    for (String name : List.of("Sub", "GetAtt", "Join", "If", "Select", "Split", "FindInMap", "ImportValue",
        "Base64", "Cidr", "GetAZs", "Equals", "Not", "And", "Or", "Transform", "Length", "ToJsonString")) {
      forms.put(name, "Fn::" + name);
    }
    forms.put("Ref", "Ref");
    forms.put("Condition", "Condition");
    return Map.copyOf(forms);
  }

  /** The call a node makes, in either form; empty for a plain value. */
  static Optional<Call> call(Node node) {
    Optional<String> tag = tag(node);
    if (tag.isPresent() && SHORT_FORMS.containsKey(tag.get())) {
      return Optional.of(new Call(SHORT_FORMS.get(tag.get()), untagged(node), node));
    }
    if (node instanceof ObjectNode obj && obj.members().size() == 1) {
      ObjectNode.Member only = obj.members().get(0);
      if (only.key().equals("Ref") || only.key().startsWith("Fn::")) {
        return Optional.of(new Call(only.key(), only.value(), node));
      }
    }
    return Optional.empty();
  }

  /** True for a node that makes a call (in the source as written). */
  static boolean isCall(Node node) {
    return call(node).isPresent();
  }

  /** True for a node that {@link #resolve} left as an unknown call. */
  boolean isUnknown(Node resolved) {
    return unknowns.contains(resolved);
  }

  private static Optional<String> tag(Node node) {
    if (node instanceof ScalarNode s) {
      return s.tag();
    }
    if (node instanceof ArrayNode a) {
      return a.tag();
    }
    return ((ObjectNode) node).tag();
  }

  private static Node untagged(Node node) {
    if (node instanceof ScalarNode s) {
      return new ScalarNode(s.location(), s.type(), s.text(), Optional.empty());
    }
    if (node instanceof ArrayNode a) {
      return new ArrayNode(a.location(), a.items(), Optional.empty());
    }
    ObjectNode o = (ObjectNode) node;
    return new ObjectNode(o.location(), o.members(), o.duplicates(), Optional.empty());
  }

  /**
   * The node with every call replaced: a known string by a string at the call's location, a known
   * list by a list, {@code AWS::NoValue} by nothing (empty), anything else by the call in long form
   * ({@code {"Fn::If": [...]}}), which the policy reader takes as an unknown value and
   * {@link #isUnknown} recognises. YAML tags that
   * are not CloudFormation functions are dropped: they never construct anything.
   */
  Optional<Node> resolve(Node node) {
    Optional<Call> call = call(node);
    if (call.isPresent()) {
      Value value = eval(call.get());
      Location at = node.location();
      if (value instanceof Str s) {
        return Optional.of(new ScalarNode(at, ScalarNode.Type.STRING, s.value(), Optional.empty()));
      }
      if (value instanceof Strs list) {
        return Optional.of(new ArrayNode(at, list.values().stream()
            .map(v -> (Node) new ScalarNode(at, ScalarNode.Type.STRING, v, Optional.empty())).toList()));
      }
      if (value instanceof NoValue) {
        return Optional.empty();
      }
      ObjectNode unknown = new ObjectNode(at, List.of(new ObjectNode.Member(call.get().function(), at,
          call.get().argument())), List.of());
      unknowns.add(unknown);
      return Optional.of(unknown);
    }
    if (node instanceof ObjectNode obj) {
      List<ObjectNode.Member> members = new ArrayList<>();
      for (ObjectNode.Member m : obj.members()) {
        resolve(m.value()).ifPresent(v -> members.add(new ObjectNode.Member(m.key(), m.keyLocation(), v)));
      }
      return Optional.of(new ObjectNode(obj.location(), members, obj.duplicates()));
    }
    if (node instanceof ArrayNode arr) {
      List<Node> items = new ArrayList<>();
      for (Node item : arr.items()) {
        resolve(item).ifPresent(items::add);
      }
      return Optional.of(new ArrayNode(arr.location(), items));
    }
    return Optional.of(untagged(node));
  }

  /** The known string a node evaluates to. */
  Optional<String> string(Node node) {
    return value(node) instanceof Str s ? Optional.of(s.value()) : Optional.empty();
  }

  /** What a node evaluates to. */
  Value value(Node node) {
    Optional<Call> call = call(node);
    if (call.isPresent()) {
      return eval(call.get());
    }
    if (node instanceof ScalarNode s) {
      return s.type() == ScalarNode.Type.NULL ? new Unknown() : new Str(s.text());
    }
    if (node instanceof ArrayNode arr) {
      List<String> out = new ArrayList<>();
      for (Node item : arr.items()) {
        Value v = value(item);
        if (v instanceof Str s) {
          out.add(s.value());
        } else if (!(v instanceof NoValue)) {
          return new Unknown();
        }
      }
      return new Strs(out);
    }
    return new Unknown();
  }

  private Value eval(Call call) {
    return switch (call.function()) {
      case "Ref" -> ref(call.argument());
      case "Fn::GetAtt" -> getAtt(call.argument());
      case "Fn::Sub" -> sub(call.argument());
      case "Fn::Join" -> join(call.argument());
      case "Fn::Select" -> select(call.argument());
      case "Fn::Split" -> split(call.argument());
      case "Fn::FindInMap" -> findInMap(call.argument());
      default -> new Unknown();
    };
  }

  private Value ref(Node argument) {
    if (!(argument instanceof ScalarNode s) || !s.isString()) {
      return new Unknown();
    }
    return refTo(s.text());
  }

  private Value refTo(String name) {
    switch (name) {
      case "AWS::AccountId":
        return new Str(Arn.OWN_ACCOUNT);
      case "AWS::Partition":
        return new Str(Arn.OWN_PARTITION);
      case "AWS::Region":
        return new Str(Arn.OWN_REGION);
      case "AWS::NoValue":
        return new NoValue();
      default:
        return isOidcProvider(name) ? providerArn(name) : new Unknown();
    }
  }

  private Value getAtt(Node argument) {
    String resource;
    Node attribute;
    if (argument instanceof ScalarNode s && s.isString()) {
      int dot = s.text().indexOf('.');
      if (dot < 0) {
        return new Unknown();
      }
      resource = s.text().substring(0, dot);
      attribute = new ScalarNode(s.location(), ScalarNode.Type.STRING, s.text().substring(dot + 1), Optional.empty());
    } else if (argument instanceof ArrayNode arr && arr.items().size() == 2
        && arr.items().get(0) instanceof ScalarNode first && first.isString()) {
      resource = first.text();
      attribute = arr.items().get(1);
    } else {
      return new Unknown();
    }
    Optional<String> name = string(attribute);
    if (name.isPresent() && name.get().equals("Arn") && isOidcProvider(resource)) {
      return providerArn(resource);
    }
    return new Unknown();
  }

  private boolean isOidcProvider(String logicalId) {
    return resources.object(logicalId).flatMap(r -> r.string("Type")).filter(OIDC_PROVIDER_TYPES::contains).isPresent();
  }

  /** {@code arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/HOST} from the provider's Url. */
  private Value providerArn(String logicalId) {
    Value known = providerArns.get(logicalId);
    if (known != null) {
      return known;
    }
    if (!evaluating.add(logicalId)) {
      return new Unknown();
    }
    Value result = resources.object(logicalId)
        .flatMap(r -> r.object("Properties"))
        .flatMap(p -> p.get("Url"))
        .flatMap(this::string)
        .map(Intrinsics::host)
        .filter(h -> !h.isEmpty())
        .<Value>map(h -> new Str("arn:" + Arn.OWN_PARTITION + ":iam::" + Arn.OWN_ACCOUNT + ":oidc-provider/" + h))
        .orElse(new Unknown());
    evaluating.remove(logicalId);
    providerArns.put(logicalId, result);
    return result;
  }

  private static String host(String url) {
    String host = url.strip();
    if (host.toLowerCase(Locale.ROOT).startsWith("https://")) {
      host = host.substring("https://".length());
    }
    while (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    return host;
  }

  private Value sub(Node argument) {
    Node template = argument;
    Optional<ObjectNode> variables = Optional.empty();
    if (argument instanceof ArrayNode arr) {
      if (arr.items().size() != 2 || !(arr.items().get(1) instanceof ObjectNode vars)) {
        return new Unknown();
      }
      template = arr.items().get(0);
      variables = Optional.of(vars);
    }
    if (!(template instanceof ScalarNode s) || !s.isString()) {
      return new Unknown();
    }
    String text = s.text();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open);
      String name = text.substring(open + 2, close);
      if (name.startsWith("!")) {
        out.append("${").append(name.substring(1)).append('}');
      } else {
        Value v = variable(name.strip(), variables);
        if (!(v instanceof Str str)) {
          return new Unknown();
        }
        out.append(str.value());
      }
      i = close + 1;
    }
    return new Str(out.toString());
  }

  private Value variable(String name, Optional<ObjectNode> variables) {
    Optional<Node> given = variables.flatMap(v -> v.get(name));
    if (given.isPresent()) {
      return value(given.get());
    }
    int dot = name.indexOf('.');
    if (dot > 0 && !name.contains("::")) {
      String resource = name.substring(0, dot);
      return name.substring(dot + 1).equals("Arn") && isOidcProvider(resource) ? providerArn(resource)
          : new Unknown();
    }
    return refTo(name);
  }

  private Value join(Node argument) {
    if (!(argument instanceof ArrayNode arr) || arr.items().size() != 2) {
      return new Unknown();
    }
    Optional<String> delimiter = string(arr.items().get(0));
    Value parts = value(arr.items().get(1));
    if (delimiter.isEmpty() || !(parts instanceof Strs list)) {
      return new Unknown();
    }
    return new Str(String.join(delimiter.get(), list.values()));
  }

  private Value select(Node argument) {
    if (!(argument instanceof ArrayNode arr) || arr.items().size() != 2) {
      return new Unknown();
    }
    Optional<String> index = string(arr.items().get(0));
    Value list = value(arr.items().get(1));
    if (index.isEmpty() || !index.get().matches("\\d{1,9}") || !(list instanceof Strs items)) {
      return new Unknown();
    }
    int i = Integer.parseInt(index.get());
    return i < items.values().size() ? new Str(items.values().get(i)) : new Unknown();
  }

  private Value split(Node argument) {
    if (!(argument instanceof ArrayNode arr) || arr.items().size() != 2) {
      return new Unknown();
    }
    Optional<String> delimiter = string(arr.items().get(0));
    Optional<String> source = string(arr.items().get(1));
    if (delimiter.isEmpty() || delimiter.get().isEmpty() || source.isEmpty()) {
      return new Unknown();
    }
    List<String> parts = new ArrayList<>();
    String text = source.get();
    String sep = delimiter.get();
    int start = 0;
    for (int at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, start)) {
      parts.add(text.substring(start, at));
      start = at + sep.length();
    }
    parts.add(text.substring(start));
    return new Strs(parts);
  }

  private Value findInMap(Node argument) {
    if (!(argument instanceof ArrayNode arr) || arr.items().size() < 3) {
      return new Unknown();
    }
    Optional<String> map = string(arr.items().get(0));
    Optional<String> top = string(arr.items().get(1));
    Optional<String> second = string(arr.items().get(2));
    if (map.isEmpty() || top.isEmpty() || second.isEmpty()) {
      return new Unknown();
    }
    return mappings.object(map.get()).flatMap(m -> m.object(top.get())).flatMap(m -> m.get(second.get()))
        .map(this::value).orElse(new Unknown());
  }
}
