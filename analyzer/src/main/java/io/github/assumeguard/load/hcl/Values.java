package io.github.assumeguard.load.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Conversions between values as Terraform makes them: to strings, numbers, and collection entries. */
final class Values {

  private Values() {
  }

  /**
   * A value as a string where Terraform converts it (strings, numbers, booleans, a known
   * {@code jsonencode} result); a string with placeholders stays one.
   */
  static Optional<String> string(Value v, Evaluator evaluator) {
    if (v instanceof Value.Str s) {
      return Optional.of(s.text());
    }
    if (v instanceof Value.Num n) {
      return Optional.of(n.value().stripTrailingZeros().toPlainString());
    }
    if (v instanceof Value.Bool b) {
      return Optional.of(String.valueOf(b.value()));
    }
    if (v instanceof Value.Encoded e && Value.isKnown(e.value())) {
      StringBuilder out = new StringBuilder();
      return json(e.value(), out) ? Optional.of(out.toString()) : Optional.empty();
    }
    return Optional.empty();
  }

  /** A known string (no placeholder). */
  static Optional<String> known(Value v, Evaluator evaluator) {
    return string(v, evaluator).filter(s -> s.indexOf(Value.HOLE_START) < 0);
  }

  static Optional<BigDecimal> number(Value v) {
    if (v instanceof Value.Num n) {
      return Optional.of(n.value());
    }
    if (v instanceof Value.Str s && s.isKnown()) {
      try {
        return Optional.of(new BigDecimal(s.text().strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Equality of two known values; empty when either is not known. */
  static Optional<Boolean> equal(Value a, Value b) {
    return equal(a, b, new int[] {100_000});
  }

  private static Optional<Boolean> equal(Value a, Value b, int[] budget) {
    if (--budget[0] < 0) {
      return Optional.empty();
    }
    if (a instanceof Value.Unknown || b instanceof Value.Unknown || a instanceof Value.Document
        || b instanceof Value.Document || a instanceof Value.Encoded || b instanceof Value.Encoded
        || a instanceof Value.Str x && !x.isKnown() || b instanceof Value.Str y && !y.isKnown()) {
      return Optional.empty();
    }
    if (a instanceof Value.Null || b instanceof Value.Null) {
      return Optional.of(a instanceof Value.Null && b instanceof Value.Null);
    }
    if (a instanceof Value.Str x && b instanceof Value.Str y) {
      return Optional.of(x.text().equals(y.text()));
    }
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return Optional.of(x.value().compareTo(y.value()) == 0);
    }
    if (a instanceof Value.Bool x && b instanceof Value.Bool y) {
      return Optional.of(x.value() == y.value());
    }
    if (a instanceof Value.Tuple x && b instanceof Value.Tuple y) {
      if (x.items().size() != y.items().size()) {
        return Optional.of(false);
      }
      for (int i = 0; i < x.items().size(); i++) {
        Optional<Boolean> e = equal(x.items().get(i), y.items().get(i), budget);
        if (e.isEmpty() || !e.get()) {
          return e;
        }
      }
      return Optional.of(true);
    }
    if (a instanceof Value.Obj x && b instanceof Value.Obj y) {
      if (Stream.concat(x.members().keySet().stream(), y.members().keySet().stream())
          .anyMatch(k -> k.indexOf(Value.HOLE_START) >= 0)) {
        return Optional.empty();
      }
      if (!x.members().keySet().equals(y.members().keySet())) {
        return Optional.of(false);
      }
      for (String k : x.members().keySet()) {
        Optional<Boolean> e = equal(x.members().get(k).value(), y.members().get(k).value(), budget);
        if (e.isEmpty() || !e.get()) {
          return e;
        }
      }
      return Optional.of(true);
    }
    return Optional.of(false);
  }

  /**
   * The key/value pairs a for expression or directive iterates: index and item of a tuple, key
   * and value of an object; null when the collection is not known.
   */
  static List<Map.Entry<Value, Value>> entries(Value coll) {
    List<Map.Entry<Value, Value>> out = new ArrayList<>();
    if (coll instanceof Value.Tuple t) {
      int i = 0;
      for (Value item : t.items()) {
        out.add(Map.entry(new Value.Num(BigDecimal.valueOf(i++), item.location()), item));
      }
      return out;
    }
    if (coll instanceof Value.Obj o) {
      for (Value.Member m : o.members().values()) {
        if (m.key().indexOf(Value.HOLE_START) >= 0) {
          return null;
        }
        out.add(Map.entry(new Value.Str(m.key(), m.keyLocation(), Optional.empty()), m.value()));
      }
      return out;
    }
    return null;
  }

  /** Writes a known value as JSON, as jsonencode does (object keys sorted); false if it cannot. */
  static boolean json(Value v, StringBuilder out) {
    if (out.length() > 1_000_000) {
      return false;
    }
    if (v instanceof Value.Str s) {
      quote(s.text(), out);
    } else if (v instanceof Value.Num n) {
      out.append(n.value().stripTrailingZeros().toPlainString());
    } else if (v instanceof Value.Bool b) {
      out.append(b.value());
    } else if (v instanceof Value.Null) {
      out.append("null");
    } else if (v instanceof Value.Tuple t) {
      out.append('[');
      for (int i = 0; i < t.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        if (!json(t.items().get(i), out)) {
          return false;
        }
      }
      out.append(']');
    } else if (v instanceof Value.Obj o) {
      out.append('{');
      List<String> keys = new ArrayList<>(o.members().keySet());
      java.util.Collections.sort(keys);
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        quote(keys.get(i), out);
        out.append(':');
        if (!json(o.members().get(keys.get(i)).value(), out)) {
          return false;
        }
      }
      out.append('}');
    } else if (v instanceof Value.Encoded e) {
      StringBuilder inner = new StringBuilder();
      if (!json(e.value(), inner)) {
        return false;
      }
      quote(inner.toString(), out);
    } else {
      return false;
    }
    return true;
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
