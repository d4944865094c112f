package io.github.assumeguard.load;

import io.github.assumeguard.load.cfn.CloudFormation;
import io.github.assumeguard.load.hcl.TerraformSource;
import io.github.assumeguard.load.iam.IamJson;
import io.github.assumeguard.load.tfplan.TerraformPlan;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one file and turns it into the model, choosing the format by content: a policy document,
 * {@code aws iam} output, and (by later loaders) templates and plans. A file that matches no format
 * gives an empty result; one that cannot be read or parsed throws {@link InputException}.
 */
public final class Loader {

  private final Limits limits;
  private final TerraformSource terraform;

  public Loader(Limits limits) {
    this.limits = limits;
    this.terraform = new TerraformSource(limits);
  }

  /** File names a directory walk looks at. */
  public static boolean isCandidate(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")
        || name.endsWith(".template") || name.endsWith(".tf");
  }

  /** Loads {@code path}, shown as {@code display}; empty when the content is of no known kind. */
  public Optional<Workspace> load(Path path, String display) {
    String text = SourceText.read(path, display, limits);
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tf")) {
      return terraform.load(path, display, text);
    }
    return loadText(text, display);
  }

  /** Loads already-read text. */
  public Optional<Workspace> loadText(String text, String display) {
    if (text.isBlank()) {
      throw new InputException(Location.ofFile(display), "empty file: expected a JSON or YAML document");
    }
    if (!looksLikeJson(text)) {
      return loadYaml(text, display);
    }
    if (TerraformPlan.mayBePlan(text)) {
      // streamed without building the whole tree: plans run to tens of megabytes
      Optional<Workspace> plan = TerraformPlan.read(display, text, limits);
      if (plan.isPresent()) {
        return plan;
      }
    }
    Node root = TreeReader.readJson(text, display, limits);
    if (!(root instanceof ObjectNode obj)) {
      return Optional.empty();
    }
    if (IamJson.isGetRole(obj)) {
      return Optional.of(IamJson.getRole(display, obj, limits));
    }
    if (IamJson.isAccountDetails(obj)) {
      return Optional.of(IamJson.accountDetails(display, obj, limits));
    }
    if (CloudFormation.isTemplate(obj)) {
      return Optional.of(CloudFormation.load(display, obj, text, limits));
    }
    if (TerraformPlan.isPlan(obj)) {
      return Optional.of(TerraformPlan.load(display, text, limits));
    }
    if (IamJson.isPolicy(obj)) {
      List<Location> comments = JsonComments.find(text, display);
      return Optional.of(IamJson.policyFile(display, obj, comments));
    }
    return Optional.empty();
  }

  /**
   * YAML: a CloudFormation template, or not ours. A YAML file that does not parse is an input
   * error only when it looks like a template; other YAML (a Helm chart, a multi-document
   * manifest) is simply not ours.
   */
  private Optional<Workspace> loadYaml(String text, String display) {
    Node root;
    try {
      root = TreeReader.readYaml(text, display, limits);
    } catch (InputException e) {
      if (CloudFormation.looksLikeTemplate(text)) {
        throw e;
      }
      return Optional.empty();
    }
    if (root instanceof ObjectNode obj && CloudFormation.isTemplate(obj)) {
      return Optional.of(CloudFormation.load(display, obj, text, limits));
    }
    return Optional.empty();
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        continue;
      }
      if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
        return true;
      }
      return c == '{' || c == '[';
    }
    return false;
  }
}
