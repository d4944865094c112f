package io.github.assumeguard.load.hcl;

import io.github.assumeguard.model.Arn;
import io.github.assumeguard.model.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates expressions statically: literals, templates, collections, operators, conditionals,
 * for expressions, the pure built-in functions, locals, variable defaults and the few resource
 * attributes that are known before apply. Anything else (a variable without default, an attribute
 * computed at apply, {@code count.index}, {@code each.key}) is {@link Value.Unknown}, so rules stay
 * silent about it. Work is bounded: cycles between locals, depth and a step budget all end in an
 * unknown value.
 */
final class Evaluator {

  /** Names bound by for expressions, template directives, dynamic blocks and templatefile(). */
  record Scope(Map<String, Value> names, Optional<Scope> parent) {

    static final Scope EMPTY = new Scope(Map.of(), Optional.empty());

    Optional<Value> lookup(String name) {
      Value v = names.get(name);
      if (v != null) {
        return Optional.of(v);
      }
      return parent.flatMap(p -> p.lookup(name));
    }

    Scope with(Map<String, Value> more) {
      return new Scope(Map.copyOf(more), Optional.of(this));
    }
  }

  private static final int MAX_STEPS = 2_000_000;
  private static final int MAX_DEPTH = 200;
  private static final int MAX_ITEMS = 10_000;

  private final TerraformSource loader;
  private final Map<String, Value> memo = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final List<String> holes = new ArrayList<>();
  private int steps;
  private int depth;

  Evaluator(TerraformSource loader) {
    this.loader = loader;
  }

  /** Where an expression is evaluated: its module and the provider of the resource it belongs to. */
  record Context(Module module, String provider, Scope scope) {

    Context withScope(Scope s) {
      return new Context(module, provider, s);
    }
  }

  static Context in(Module module, Optional<Hcl.Block> resource) {
    String provider = resource.flatMap(b -> b.body().attribute("provider")).map(a -> a.value().src().text().strip())
        .orElse("");
    return new Context(module, provider, Scope.EMPTY);
  }

  // ---- placeholders for unknown parts of strings ----

  String hole(String display) {
    holes.add(display);
    return "" + Value.HOLE_START + (holes.size() - 1) + Value.HOLE_END;
  }

