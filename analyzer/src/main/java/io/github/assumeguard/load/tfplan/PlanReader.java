package io.github.assumeguard.load.tfplan;

import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;

/**
 * Streams through a plan and keeps only what the IAM model needs: the IAM resources of
 * {@code planned_values} (root and nested child modules), their {@code resource_changes} entries
 * ({@code after} only where planned values lack the resource, {@code after_unknown} always), and
 * the data sources read while planning, which Terraform records in {@code prior_state}. Everything
 * else (configuration, variables, outputs, other resource types, prior managed state) is skipped
 * token by token without building anything, so a plan of tens of megabytes costs little more
 * than its text.
 */
final class PlanReader {

  /** Managed resource types the model reads. */
  static final Set<String> MANAGED_TYPES = Set.of("aws_iam_role", "aws_iam_policy", "aws_iam_role_policy",
      "aws_iam_user_policy", "aws_iam_group_policy");
  /** Data sources the model reads. */
  static final Set<String> DATA_TYPES = Set.of("aws_iam_policy_document", "aws_caller_identity");
  /** Attributes that hold a policy document as a JSON string. */
  static final Set<String> EMBEDDED_KEYS = Set.of("assume_role_policy", "policy", "json");
  /** The attributes the model reads; the others (tags, descriptions, ...) are skipped unread. */
  static final Set<String> ATTRIBUTES = Set.of("assume_role_policy", "policy", "json", "name", "arn",
      "max_session_duration", "inline_policy", "account_id");

  /** Where a resource's values came from. */
  enum Origin {
    PLANNED, CHANGE, PRIOR
  }

  /** One resource kept from the plan: its address, mode, type, object location and values. */
  record Resource(String address, String mode, String type, Origin origin, Location location, ObjectNode values) {
  }

  /** A {@code resource_changes} entry: which attributes are known only after apply. */
  record Change(Optional<Node> afterUnknown) {
  }

  /** What the reader kept; {@code isPlan} false when the document is not a plan after all. */
  record Content(boolean isPlan, List<Resource> resources, Map<String, Change> changes,
      Map<String, Long> stringOffsets) {
  }

  private final TokenStreamFactory factory;
  private final String text;
  private final String file;
  private final List<Resource> resources = new ArrayList<>();
  private final Set<String> plannedAddresses = new HashSet<>();
  private final Map<String, Change> changes = new LinkedHashMap<>();
  private final Map<String, Long> stringOffsets = new HashMap<>();

  private PlanReader(TokenStreamFactory factory, String text, String file) {
    this.factory = factory;
    this.text = text;
    this.file = file;
  }

  static Content read(TokenStreamFactory factory, String text, String file) {
    return new PlanReader(factory, text, file).read();
  }

