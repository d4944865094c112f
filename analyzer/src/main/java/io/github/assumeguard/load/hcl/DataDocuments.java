package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON policy a {@code data "aws_iam_policy_document"} block produces, as the AWS provider
 * builds it: statements from {@code statement} blocks (and {@code dynamic "statement"} over known
 * collections), principals grouped by type, conditions grouped by test and variable, merged with
 * {@code source_policy_documents} and {@code override_policy_documents} by {@code sid}. Every node
 * is located at the HCL that wrote it.
 */
final class DataDocuments {

  private static final Set<String> DOCUMENT_ARGS = Set.of("version", "policy_id", "source_policy_documents",
      "override_policy_documents", "source_json", "override_json", "count", "for_each", "provider", "depends_on");
  private static final Set<String> STATEMENT_ARGS = Set.of("sid", "effect", "actions", "not_actions", "resources",
      "not_resources");
  private static final Set<String> STATEMENT_BLOCKS = Set.of("principals", "not_principals", "condition",
      "dynamic");
  private static final Set<String> PRINCIPAL_ARGS = Set.of("type", "identifiers");
  private static final Set<String> CONDITION_ARGS = Set.of("test", "variable", "values");

  private final Set<Hcl.Block> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Hcl.Block> building = Collections.newSetFromMap(new IdentityHashMap<>());

  /** True when some role, policy or other document used the block's JSON. */
  boolean consumed(Hcl.Block block) {
    return consumed.contains(block);
  }

  PolicyNodes.Doc build(Hcl.Block block, Module module, PolicyNodes nodes) {
    consumed.add(block);
    if (!building.add(block)) {
      return new PolicyNodes.Unknown();
    }
    try {
      return buildDocument(block, module, nodes);
    } finally {
      building.remove(block);
    }
  }

  private PolicyNodes.Doc buildDocument(Hcl.Block block, Module module, PolicyNodes nodes) {
    Evaluator ev = nodes.evaluator();
    Evaluator.Context ctx = Evaluator.in(module, Optional.of(block));
    String base = "/data/aws_iam_policy_document/" + TreeReader.escape(block.label(1));
    Hcl.Body body = block.body();
    unsupported(body, DOCUMENT_ARGS, "a policy document", nodes);

    List<ObjectNode> statements = new ArrayList<>();
    for (String arg : List.of("source_policy_documents", "source_json")) {
      Optional<List<ObjectNode>> source = others(body, arg, ctx, nodes);
      if (source.isEmpty()) {
        return new PolicyNodes.Unknown();
      }
      source.get().forEach(s -> merge(statements, s));
    }
    int index = 0;
    for (Hcl.Block b : body.blocks()) {
      if (b.type().equals("statement")) {
        merge(statements, statement(b, ctx, base + "/Statement/" + index++, nodes));
      } else if (b.type().equals("dynamic") && b.label(0).equals("statement")) {
        Optional<List<Evaluator.Context>> each = dynamic(b, ctx, ev);
        Optional<Hcl.Block> content = b.body().blocks("content").stream().findFirst();
        if (content.isEmpty()) {
          continue;
        }
        if (each.isEmpty()) {
          return new PolicyNodes.Unknown();
        }
        for (Evaluator.Context inner : each.get()) {
          merge(statements, statement(content.get(), inner, base + "/Statement/" + index++, nodes));
        }
      } else {
        nodes.problem(b.typeSrc().location(), "\"" + b.type() + "\" is not a block of a policy document; "
            + "Terraform rejects it (statements are written as \"statement\" blocks)");
      }
    }
    for (String arg : List.of("override_policy_documents", "override_json")) {
      Optional<List<ObjectNode>> override = others(body, arg, ctx, nodes);
      if (override.isEmpty()) {
        return new PolicyNodes.Unknown();
      }
      override.get().forEach(s -> merge(statements, s));
    }

    List<ObjectNode.Member> members = new ArrayList<>();
    Location at = block.src().location().withPointer(base);
    Optional<Hcl.Attribute> version = body.attribute("version");
    if (version.isPresent()) {
      members.add(member("Version", version.get(), ev.eval(version.get().value(), ctx), base, nodes));
    } else {
      Location v = block.typeSrc().location().withPointer(base + "/Version");
      members.add(new ObjectNode.Member("Version", v, new ScalarNode(v, ScalarNode.Type.STRING, "2012-10-17",
          Optional.empty())));
    }
    body.attribute("policy_id").ifPresent(a -> members.add(member("Id", a, ev.eval(a.value(), ctx), base, nodes)));
    Location stAt = block.src().location().withPointer(base + "/Statement");
    members.add(new ObjectNode.Member("Statement", stAt, new ArrayNode(stAt, List.copyOf(statements))));
    return new PolicyNodes.Parsed(new ObjectNode(at, members, List.of()), List.of());
  }