  /** {@code text} with each placeholder shown as the {@code ${...}} that stood there. */
  String display(String text) {
    if (text.indexOf(Value.HOLE_START) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = c == Value.HOLE_START ? text.indexOf(Value.HOLE_END, i) : -1;
      if (end > i) {
        int n = Integer.parseInt(text.substring(i + 1, end));
        String shown = holes.get(n);
        out.append(shown.startsWith("${") ? shown : "${" + shown + "}");
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** How an unknown (or partly unknown) value is shown. */
  String display(Value v) {
    if (v instanceof Value.Str s) {
      return display(s.text());
    }
    if (v instanceof Value.Unknown u) {
      return u.display();
    }
    return v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  // ---- evaluation ----

  Value eval(Hcl.Expr e, Context ctx) {
    if (++steps > MAX_STEPS || depth > MAX_DEPTH) {
      return unknown(e);
    }
    depth++;
    try {
      return evalInner(e, ctx);
    } finally {
      depth--;
    }
  }

  static Value.Unknown unknown(Hcl.Expr e) {
    return new Value.Unknown(e.src().text().strip(), e.src().location());
  }

  private Value evalInner(Hcl.Expr e, Context ctx) {
    Location at = e.src().location();
    if (e instanceof Hcl.NumberLit n) {
      return new Value.Num(n.value(), at);
    }
    if (e instanceof Hcl.BoolLit b) {
      return new Value.Bool(b.value(), at);
    }
    if (e instanceof Hcl.NullLit) {
      return new Value.Null(at);
    }
    if (e instanceof Hcl.Template t) {
      return template(t, ctx);
    }
    if (e instanceof Hcl.TupleExpr t) {
      List<Value> items = new ArrayList<>();
      for (Hcl.Expr item : t.items()) {
        items.add(eval(item, ctx));
      }
      return new Value.Tuple(items, at);
    }
    if (e instanceof Hcl.ObjectExpr o) {
      return object(o, ctx);
    }
    if (e instanceof Hcl.Parens p) {
      return eval(p.inner(), ctx);
    }
    if (e instanceof Hcl.Conditional c) {
      Value cond = eval(c.condition(), ctx);
      if (cond instanceof Value.Bool b) {
        return eval(b.value() ? c.whenTrue() : c.whenFalse(), ctx);
      }
      return unknown(e);
    }
    if (e instanceof Hcl.Unary u) {
      Value v = eval(u.operand(), ctx);
      if (u.op().equals("!") && v instanceof Value.Bool b) {
        return new Value.Bool(!b.value(), at);
      }
      if (u.op().equals("-") && v instanceof Value.Num n) {
        return new Value.Num(n.value().negate(), at);
      }
      return unknown(e);
    }
    if (e instanceof Hcl.Binary b) {
      return binary(b, ctx);
    }
    if (e instanceof Hcl.ForExpr f) {
      return forExpr(f, ctx);
    }
    if (e instanceof Hcl.Call c) {
      return Functions.call(this, c, ctx);
    }
    if (e instanceof Hcl.Var || e instanceof Hcl.GetAttr || e instanceof Hcl.Index) {
      return traversal(e, ctx);
    }
    return unknown(e);
  }

  private Value object(Hcl.ObjectExpr o, Context ctx) {
    Map<String, Value.Member> members = new LinkedHashMap<>();
    for (Hcl.ObjectItem item : o.items()) {
      String key;
      if (item.bareKey().isPresent()) {
        key = item.bareKey().get();
      } else {
        Value k = eval(item.key(), ctx);
        if (k instanceof Value.Str s) {
          key = s.text();
        } else if (k instanceof Value.Num n) {
          key = n.value().toPlainString();
        } else if (k instanceof Value.Bool b) {
          key = String.valueOf(b.value());
        } else {
          key = hole(item.key().src().text().strip());
        }
      }
      members.put(key, new Value.Member(key, item.key().src().location(), eval(item.value(), ctx)));
    }
    return new Value.Obj(members, o.src().location());
  }

  private Value binary(Hcl.Binary b, Context ctx) {
    Location at = b.src().location();
    Value l = eval(b.left(), ctx);
    if (b.op().equals("&&") && l instanceof Value.Bool lb && !lb.value()) {
      return new Value.Bool(false, at);
    }
    if (b.op().equals("||") && l instanceof Value.Bool lb && lb.value()) {
      return new Value.Bool(true, at);
    }
    Value r = eval(b.right(), ctx);
    switch (b.op()) {
      case "&&", "||" -> {
        if (l instanceof Value.Bool && r instanceof Value.Bool rb) {
          return new Value.Bool(rb.value(), at);
        }
        return unknown(b);
      }
      case "==", "!=" -> {
        Optional<Boolean> eq = Values.equal(l, r);
        return eq.<Value>map(v -> new Value.Bool(b.op().equals("==") == v, at)).orElseGet(() -> unknown(b));
      }
      default -> {
      }
    }
    Optional<BigDecimal> x = Values.number(l);
    Optional<BigDecimal> y = Values.number(r);
    if (x.isEmpty() || y.isEmpty()) {
      return unknown(b);
    }
    BigDecimal p = x.get();
    BigDecimal q = y.get();
    try {
      return switch (b.op()) {
        case "+" -> new Value.Num(p.add(q), at);
        case "-" -> new Value.Num(p.subtract(q), at);
        case "*" -> new Value.Num(p.multiply(q), at);
        case "/" -> new Value.Num(p.divide(q, java.math.MathContext.DECIMAL64), at);
        case "%" -> new Value.Num(p.remainder(q), at);
        case "<" -> new Value.Bool(p.compareTo(q) < 0, at);
        case "<=" -> new Value.Bool(p.compareTo(q) <= 0, at);
        case ">" -> new Value.Bool(p.compareTo(q) > 0, at);
        case ">=" -> new Value.Bool(p.compareTo(q) >= 0, at);
        default -> unknown(b);
      };
    } catch (ArithmeticException ex) {
      return unknown(b);
    }
  }

  private Value forExpr(Hcl.ForExpr f, Context ctx) {
    Value coll = eval(f.collection(), ctx);
    List<Map.Entry<Value, Value>> entries = Values.entries(coll);
    if (entries == null || entries.size() > MAX_ITEMS) {
      return unknown(f);
    }
    List<Value> items = new ArrayList<>();
    Map<String, Value.Member> members = new LinkedHashMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> entry : entries) {
      Map<String, Value> names = new HashMap<>();
      f.keyName().ifPresent(k -> names.put(k, entry.getKey()));
      names.put(f.valueName(), entry.getValue());
      Context inner = ctx.withScope(ctx.scope().with(names));
      if (f.condition().isPresent()) {
        Value cond = eval(f.condition().get(), inner);
        if (!(cond instanceof Value.Bool b)) {
          return unknown(f);
        }
        if (!b.value()) {
          continue;
        }
      }
      Value v = eval(f.valueExpr(), inner);
      if (f.keyExpr().isEmpty()) {
        items.add(v);
        continue;
      }
      Value k = eval(f.keyExpr().get(), inner);
      if (!(k instanceof Value.Str ks) || !ks.isKnown()) {
        return unknown(f);
      }
      if (f.grouping()) {
        groups.computeIfAbsent(ks.text(), x -> new ArrayList<>()).add(v);
      } else {
        members.put(ks.text(), new Value.Member(ks.text(), k.location(), v));
      }
    }
    Location at = f.src().location();
    if (f.keyExpr().isEmpty()) {
      return new Value.Tuple(items, at);
    }
    groups.forEach((k, vs) -> members.put(k, new Value.Member(k, at, new Value.Tuple(vs, at))));
    return new Value.Obj(members, at);
  }

  // ---- templates ----

  private Value template(Hcl.Template t, Context ctx) {
    if (t.parts().size() == 1 && t.parts().get(0) instanceof Hcl.Interpolation i) {
      return eval(i.expr(), ctx);
    }
    return render(t, ctx);
  }

  /** Renders a template body (also a file read by templatefile()). */
  Value.Str render(Hcl.Template t, Context ctx) {
    StringBuilder text = new StringBuilder();
    List<Origin.Segment> segments = new ArrayList<>();
    render(t.parts(), ctx, text, segments);
    return new Value.Str(text.toString(), t.src().location(), Optional.of(new Origin(segments)));
  }

  private void render(List<Hcl.Part> parts, Context ctx, StringBuilder text, List<Origin.Segment> segments) {
    for (Hcl.Part part : parts) {
      if (text.length() > 20_000_000 || ++steps > MAX_STEPS) {
        return;
      }
      if (part instanceof Hcl.Literal l) {
        Literals.Decoded d = Literals.decode(l);
        append(text, segments, d.text(), d.origin());
      } else if (part instanceof Hcl.Interpolation i) {
        Value v = eval(i.expr(), ctx);
        Hcl.Src src = i.src();
        Optional<String> s = Values.string(v, this);
        if (s.isPresent()) {
          Origin origin = v instanceof Value.Str str && str.origin().isPresent() ? str.origin().get()
              : Origin.whole(src.file(), src.start(), src.end(), s.get().length());
          append(text, segments, s.get(), origin);
        } else {
          String h = hole(i.expr().src().text().strip());
          append(text, segments, h, Origin.whole(src.file(), src.start(), src.end(), h.length()));
        }
      } else if (part instanceof Hcl.IfDirective d) {
        Value cond = eval(d.condition(), ctx);
        if (cond instanceof Value.Bool b) {
          render(b.value() ? d.then() : d.otherwise(), ctx, text, segments);
        } else {
          String h = hole(d.src().text().strip());
          append(text, segments, h, Origin.whole(d.src().file(), d.src().start(), d.src().end(), h.length()));
        }
      } else if (part instanceof Hcl.ForDirective f) {
        List<Map.Entry<Value, Value>> entries = Values.entries(eval(f.collection(), ctx));
        if (entries == null || entries.size() > MAX_ITEMS) {
          String h = hole(f.src().text().strip());
          append(text, segments, h, Origin.whole(f.src().file(), f.src().start(), f.src().end(), h.length()));
          continue;
        }
        for (Map.Entry<Value, Value> entry : entries) {
          Map<String, Value> names = new HashMap<>();
          f.keyName().ifPresent(k -> names.put(k, entry.getKey()));
          names.put(f.valueName(), entry.getValue());
          render(f.body(), ctx.withScope(ctx.scope().with(names)), text, segments);
        }
      }
    }
  }

  private static void append(StringBuilder text, List<Origin.Segment> segments, String s, Origin origin) {
    int offset = text.length();
    for (Origin.Segment seg : origin.segments()) {
      segments.add(new Origin.Segment(seg.from() + offset, seg.to() + offset, seg.source(), seg.srcStart(),
          seg.srcEnd(), seg.exact()));
    }
    text.append(s);
  }

  // ---- references ----

  /** A reference step: {@code .name} or {@code [key]}. */
  private record Step(String name, Hcl.Expr key) {
  }

  private Value traversal(Hcl.Expr e, Context ctx) {
    List<Step> steps = new ArrayList<>();
    Hcl.Expr cur = e;
    while (!(cur instanceof Hcl.Var)) {
      if (cur instanceof Hcl.GetAttr g) {
        steps.add(0, new Step(g.name(), null));
        cur = g.target();
      } else if (cur instanceof Hcl.Index i) {
        steps.add(0, new Step(null, i.key()));
        cur = i.target();
      } else {
        // an expression followed by steps, such as (local.x).y or a splat
        if (cur instanceof Hcl.Splat) {
          return unknown(e);
        }
        return apply(eval(cur, ctx), steps, e, ctx);
      }
    }
    String root = ((Hcl.Var) cur).name();
    Optional<Value> bound = ctx.scope().lookup(root);
    if (bound.isPresent()) {
      return apply(bound.get(), steps, e, ctx);
    }
    Module m = ctx.module();
    switch (root) {
      case "var" -> {
        if (steps.isEmpty() || steps.get(0).name() == null) {
          return unknown(e);
        }
        Optional<Hcl.Block> decl = m.variable(steps.get(0).name(), e.src().file());
        Optional<Hcl.Attribute> def = decl.flatMap(b -> b.body().attribute("default"));
        if (def.isEmpty()) {
          return unknown(e);
        }
        Value v = memoized("var " + key(def.get().src()), def.get().value(),
            new Context(m, "", Scope.EMPTY));
        return apply(v, steps.subList(1, steps.size()), e, ctx);
      }
      case "local" -> {
        if (steps.isEmpty() || steps.get(0).name() == null) {
          return unknown(e);
        }
        Optional<Hcl.Attribute> local = m.local(steps.get(0).name(), e.src().file());
        if (local.isEmpty()) {
          return unknown(e);
        }
        Value v = memoized("local " + key(local.get().src()), local.get().value(),
            new Context(m, "", Scope.EMPTY));
        return apply(v, steps.subList(1, steps.size()), e, ctx);
      }
      case "path" -> {
        if (steps.size() == 1 && "module".equals(steps.get(0).name())) {
          return new Value.Str(m.dir().toString(), e.src().location(), Optional.empty());
        }
        return unknown(e);
      }
      case "data" -> {
        if (steps.size() < 3 || steps.get(0).name() == null || steps.get(1).name() == null) {
          return unknown(e);
        }
        Optional<Hcl.Block> block = m.data(steps.get(0).name(), steps.get(1).name(), e.src().file());
        if (block.isEmpty()) {
          return unknown(e);
        }
        return dataAttribute(block.get(), steps.subList(2, steps.size()), e, ctx);
      }
      case "count", "each", "self", "terraform", "module" -> {
        return unknown(e);
      }
      default -> {
        if (steps.size() < 2 || steps.get(0).name() == null) {
          return unknown(e);
        }
        Optional<Hcl.Block> block = m.resource(root, steps.get(0).name(), e.src().file());
        if (block.isEmpty()) {
          return unknown(e);
        }
        return resourceAttribute(block.get(), steps.subList(1, steps.size()), e, ctx);
      }
    }
  }

  /** A key naming a source range uniquely within a scan. */
  private static String key(Hcl.Src src) {
    return src.file().path() + ":" + src.start() + ":" + src.end();
  }

  private Value memoized(String key, Hcl.Expr expr, Context ctx) {
    Value v = memo.get(key);
    if (v != null) {
      return v;
    }
    if (!inProgress.add(key)) {
      return unknown(expr);
    }
    try {
      v = eval(expr, ctx);
    } finally {
      inProgress.remove(key);
    }
    memo.put(key, v);
    return v;
  }

  private Value apply(Value v, List<Step> steps, Hcl.Expr whole, Context ctx) {
    Value cur = v;
    for (Step s : steps) {
      if (s.name() != null) {
        if (cur instanceof Value.Obj o && o.members().containsKey(s.name())) {
          cur = o.members().get(s.name()).value();
          continue;
        }
        return unknown(whole);
      }
      Value key = eval(s.key(), ctx);
      if (cur instanceof Value.Tuple t && key instanceof Value.Num n) {
        int i;
        try {
          i = n.value().intValueExact();
        } catch (ArithmeticException ex) {
          return unknown(whole);
        }
        if (i < 0 || i >= t.items().size()) {
          return unknown(whole);
        }
        cur = t.items().get(i);
      } else if (cur instanceof Value.Obj o && key instanceof Value.Str k && k.isKnown()
          && o.members().containsKey(k.text())) {
        cur = o.members().get(k.text()).value();
      } else {
        return unknown(whole);
      }
    }
    return cur;
  }

  /** Drops an instance index ({@code [0]}, {@code ["a"]}) right after a block's name. */
  private static List<Step> instance(Hcl.Block block, List<Step> steps) {
    boolean repeated = block.body().attribute("count").isPresent() || block.body().attribute("for_each").isPresent();
    if (repeated && !steps.isEmpty() && steps.get(0).name() == null) {
      return steps.subList(1, steps.size());
    }
    return steps;
  }

  private Value dataAttribute(Hcl.Block block, List<Step> rawSteps, Hcl.Expr whole, Context ctx) {
    List<Step> steps = instance(block, rawSteps);
    if (steps.isEmpty() || steps.get(0).name() == null) {
      return unknown(whole);
    }
    String type = block.label(0);
    String attr = steps.get(0).name();
    Location at = whole.src().location();
    Module m = ctx.module();
    if (steps.size() == 1) {
      switch (type + "." + attr) {
        case "aws_iam_policy_document.json", "aws_iam_policy_document.minified_json" -> {
          return new Value.Document(block, m, at);
        }
        case "aws_caller_identity.account_id" -> {
          return sameProvider(block, ctx) ? new Value.Str(Arn.OWN_ACCOUNT, at, Optional.empty()) : unknown(whole);
        }
        case "aws_partition.partition" -> {
          return sameProvider(block, ctx) ? new Value.Str(Arn.OWN_PARTITION, at, Optional.empty()) : unknown(whole);
        }
        case "aws_iam_openid_connect_provider.arn" -> {
          Optional<Hcl.Attribute> arn = block.body().attribute("arn");
          if (arn.isPresent()) {
            return eval(arn.get().value(), new Context(m, "", Scope.EMPTY));
          }
          return sameProvider(block, ctx) ? oidcArn(block, m, at).orElseGet(() -> unknown(whole)) : unknown(whole);
        }
        default -> {
        }
      }
    }
    return argument(block, steps, whole, m);
  }

  private Value resourceAttribute(Hcl.Block block, List<Step> rawSteps, Hcl.Expr whole, Context ctx) {
    List<Step> steps = instance(block, rawSteps);
    if (steps.isEmpty() || steps.get(0).name() == null) {
      return unknown(whole);
    }
    String type = block.label(0);
    String attr = steps.get(0).name();
    if (steps.size() == 1 && type.equals("aws_iam_openid_connect_provider") && (attr.equals("arn") || attr.equals("id"))) {
      return sameProvider(block, ctx)
          ? oidcArn(block, ctx.module(), whole.src().location()).orElseGet(() -> unknown(whole))
          : unknown(whole);
    }
    if (block.body().attribute("count").isPresent() || block.body().attribute("for_each").isPresent()) {
      return unknown(whole);
    }
    return argument(block, steps, whole, ctx.module());
  }

  /** An attribute that is an argument written in the block, evaluated where the block stands. */
  private Value argument(Hcl.Block block, List<Step> steps, Hcl.Expr whole, Module m) {
    Optional<Hcl.Attribute> arg = block.body().attribute(steps.get(0).name());
    if (arg.isEmpty() || Set.of("count", "for_each", "provider", "depends_on").contains(steps.get(0).name())) {
      return unknown(whole);
    }
    Value v = memoized("arg " + key(arg.get().src()), arg.get().value(), in(m, Optional.of(block)));
    return apply(v, steps.subList(1, steps.size()), whole, new Context(m, "", Scope.EMPTY));
  }

  /**
   * The ARN of an OIDC provider declared with a literal URL: in the role's own partition and
   * account, named by the URL's host and path.
   */
  private Optional<Value> oidcArn(Hcl.Block provider, Module m, Location at) {
    Optional<Hcl.Attribute> url = provider.body().attribute("url");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    Value v = eval(url.get().value(), new Context(m, "", Scope.EMPTY));
    if (!(v instanceof Value.Str s) || !s.isKnown() || s.text().isBlank()) {
      return Optional.empty();
    }
    String host = s.text().replaceFirst("(?i)^https://", "");
    return Optional.of(new Value.Str("arn:" + Arn.OWN_PARTITION + ":iam::" + Arn.OWN_ACCOUNT + ":oidc-provider/" + host,
        at, Optional.empty()));
  }

  /** True when a data source reads the same provider (account) as the resource being evaluated. */
  private static boolean sameProvider(Hcl.Block block, Context ctx) {
    String provider = block.body().attribute("provider").map(a -> a.value().src().text().strip()).orElse("");
    return provider.equals(ctx.provider());
  }

  TerraformSource loader() {
    return loader;
  }

  /** Counts work done by functions, so a hostile input ends in unknown values, not endless work. */
  boolean spend(int amount) {
    steps += amount;
    return steps <= MAX_STEPS;
  }
}
