package io.github.assumeguard.load;

import io.github.assumeguard.model.Location;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object or YAML mapping; members keep source order. {@code duplicates} holds the earlier
 * members whose key was repeated (IAM rejects duplicate keys, so loaders report them). {@code tag}
 * is a YAML tag on the mapping, if any.
 */
public record ObjectNode(Location location, List<Member> members, List<Member> duplicates, Optional<String> tag)
    implements Node {

  /** One key and its value. */
  public record Member(String key, Location keyLocation, Node value) {
  }

  public ObjectNode {
    members = List.copyOf(members);
    duplicates = List.copyOf(duplicates);
  }

  public ObjectNode(Location location, List<Member> members, List<Member> duplicates) {
    this(location, members, duplicates, Optional.empty());
  }

  public Optional<Member> member(String key) {
    for (Member m : members) {
      if (m.key().equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  public Optional<Node> get(String key) {
    return member(key).map(Member::value);
  }

  /** The value of {@code key} when it is an object. */
  public Optional<ObjectNode> object(String key) {
    return get(key).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
  }

  /** The value of {@code key} when it is a scalar string. */
  public Optional<String> string(String key) {
    return get(key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
        .filter(ScalarNode::isString).map(ScalarNode::text);
  }

  public boolean has(String key) {
    return member(key).isPresent();
  }

  @Override
  public String typeName() {
    return "object";
  }
}
