package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.model.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in functions the loader works out statically: the pure ones on known arguments
 * ({@code jsonencode}, {@code format}, {@code concat}, {@code merge}, ...) and {@code file} /
 * {@code templatefile} on files of the module. Any other function, or an unknown argument,
 * gives an unknown value.
 */
final class Functions {

  private Functions() {
  }

  static Value call(Evaluator ev, Hcl.Call call, Evaluator.Context ctx) {
    List<Value> args = new ArrayList<>();
    for (Hcl.Expr a : call.args()) {
      args.add(ev.eval(a, ctx));
    }
    if (call.expandLast() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (!(last instanceof Value.Tuple t)) {
        return Evaluator.unknown(call);
      }
      args.addAll(t.items());
    }
    Location at = call.src().location();
    int size = 0;
    for (Value a : args) {
      size += a instanceof Value.Tuple t ? t.items().size() : a instanceof Value.Obj o ? o.members().size() : 1;
    }
    if (size > 10_000 || !ev.spend(size)) {
      return Evaluator.unknown(call);
    }
    Optional<Value> result;
    try {
      result = apply(ev, call, ctx, args, at);
    } catch (RuntimeException e) {
      result = Optional.empty();
    }
    return result.orElseGet(() -> Evaluator.unknown(call));
  }

