package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.List;

/**
 * Moves the nodes of a document that was embedded in a string (URL-encoded or JSON-in-a-string)
 * onto the string's own location, keeping the inner pointer below the string's pointer.
 */
public final class Relocate {

  private Relocate() {
  }

  public static Node onto(Node node, Location host) {
    if (node instanceof ObjectNode obj) {
      List<ObjectNode.Member> members = obj.members().stream()
          .map(m -> new ObjectNode.Member(m.key(), at(host, m.keyLocation()), onto(m.value(), host))).toList();
      List<ObjectNode.Member> dups = obj.duplicates().stream()
          .map(m -> new ObjectNode.Member(m.key(), at(host, m.keyLocation()), onto(m.value(), host))).toList();
      return new ObjectNode(at(host, obj.location()), members, dups, obj.tag());
    }
    if (node instanceof ArrayNode arr) {
      return new ArrayNode(at(host, arr.location()), arr.items().stream().map(n -> onto(n, host)).toList(), arr.tag());
    }
    ScalarNode s = (ScalarNode) node;
    return new ScalarNode(at(host, s.location()), s.type(), s.text(), s.tag());
  }

  private static Location at(Location host, Location inner) {
    return host.withPointer(host.pointer() + inner.pointer());
  }
}
