package io.github.assumeguard.load;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the project's JSON Schemas (policy grammar, config) from the class path into one networknt
 * registry. The schema text is read with {@link TreeReader} and handed to networknt as a tree, so
 * networknt never builds a Jackson {@code ObjectMapper} of its own to parse it: building one is
 * the most expensive step of a small scan's start-up.
 */
public final class Schemas {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private Schemas() {
  }

  /** The schema in the class-path resource {@code resource} (an absolute resource name). */
  public static Schema load(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Node tree = TreeReader.readJson(text, resource, Limits.defaults());
      return REGISTRY.getSchema(JsonNodes.toJackson(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