  private static Optional<Value> apply(Evaluator ev, Hcl.Call call, Evaluator.Context ctx, List<Value> args,
      Location at) {
    String name = call.name();
    switch (name) {
      case "jsonencode":
        return args.size() == 1 ? Optional.of(new Value.Encoded(args.get(0), at)) : Optional.empty();
      case "jsondecode":
        return args.size() == 1 && args.get(0) instanceof Value.Str s && s.isKnown()
            ? PolicyNodes.parseJson(s, ev).map(Functions::fromNode) : Optional.empty();
      case "file":
        return str(args, 0).flatMap(p -> ev.loader().readFile(ctx.module(), p, at));
      case "templatefile":
        return templatefile(ev, ctx, args, at);
      case "tostring", "tolist", "toset", "tomap", "sensitive", "nonsensitive":
        return args.size() == 1 && !(args.get(0) instanceof Value.Unknown) ? Optional.of(args.get(0)) : Optional.empty();
      case "tonumber":
        return args.size() == 1 ? Values.number(args.get(0)).map(n -> new Value.Num(n, at)) : Optional.empty();
      case "lower":
        return known(ev, args, 0).map(s -> str(s.toLowerCase(java.util.Locale.ROOT), at));
      case "upper":
        return known(ev, args, 0).map(s -> str(s.toUpperCase(java.util.Locale.ROOT), at));
      case "trimspace":
        return known(ev, args, 0).map(s -> str(s.strip(), at));
      case "trimprefix":
        return known(ev, args, 0).flatMap(s -> known(ev, args, 1)
            .map(p -> str(s.startsWith(p) ? s.substring(p.length()) : s, at)));
      case "trimsuffix":
        return known(ev, args, 0).flatMap(s -> known(ev, args, 1)
            .map(p -> str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s, at)));
      case "replace":
        return replace(ev, args, at);
      case "format":
        return format(ev, args, at);
      case "join":
        return join(ev, args, at);
      case "split":
        return known(ev, args, 0).flatMap(sep -> known(ev, args, 1).map(s -> {
          List<Value> parts = new ArrayList<>();
          for (String p : s.split(java.util.regex.Pattern.quote(sep), -1)) {
            parts.add(str(p, at));
          }
          return new Value.Tuple(parts, at);
        }));
      case "concat":
        return concat(args, at);
      case "flatten":
        return args.size() == 1 ? flatten(args.get(0), at) : Optional.empty();
      case "distinct":
        return args.size() == 1 && args.get(0) instanceof Value.Tuple t && t.items().size() <= 1000 && Value.isKnown(t)
            ? Optional.of(distinct(t.items(), at)) : Optional.empty();
      case "compact":
        return args.size() == 1 && args.get(0) instanceof Value.Tuple t && Value.isKnown(t)
            ? Optional.of(new Value.Tuple(t.items().stream()
                .filter(v -> !(v instanceof Value.Null) && !(v instanceof Value.Str s && s.text().isEmpty())).toList(), at))
            : Optional.empty();
      case "merge":
        return merge(args, at);
      case "lookup":
        return lookup(ev, args);
      case "element":
        return element(args);
      case "coalesce":
        return args.stream().filter(v -> !(v instanceof Value.Null) && !(v instanceof Value.Str s && s.text().isEmpty()))
            .findFirst().filter(Value::isKnown);
      case "length":
        if (args.size() == 1 && args.get(0) instanceof Value.Tuple t) {
          return Optional.of(new Value.Num(BigDecimal.valueOf(t.items().size()), at));
        }
        if (args.size() == 1 && args.get(0) instanceof Value.Obj o && Value.isKnown(o)) {
          return Optional.of(new Value.Num(BigDecimal.valueOf(o.members().size()), at));
        }
        return known(ev, args, 0).map(s -> new Value.Num(BigDecimal.valueOf(s.codePointCount(0, s.length())), at));
      case "contains":
        if (args.size() == 2 && args.get(0) instanceof Value.Tuple t && Value.isKnown(t) && Value.isKnown(args.get(1))) {
          return Optional.of(new Value.Bool(t.items().stream()
              .anyMatch(v -> Values.equal(v, args.get(1)).orElse(false)), at));
        }
        return Optional.empty();
      case "keys":
        return args.size() == 1 && args.get(0) instanceof Value.Obj o && Value.isKnown(o)
            ? Optional.of(new Value.Tuple(o.members().values().stream()
                .map(m -> (Value) new Value.Str(m.key(), m.keyLocation(), Optional.empty())).toList(), at))
            : Optional.empty();
      case "values":
        return args.size() == 1 && args.get(0) instanceof Value.Obj o
            ? Optional.of(new Value.Tuple(o.members().values().stream().map(Value.Member::value).toList(), at))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static Value.Str str(String s, Location at) {
    return new Value.Str(s, at, Optional.empty());
  }

  private static Optional<String> str(List<Value> args, int i) {
    return i < args.size() && args.get(i) instanceof Value.Str s && s.isKnown() ? Optional.of(s.text()) : Optional.empty();
  }

  private static Optional<String> known(Evaluator ev, List<Value> args, int i) {
    return i < args.size() ? Values.known(args.get(i), ev) : Optional.empty();
  }

  private static Optional<Value> templatefile(Evaluator ev, Evaluator.Context ctx, List<Value> args, Location at) {
    if (args.size() != 2 || !(args.get(1) instanceof Value.Obj vars)) {
      return Optional.empty();
    }
    Optional<String> path = str(args, 0);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<Hcl.Template> template = ev.loader().readTemplate(ctx.module(), path.get());
    if (template.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Value> names = new LinkedHashMap<>();
    vars.members().forEach((k, m) -> names.put(k, m.value()));
    Evaluator.Context inner = new Evaluator.Context(ctx.module(), ctx.provider(),
        new Evaluator.Scope(Map.copyOf(names), Optional.empty()));
    return Optional.of(ev.render(template.get(), inner));
  }

  private static Optional<Value> replace(Evaluator ev, List<Value> args, Location at) {
    Optional<String> s = known(ev, args, 0);
    Optional<String> find = known(ev, args, 1);
    Optional<String> with = known(ev, args, 2);
    if (s.isEmpty() || find.isEmpty() || with.isEmpty()) {
      return Optional.empty();
    }
    if (find.get().length() > 1 && find.get().startsWith("/") && find.get().endsWith("/")) {
      return Optional.empty();
    }
    return Optional.of(str(s.get().replace(find.get(), with.get()), at));
  }

  private static Optional<Value> format(Evaluator ev, List<Value> args, Location at) {
    Optional<String> spec = known(ev, args, 0);
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    String f = spec.get();
    int next = 1;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 1 >= f.length()) {
        return Optional.empty();
      }
      char verb = f.charAt(++i);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (verb != 's' && verb != 'd' && verb != 'v') {
        return Optional.empty();
      }
      Optional<String> arg = known(ev, args, next++);
      if (arg.isEmpty()) {
        return Optional.empty();
      }
      out.append(arg.get());
    }
    return Optional.of(str(out.toString(), at));
  }

