package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;

/**
 * A parsed JSON or YAML value with the source range it came from. Loaders read these; rules never
 * see them.
 */
public sealed interface Node permits ObjectNode, ArrayNode, ScalarNode {

  Location location();

  /** The RFC 6901 pointer of this node within its document. */
  default String pointer() {
    return location().pointer();
  }

  /** A short name of the node's JSON type for messages: object, array, string, ... */
  String typeName();
}
