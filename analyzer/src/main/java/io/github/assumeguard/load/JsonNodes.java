package io.github.assumeguard.load;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns a positioned {@link Node} into a Jackson tree, for schema validation. */
public final class JsonNodes {

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private JsonNodes() {
  }

  public static JsonNode toJackson(Node node) {
    if (node instanceof ObjectNode obj) {
      tools.jackson.databind.node.ObjectNode out = FACTORY.objectNode();
      for (ObjectNode.Member m : obj.members()) {
        out.set(m.key(), toJackson(m.value()));
      }
      return out;
    }
    if (node instanceof ArrayNode arr) {
      tools.jackson.databind.node.ArrayNode out = FACTORY.arrayNode();
      for (Node item : arr.items()) {
        out.add(toJackson(item));
      }
      return out;
    }
    ScalarNode s = (ScalarNode) node;
    switch (s.type()) {
      case STRING:
        return FACTORY.stringNode(s.text());
      case BOOLEAN:
        return FACTORY.booleanNode(Boolean.parseBoolean(s.text()));
      case NULL:
        return FACTORY.nullNode();
      default:
        try {
          return FACTORY.numberNode(new BigDecimal(s.text()));
        } catch (NumberFormatException e) {
          return FACTORY.stringNode(s.text());
        }
    }
  }
}
