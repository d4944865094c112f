package io.github.assumeguard.cli;

import java.io.StringWriter;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * JSON output, written with Jackson's streaming generator (no data-binding mapper, whose set-up
 * would cost more than a small scan): 2-space indent, {@code "a": 1}, a newline at the end.
 */
final class Json {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private static final ObjectWriteContext PRETTY_CONTEXT = new ObjectWriteContext.Base() {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return PRETTY.createInstance();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  };

  private Json() {
  }

  /** The pretty-printed document that {@code body} writes, ending in a newline. */
  static String write(Consumer<JsonGenerator> body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY_CONTEXT, out)) {
      body.accept(g);
    }
    return out.append('\n').toString();
  }
}