  private static Optional<Value> join(Evaluator ev, List<Value> args, Location at) {
    Optional<String> sep = known(ev, args, 0);
    if (sep.isEmpty() || args.size() < 2) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (Value list : args.subList(1, args.size())) {
      if (!(list instanceof Value.Tuple t)) {
        return Optional.empty();
      }
      for (Value item : t.items()) {
        Optional<String> s = Values.known(item, ev);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        parts.add(s.get());
      }
    }
    return Optional.of(str(String.join(sep.get(), parts), at));
  }

  private static Optional<Value> concat(List<Value> args, Location at) {
    List<Value> items = new ArrayList<>();
    for (Value a : args) {
      if (!(a instanceof Value.Tuple t)) {
        return Optional.empty();
      }
      items.addAll(t.items());
    }
    return Optional.of(new Value.Tuple(items, at));
  }

  private static Optional<Value> flatten(Value v, Location at) {
    if (!(v instanceof Value.Tuple t)) {
      return Optional.empty();
    }
    List<Value> items = new ArrayList<>();
    for (Value item : t.items()) {
      if (item instanceof Value.Tuple) {
        Optional<Value> inner = flatten(item, at);
        if (inner.isEmpty() || items.size() + ((Value.Tuple) inner.get()).items().size() > 10_000) {
          return Optional.empty();
        }
        items.addAll(((Value.Tuple) inner.get()).items());
      } else if (item instanceof Value.Unknown) {
        return Optional.empty();
      } else {
        items.add(item);
      }
    }
    return Optional.of(new Value.Tuple(items, at));
  }

  private static Value distinct(List<Value> items, Location at) {
    List<Value> out = new ArrayList<>();
    for (Value v : items) {
      if (out.stream().noneMatch(o -> Values.equal(o, v).orElse(false))) {
        out.add(v);
      }
    }
    return new Value.Tuple(out, at);
  }

  private static Optional<Value> merge(List<Value> args, Location at) {
    Map<String, Value.Member> members = new LinkedHashMap<>();
    for (Value a : args) {
      if (a instanceof Value.Null) {
        continue;
      }
      if (!(a instanceof Value.Obj o) || o.members().keySet().stream().anyMatch(k -> k.indexOf(Value.HOLE_START) >= 0)) {
        return Optional.empty();
      }
      members.putAll(o.members());
    }
    return Optional.of(new Value.Obj(members, at));
  }

  private static Optional<Value> lookup(Evaluator ev, List<Value> args) {
    if (args.size() < 2 || !(args.get(0) instanceof Value.Obj o) || !Value.isKnown(args.get(1))) {
      return Optional.empty();
    }
    Optional<String> key = Values.known(args.get(1), ev);
    if (key.isEmpty() || o.members().keySet().stream().anyMatch(k -> k.indexOf(Value.HOLE_START) >= 0)) {
      return Optional.empty();
    }
    Value.Member m = o.members().get(key.get());
    if (m != null) {
      return Optional.of(m.value());
    }
    return args.size() > 2 ? Optional.of(args.get(2)) : Optional.empty();
  }

  private static Optional<Value> element(List<Value> args) {
    if (args.size() != 2 || !(args.get(0) instanceof Value.Tuple t) || t.items().isEmpty()) {
      return Optional.empty();
    }
    return Values.number(args.get(1)).map(n -> t.items().get(Math.floorMod(n.intValue(), t.items().size())));
  }

  /** A JSON node (from jsondecode) as a value, keeping each node's location. */
  static Value fromNode(Node node) {
    if (node instanceof ObjectNode o) {
      Map<String, Value.Member> members = new LinkedHashMap<>();
      for (ObjectNode.Member m : o.members()) {
        members.put(m.key(), new Value.Member(m.key(), m.keyLocation(), fromNode(m.value())));
      }
      return new Value.Obj(members, o.location());
    }
    if (node instanceof ArrayNode a) {
      return new Value.Tuple(a.items().stream().map(Functions::fromNode).toList(), a.location());
    }
    ScalarNode s = (ScalarNode) node;
    return switch (s.type()) {
      case STRING -> new Value.Str(s.text(), s.location(), Optional.empty());
      case NUMBER -> new Value.Num(new BigDecimal(s.text()), s.location());
      case BOOLEAN -> new Value.Bool(Boolean.parseBoolean(s.text()), s.location());
      case NULL -> new Value.Null(s.location());
    };
  }
}
