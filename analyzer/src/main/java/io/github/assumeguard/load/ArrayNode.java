package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.List;
import java.util.Optional;

/** A JSON array or YAML sequence, with the YAML tag on it if any ({@code !Join [...]}). */
public record ArrayNode(Location location, List<Node> items, Optional<String> tag) implements Node {

  public ArrayNode {
    items = List.copyOf(items);
  }

  public ArrayNode(Location location, List<Node> items) {
    this(location, items, Optional.empty());
  }

  @Override
  public String typeName() {
    return "array";
  }
}
