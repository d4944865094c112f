package io.github.assumeguard.load.hcl;

import io.github.assumeguard.model.Location;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a Terraform expression as far as it is known before any plan: literals with the
 * place they are written, collections, and unknown values (shown as the source that stood for
 * them). A string may hold {@link #HOLE_START}...{@link #HOLE_END} placeholders for unknown
 * interpolations: it is then unknown as a whole, but JSON written around them can still be read.
 */
sealed interface Value {

  char HOLE_START = '\uE000';
  char HOLE_END = '\uE001';

  Location location();

  /** A string; {@code origin} maps its characters to the source when it was written as text. */
  record Str(String text, Location location, Optional<Origin> origin) implements Value {

    boolean isKnown() {
      return text.indexOf(HOLE_START) < 0;
    }
  }

  record Num(BigDecimal value, Location location) implements Value {
  }

  record Bool(boolean value, Location location) implements Value {
  }

  record Null(Location location) implements Value {
  }

  record Tuple(List<Value> items, Location location) implements Value {

    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** An object or map; members keep their order and the location of their key. */
  record Obj(Map<String, Member> members, Location location) implements Value {

    public Obj {
      members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    Optional<Value> get(String key) {
      Member m = members.get(key);
      return m == null ? Optional.empty() : Optional.of(m.value());
    }
  }

  /** One member of an object: its key (possibly with placeholders), where the key is written, its value. */
  record Member(String key, Location keyLocation, Value value) {
  }

  /** {@code jsonencode(value)}: a JSON string whose structure is still at hand. */
  record Encoded(Value value, Location location) implements Value {
  }

  /** {@code data.aws_iam_policy_document.NAME.json}: the document a data block builds. */
  record Document(Hcl.Block block, Module module, Location location) implements Value {
  }

  /** A value not known before apply (or not worked out statically), shown as {@code display}. */
  record Unknown(String display, Location location) implements Value {
  }

  /** True for a value with no unknown part (a value too large to inspect counts as unknown). */
  static boolean isKnown(Value v) {
    int[] budget = {100_000};
    return isKnown(v, budget);
  }

  private static boolean isKnown(Value v, int[] budget) {
    if (--budget[0] < 0 || v instanceof Unknown) {
      return false;
    }
    if (v instanceof Str s) {
      return s.isKnown();
    }
    if (v instanceof Tuple t) {
      for (Value item : t.items()) {
        if (!isKnown(item, budget)) {
          return false;
        }
      }
      return true;
    }
    if (v instanceof Obj o) {
      for (Member m : o.members().values()) {
        if (m.key().indexOf(HOLE_START) >= 0 || !isKnown(m.value(), budget)) {
          return false;
        }
      }
      return true;
    }
    if (v instanceof Encoded e) {
      return isKnown(e.value(), budget);
    }
    return !(v instanceof Document);
  }
}
