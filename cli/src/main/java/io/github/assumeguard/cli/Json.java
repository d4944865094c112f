package io.github.assumeguard.cli;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON output: a shared (immutable) mapper and the pretty printer, 2-space indent, {@code "a": 1}. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final ObjectWriter PRETTY = MAPPER.writer().with(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The pretty-printed document, ending in a newline. */
  static String pretty(JsonNode node) {
    return PRETTY.writeValueAsString(node) + "\n";
  }
}
