package io.github.assumeguard.load.tfplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.TreeReader;
import io.github.assumeguard.model.Location;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedJsonTest {

  private static final String POLICY = "{\"Statement\":[{\"Principal\":\"*\"}]}";

  private static ScalarNode host(String text, int line, int column) {
    return new ScalarNode(new Location("plan.json", line, column, line, column + text.length(), "/values/policy"),
        ScalarNode.Type.STRING, text, Optional.empty());
  }

  private static Location principal(EmbeddedJson.Result result) {
    ObjectNode root = (ObjectNode) ((EmbeddedJson.Parsed) result).node();
    ObjectNode statement = (ObjectNode) ((io.github.assumeguard.load.ArrayNode) root.get("Statement").orElseThrow())
        .items().get(0);
    return statement.get("Principal").orElseThrow().location();
  }

  @Test
  void escapedTextGivesTheColumnOfEachElement() {
    String plan = "  {\"policy\": \"" + POLICY.replace("\"", "\\\"") + "\"}";
    int quote = plan.indexOf(": \"") + 2;
    EmbeddedJson.Result result = EmbeddedJson.parse(plan, quote, host(POLICY, 3, quote + 1),
        TreeReader.jsonFactory(Limits.defaults()));
    Location at = principal(result);
    assertThat(at.line()).isEqualTo(3);
    assertThat(at.column()).isEqualTo(plan.indexOf("\\\"*") + 1);
    assertThat(at.pointer()).isEqualTo("/values/policy/Statement/0/Principal");
  }

  @Test
  void withoutTheRawTextPositionsFallBackToTheStringItself() {
    ScalarNode host = host(POLICY, 7, 12);
    EmbeddedJson.Result result = EmbeddedJson.parse("{}", -1, host, TreeReader.jsonFactory(Limits.defaults()));
    Location at = principal(result);
    assertThat(at.line()).isEqualTo(7);
    assertThat(at.column()).isEqualTo(12);
    assertThat(at.pointer()).isEqualTo("/values/policy/Statement/0/Principal");
  }

  @Test
  void rawTextThatDoesNotMatchTheValueIsNotTrusted() {
    String plan = "\"something else entirely\"";
    ScalarNode host = host(POLICY, 1, 1);
    Location at = principal(EmbeddedJson.parse(plan, 0, host, TreeReader.jsonFactory(Limits.defaults())));
    assertThat(at.column()).isEqualTo(1);
  }
}