  /** A statement of the merged list replaces one with the same non-empty Sid, or is appended. */
  private static void merge(List<ObjectNode> statements, ObjectNode statement) {
    Optional<String> sid = statement.string("Sid").filter(s -> !s.isEmpty());
    if (sid.isPresent()) {
      for (int i = 0; i < statements.size(); i++) {
        if (sid.equals(statements.get(i).string("Sid"))) {
          statements.set(i, statement);
          return;
        }
      }
    }
    statements.add(statement);
  }

  /** The statements of the documents listed in {@code arg}; empty when any of them is unknown. */
  private Optional<List<ObjectNode>> others(Hcl.Body body, String arg, Evaluator.Context ctx, PolicyNodes nodes) {
    Optional<Hcl.Attribute> attr = body.attribute(arg);
    if (attr.isEmpty()) {
      return Optional.of(List.of());
    }
    Value v = nodes.evaluator().eval(attr.get().value(), ctx);
    List<Value> docs = v instanceof Value.Tuple t ? t.items() : List.of(v);
    if (v instanceof Value.Null) {
      return Optional.of(List.of());
    }
    List<ObjectNode> out = new ArrayList<>();
    for (Value d : docs) {
      PolicyNodes.Doc doc = nodes.document(d, "", this);
      if (!(doc instanceof PolicyNodes.Parsed parsed) || !(parsed.node() instanceof ObjectNode root)) {
        return Optional.empty();
      }
      Optional<Node> st = root.get("Statement");
      if (st.isPresent()) {
        List<Node> items = st.get() instanceof ArrayNode a ? a.items() : List.of(st.get());
        items.stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).forEach(out::add);
      }
    }
    return Optional.of(out);
  }

  /** The contexts a dynamic block's content is evaluated in; empty when its collection is unknown. */
  private static Optional<List<Evaluator.Context>> dynamic(Hcl.Block dyn, Evaluator.Context ctx, Evaluator ev) {
    Optional<Hcl.Attribute> forEach = dyn.body().attribute("for_each");
    if (forEach.isEmpty()) {
      return Optional.empty();
    }
    List<Map.Entry<Value, Value>> entries = Values.entries(ev.eval(forEach.get().value(), ctx));
    if (entries == null || entries.size() > 10_000) {
      return Optional.empty();
    }
    String iterator = dyn.body().attribute("iterator")
        .filter(a -> a.value() instanceof Hcl.Var)
        .map(a -> ((Hcl.Var) a.value()).name())
        .orElse(dyn.label(0));
    List<Evaluator.Context> out = new ArrayList<>();
    for (Map.Entry<Value, Value> e : entries) {
      Map<String, Value.Member> it = new LinkedHashMap<>();
      it.put("key", new Value.Member("key", e.getKey().location(), e.getKey()));
      it.put("value", new Value.Member("value", e.getValue().location(), e.getValue()));
      out.add(ctx.withScope(ctx.scope().with(Map.of(iterator, new Value.Obj(it, dyn.src().location())))));
    }
    return Optional.of(out);
  }

  private ObjectNode statement(Hcl.Block block, Evaluator.Context ctx, String pointer, PolicyNodes nodes) {
    Evaluator ev = nodes.evaluator();
    Hcl.Body body = block.body();
    unsupported(body, STATEMENT_ARGS, "a statement", nodes);
    for (Hcl.Block b : body.blocks()) {
      if (!STATEMENT_BLOCKS.contains(b.type())) {
        String hint = STATEMENT_BLOCKS.contains(b.type() + "s") ? "; write \"" + b.type() + "s\"" : "";
        nodes.problem(b.typeSrc().location(), "\"" + b.type() + "\" is not a block of a statement, so Terraform "
            + "rejects the configuration" + hint);
      }
    }
    List<ObjectNode.Member> members = new ArrayList<>();
    body.attribute("sid").ifPresent(a -> members.add(member("Sid", a, ev.eval(a.value(), ctx), pointer, nodes)));
    Optional<Hcl.Attribute> effect = body.attribute("effect");
    if (effect.isPresent()) {
      members.add(member("Effect", effect.get(), ev.eval(effect.get().value(), ctx), pointer, nodes));
    } else {
      Location at = block.typeSrc().location().withPointer(pointer + "/Effect");
      members.add(new ObjectNode.Member("Effect", at, new ScalarNode(at, ScalarNode.Type.STRING, "Allow",
          Optional.empty())));
    }
    principals(block, "principals", "Principal", ctx, pointer, nodes).ifPresent(members::add);
    principals(block, "not_principals", "NotPrincipal", ctx, pointer, nodes).ifPresent(members::add);
    for (String[] pair : new String[][] {{"actions", "Action"}, {"not_actions", "NotAction"},
        {"resources", "Resource"}, {"not_resources", "NotResource"}}) {
      body.attribute(pair[0]).ifPresent(a -> members.add(member(pair[1], a, ev.eval(a.value(), ctx), pointer, nodes)));
    }
    conditions(block, ctx, pointer, nodes).ifPresent(members::add);
    return new ObjectNode(block.src().location().withPointer(pointer), members, List.of());
  }

  private static ObjectNode.Member member(String key, Hcl.Attribute attr, Value value, String pointer,
      PolicyNodes nodes) {
    String child = pointer + "/" + key;
    return new ObjectNode.Member(key, attr.nameSrc().location().withPointer(child),
        nodes.node(value, child, "/Statement/0/" + key));
  }

  /** The blocks of {@code type} in the statement, with dynamic ones over known collections expanded. */
  private static List<Map.Entry<Hcl.Block, Evaluator.Context>> blocks(Hcl.Block statement, String type,
      Evaluator.Context ctx, Evaluator ev, List<Hcl.Block> unknownDynamic) {
    List<Map.Entry<Hcl.Block, Evaluator.Context>> out = new ArrayList<>();
    for (Hcl.Block b : statement.body().blocks()) {
      if (b.type().equals(type)) {
        out.add(Map.entry(b, ctx));
      } else if (b.type().equals("dynamic") && b.label(0).equals(type)) {
        Optional<Hcl.Block> content = b.body().blocks("content").stream().findFirst();
        Optional<List<Evaluator.Context>> each = dynamic(b, ctx, ev);
        if (content.isEmpty()) {
          continue;
        }
        if (each.isEmpty()) {
          unknownDynamic.add(b);
          continue;
        }
        each.get().forEach(c -> out.add(Map.entry(content.get(), c)));
      }
    }
    return out;
  }

  private Optional<ObjectNode.Member> principals(Hcl.Block statement, String type, String key,
      Evaluator.Context ctx, String pointer, PolicyNodes nodes) {
    Evaluator ev = nodes.evaluator();
    List<Hcl.Block> unknownDynamic = new ArrayList<>();
    List<Map.Entry<Hcl.Block, Evaluator.Context>> blocks = blocks(statement, type, ctx, ev, unknownDynamic);
    if (blocks.isEmpty() && unknownDynamic.isEmpty()) {
      return Optional.empty();
    }
    String child = pointer + "/" + key;
    Hcl.Block first = !blocks.isEmpty() ? blocks.get(0).getKey() : unknownDynamic.get(0);
    Location keyAt = first.typeSrc().location().withPointer(child);
    Location valueAt = first.src().location().withPointer(child);
    Map<String, List<Node>> byType = new LinkedHashMap<>();
    Map<String, Location> typeAt = new LinkedHashMap<>();
    for (Map.Entry<Hcl.Block, Evaluator.Context> e : blocks) {
      Hcl.Block b = e.getKey();
      unsupported(b.body(), PRINCIPAL_ARGS, "a " + type + " block", nodes);
      Optional<Hcl.Attribute> typeAttr = b.body().attribute("type");
      Optional<Hcl.Attribute> ids = b.body().attribute("identifiers");
      Value typeValue = typeAttr.map(a -> ev.eval(a.value(), e.getValue())).orElse(null);
      Optional<String> principalType = typeValue == null ? Optional.empty() : Values.known(typeValue, ev);
      String shownType = principalType.orElse("AWS");
      String typePointer = child + "/" + TreeReader.escape(shownType);
      List<Node> list = byType.computeIfAbsent(shownType, k -> new ArrayList<>());
      typeAt.putIfAbsent(shownType, typeAttr.map(a -> a.value().src().location()).orElse(b.typeSrc().location())
          .withPointer(typePointer));
      if (ids.isEmpty()) {
        continue;
      }
      Value idValue = ev.eval(ids.get().value(), e.getValue());
      List<Value> items = idValue instanceof Value.Tuple t ? t.items() : List.of(idValue);
      for (Value item : items) {
        Node n = nodes.node(item, typePointer + "/" + list.size(), "/Statement/0/" + key + "/x/0");
        if (principalType.isEmpty() && n instanceof ScalarNode s) {
          nodes.unknown(s.location(), typeValue == null ? s.text() : ev.display(typeValue) + " " + s.text());
        }
        list.add(n);
      }
    }
    for (Hcl.Block dyn : unknownDynamic) {
      String typePointer = child + "/AWS";
      List<Node> list = byType.computeIfAbsent("AWS", k -> new ArrayList<>());
      typeAt.putIfAbsent("AWS", dyn.src().location().withPointer(typePointer));
      Location at = dyn.src().location().withPointer(typePointer + "/" + list.size());
      list.add(nodes.unknownNode("dynamic \"" + type + "\"", at, "/Statement/0/" + key + "/x/0"));
    }
    if (byType.size() == 1 && byType.containsKey("*") && byType.get("*").size() == 1
        && byType.get("*").get(0) instanceof ScalarNode star && "*".equals(star.text())) {
      return Optional.of(new ObjectNode.Member(key, keyAt, new ScalarNode(star.location().withPointer(child),
          ScalarNode.Type.STRING, "*", Optional.empty())));
    }
    List<ObjectNode.Member> members = new ArrayList<>();
    byType.forEach((t, list) -> {
      Location at = typeAt.get(t);
      Node value = list.size() == 1 ? list.get(0) : new ArrayNode(at, list);
      members.add(new ObjectNode.Member(t, at, value));
    });
    return Optional.of(new ObjectNode.Member(key, keyAt, new ObjectNode(valueAt, members, List.of())));
  }

  private Optional<ObjectNode.Member> conditions(Hcl.Block statement, Evaluator.Context ctx, String pointer,
      PolicyNodes nodes) {
    Evaluator ev = nodes.evaluator();
    List<Hcl.Block> unknownDynamic = new ArrayList<>();
    List<Map.Entry<Hcl.Block, Evaluator.Context>> blocks = blocks(statement, "condition", ctx, ev, unknownDynamic);
    if (blocks.isEmpty() && unknownDynamic.isEmpty()) {
      return Optional.empty();
    }
    String child = pointer + "/Condition";
    Hcl.Block first = !blocks.isEmpty() ? blocks.get(0).getKey() : unknownDynamic.get(0);
    Location keyAt = first.typeSrc().location().withPointer(child);
    Location valueAt = first.src().location().withPointer(child);
    Map<String, Location> testAt = new LinkedHashMap<>();
    Map<String, Location> testBlockAt = new LinkedHashMap<>();
    Map<String, Map<String, Location>> variableAt = new LinkedHashMap<>();
    Map<String, Map<String, List<Node>>> tests = new LinkedHashMap<>();
    for (Map.Entry<Hcl.Block, Evaluator.Context> e : blocks) {
      Hcl.Block b = e.getKey();
      unsupported(b.body(), CONDITION_ARGS, "a condition block", nodes);
      Optional<Hcl.Attribute> testAttr = b.body().attribute("test");
      Optional<Hcl.Attribute> varAttr = b.body().attribute("variable");
      Optional<Hcl.Attribute> valuesAttr = b.body().attribute("values");
      if (testAttr.isEmpty() || varAttr.isEmpty() || valuesAttr.isEmpty()) {
        nodes.problem(b.typeSrc().location(), "a condition block needs \"test\", \"variable\" and \"values\"; "
            + "Terraform rejects it");
        continue;
      }
      Value testValue = ev.eval(testAttr.get().value(), e.getValue());
      Value varValue = ev.eval(varAttr.get().value(), e.getValue());
      String test = Values.string(testValue, ev).map(ev::display).orElse(ev.display(testValue));
      String variable = Values.string(varValue, ev).map(ev::display).orElse(ev.display(varValue));
      String testPointer = child + "/" + TreeReader.escape(test);
      String varPointer = testPointer + "/" + TreeReader.escape(variable);
      if (!testAt.containsKey(test)) {
        Location at = testAttr.get().value().src().location().withPointer(testPointer);
        testAt.put(test, at);
        testBlockAt.put(test, b.src().location().withPointer(testPointer));
        if (Values.known(testValue, ev).isEmpty()) {
          nodes.unknown(at, test);
        }
      }
      Map<String, Location> vars = variableAt.computeIfAbsent(test, k -> new LinkedHashMap<>());
      if (!vars.containsKey(variable)) {
        Location at = varAttr.get().value().src().location().withPointer(varPointer);
        vars.put(variable, at);
        if (Values.known(varValue, ev).isEmpty()) {
          nodes.unknown(at, variable);
        }
      }
      List<Node> list = tests.computeIfAbsent(test, k -> new LinkedHashMap<>())
          .computeIfAbsent(variable, k -> new ArrayList<>());
      Value values = ev.eval(valuesAttr.get().value(), e.getValue());
      List<Value> items = values instanceof Value.Tuple t ? t.items() : List.of(values);
      for (Value item : items) {
        list.add(nodes.node(item, varPointer + "/" + list.size(), "/Statement/0/Condition/op/key/0"));
      }
    }
    List<ObjectNode.Member> members = new ArrayList<>();
    tests.forEach((test, vars) -> {
      List<ObjectNode.Member> inner = new ArrayList<>();
      vars.forEach((variable, list) -> {
        Location at = variableAt.get(test).get(variable);
        inner.add(new ObjectNode.Member(variable, at, new ArrayNode(at, list)));
      });
      members.add(new ObjectNode.Member(test, testAt.get(test), new ObjectNode(testBlockAt.get(test), inner, List.of())));
    });
    for (Hcl.Block dyn : unknownDynamic) {
      Location at = dyn.src().location().withPointer(child + "/dynamic");
      String shown = "dynamic \"condition\"";
      nodes.unknown(at, shown);
      Node tests2 = nodes.unknownNode(shown, at, "/Statement/0/Condition/op");
      members.add(new ObjectNode.Member(shown, at, tests2));
    }
    return Optional.of(new ObjectNode.Member("Condition", keyAt, new ObjectNode(valueAt, members, List.of())));
  }

  /** Reports arguments the provider does not know in a block (Terraform rejects them). */
  private static void unsupported(Hcl.Body body, Set<String> known, String where, PolicyNodes nodes) {
    for (Hcl.Attribute a : body.attributes()) {
      if (known.contains(a.name())) {
        continue;
      }
      String hint = known.contains(a.name() + "s") ? "; write \"" + a.name() + "s\"" : "";
      nodes.problem(a.nameSrc().location(), "\"" + a.name() + "\" is not an argument of " + where
          + ", so Terraform rejects the configuration" + hint);
    }
  }
}
