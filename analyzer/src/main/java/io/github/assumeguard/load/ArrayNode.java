package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.List;

/** A JSON array or YAML sequence. */
public record ArrayNode(Location location, List<Node> items) implements Node {

  public ArrayNode {
    items = List.copyOf(items);
  }

  @Override
  public String typeName() {
    return "array";
  }
}
