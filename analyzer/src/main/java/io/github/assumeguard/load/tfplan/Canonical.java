package io.github.assumeguard.load.tfplan;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import java.util.Comparator;

/**
 * A position-free text of a JSON value with object keys sorted, so two documents that differ only
 * in layout or key order (a data source's pretty {@code json} and the same policy resolved into a
 * role's {@code assume_role_policy}) compare equal.
 */
final class Canonical {

  private Canonical() {
  }

  static String of(Node node) {
    StringBuilder out = new StringBuilder();
    append(node, out);
    return out.toString();
  }

  private static void append(Node node, StringBuilder out) {
    if (node instanceof ObjectNode obj) {
      out.append('{');
      obj.members().stream().sorted(Comparator.comparing(ObjectNode.Member::key)).forEach(m -> {
        quoted(m.key(), out);
        out.append(':');
        append(m.value(), out);
        out.append(',');
      });
      out.append('}');
    } else if (node instanceof ArrayNode arr) {
      out.append('[');
      arr.items().forEach(item -> {
        append(item, out);
        out.append(',');
      });
      out.append(']');
    } else {
      ScalarNode s = (ScalarNode) node;
      if (s.isString()) {
        quoted(s.text(), out);
      } else {
        out.append(s.text());
      }
    }
  }

  private static void quoted(String text, StringBuilder out) {
    out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
  }
}