  private Content read() {
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new InputException(Location.ofFile(file), "empty file: expected a JSON or YAML document");
      }
      if (first != JsonToken.START_OBJECT) {
        p.skipChildren();
        end(p);
        return new Content(false, List.of(), Map.of(), Map.of());
      }
      boolean format = false;
      boolean planned = false;
      boolean changed = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        String pointer = "/" + TreeReader.escape(key);
        switch (key) {
          case "format_version" -> {
            format = true;
            p.skipChildren();
          }
          case "planned_values" -> {
            planned = value == JsonToken.START_OBJECT;
            member(p, pointer, "root_module", ptr -> module(p, ptr, Origin.PLANNED));
          }
          case "resource_changes" -> {
            changed = value == JsonToken.START_ARRAY;
            items(p, pointer, ptr -> change(p, ptr));
          }
          // data sources read while planning are recorded only here
          case "prior_state" -> member(p, pointer, "values",
              ptr -> member(p, ptr, "root_module", root -> module(p, root, Origin.PRIOR)));
          default -> p.skipChildren();
        }
      }
      end(p);
      return new Content(format && (planned || changed), resources, changes, stringOffsets);
    } catch (JacksonException e) {
      throw new InputException(location(e.getLocation()), TreeReader.message(e));
    }
  }

  private void end(JsonParser p) {
    if (p.nextToken() != null) {
      throw new InputException(location(p.currentTokenLocation()), "unexpected content after the end of the document");
    }
  }

  /** A module: its resources and, recursively, its child modules. */
  private void module(JsonParser p, String pointer, Origin origin) {
    members(p, pointer, (key, ptr) -> {
      switch (key) {
        case "resources" -> items(p, ptr, item -> resource(p, item, origin));
        case "child_modules" -> items(p, ptr, item -> module(p, item, origin));
        default -> p.skipChildren();
      }
    });
  }

  /** One resource of a module; its values are built only for the types the model reads. */
  private void resource(JsonParser p, String pointer, Origin origin) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    TokenStreamLocation start = p.currentTokenLocation();
    String address = null;
    String mode = null;
    String type = null;
    ObjectNode values = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken token = p.nextToken();
      switch (key) {
        case "address" -> address = string(p);
        case "mode" -> mode = string(p);
        case "type" -> type = string(p);
        case "values" -> {
          if (token == JsonToken.START_OBJECT && wanted(mode, type, origin)) {
            values = attributes(p, pointer + "/values");
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    if (address != null && values != null && mode != null && type != null && kept(mode, type, origin)) {
      resources.add(new Resource(address, mode, type, origin, range(start, p.currentLocation(), pointer), values));
      if (origin == Origin.PLANNED) {
        plannedAddresses.add(address);
      }
    }
  }

  /** What one {@code resource_changes} entry says, gathered while it streams past. */
  private static final class Entry {
    String address;
    String mode;
    String type;
    boolean deposed;
    ObjectNode after;
    Node unknown;

    boolean wanted() {
      return PlanReader.wanted(mode, type, Origin.CHANGE);
    }
  }

  /** One {@code resource_changes} entry (deposed objects, which are only destroyed, are ignored). */
  private void change(JsonParser p, String pointer) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    TokenStreamLocation start = p.currentTokenLocation();
    Entry e = new Entry();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "address" -> e.address = string(p);
        case "mode" -> e.mode = string(p);
        case "type" -> e.type = string(p);
        case "deposed" -> {
          e.deposed = true;
          p.skipChildren();
        }
        case "change" -> members(p, pointer + "/change", (k, ptr) -> changeMember(p, k, ptr, e));
        default -> p.skipChildren();
      }
    }
    if (e.deposed || e.address == null || e.mode == null || e.type == null || !kept(e.mode, e.type, Origin.CHANGE)) {
      return;
    }
    changes.put(e.address, new Change(Optional.ofNullable(e.unknown)));
    if (e.after != null) {
      resources.add(new Resource(e.address, e.mode, e.type, Origin.CHANGE,
          range(start, p.currentLocation(), pointer), e.after));
    }
  }

  /**
   * One member of a change: its {@code after} (built only when planned values lack the resource)
   * and its {@code after_unknown}.
   */
  private void changeMember(JsonParser p, String key, String pointer, Entry e) {
    boolean object = p.currentToken() == JsonToken.START_OBJECT;
    switch (key) {
      case "after" -> {
        if (object && e.wanted() && (e.address == null || !plannedAddresses.contains(e.address))) {
          e.after = attributes(p, pointer);
        } else {
          p.skipChildren();
        }
      }
      case "after_unknown" -> {
        if (!e.wanted()) {
          p.skipChildren();
        } else {
          e.unknown = object ? attributes(p, pointer) : node(p, pointer);
        }
      }
      default -> p.skipChildren();
    }
  }

  /** True when a resource of this mode and type may be kept (unknown mode or type: not yet known). */
  private static boolean wanted(String mode, String type, Origin origin) {
    return mode == null || type == null || kept(mode, type, origin);
  }

  private static boolean kept(String mode, String type, Origin origin) {
    if (mode.equals("data")) {
      return DATA_TYPES.contains(type);
    }
    return origin != Origin.PRIOR && mode.equals("managed") && MANAGED_TYPES.contains(type);
  }

  private static String string(JsonParser p) {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    p.skipChildren();
    return null;
  }

  /** Calls {@code member} for each member of the object at the current token; skips anything else. */
  private void members(JsonParser p, String pointer, MemberVisitor member) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      member.visit(key, pointer + "/" + TreeReader.escape(key));
    }
  }

  /** Calls {@code visit} for the member {@code name} of the object at the current token; skips the rest. */
  private void member(JsonParser p, String pointer, String name, ValueVisitor visit) {
    members(p, pointer, (key, ptr) -> {
      if (key.equals(name)) {
        visit.visit(ptr);
      } else {
        p.skipChildren();
      }
    });
  }

  /** Calls {@code item} for each item of the array at the current token; skips anything else. */
  private void items(JsonParser p, String pointer, ValueVisitor item) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      item.visit(pointer + "/" + index++);
    }
  }

  /** Reads the value of an object member at the current token. */
  @FunctionalInterface
  private interface MemberVisitor {
    void visit(String key, String pointer);
  }

  /** Reads the value at the current token, whose pointer it is given. */
  @FunctionalInterface
  private interface ValueVisitor {
    void visit(String pointer);
  }

  /** The object of a resource's attributes, with only the {@link #ATTRIBUTES} the model reads. */
  private ObjectNode attributes(JsonParser p, String pointer) {
    TokenStreamLocation start = p.currentTokenLocation();
    List<ObjectNode.Member> members = new ArrayList<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      TokenStreamLocation keyStart = p.currentTokenLocation();
      TokenStreamLocation keyEnd = p.currentLocation();
      p.nextToken();
      if (!ATTRIBUTES.contains(name)) {
        p.skipChildren();
        continue;
      }
      String childPointer = pointer + "/" + TreeReader.escape(name);
      members.removeIf(m -> m.key().equals(name));
      members.add(new ObjectNode.Member(name, range(keyStart, keyEnd, childPointer), node(p, childPointer)));
    }
    return new ObjectNode(range(start, p.currentLocation(), pointer), members, List.of());
  }

  /**
   * The value at the current token as a node tree, built by {@link TreeReader}; for strings under
   * one of the {@link #EMBEDDED_KEYS} it also records where the string starts in the text.
   */
  private Node node(JsonParser p, String pointer) {
    return TreeReader.readCurrent(p, file, pointer, (at, start) -> {
      if (EMBEDDED_KEYS.contains(at.substring(at.lastIndexOf('/') + 1))) {
        stringOffsets.put(at, start.getCharOffset());
      }
    });
  }

  private Location range(TokenStreamLocation start, TokenStreamLocation end, String pointer) {
    return new Location(file, start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr(), pointer);
  }

  private Location location(TokenStreamLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return Location.ofFile(file);
    }
    return Location.at(file, at.getLineNr(), Math.max(1, at.getColumnNr()), "");
  }
}
