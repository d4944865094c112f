package io.github.assumeguard.engine;

import io.github.assumeguard.load.ArrayNode;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Node;
import io.github.assumeguard.load.ObjectNode;
import io.github.assumeguard.load.ScalarNode;
import io.github.assumeguard.load.SourceText;
import io.github.assumeguard.load.TreeReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The findings of a previous report (SARIF or {@code --format json}), by {@link Fingerprints
 * fingerprint}. A finding of a new scan whose fingerprint is in the baseline is "unchanged" and does
 * not fail the run; the rest are "new". Fingerprints hold no line numbers, so a finding that only
 * moved stays unchanged. Equal fingerprints are counted: when the baseline held one and the scan
 * finds two, the second (in output order) is new.
 */
public final class Baseline {

  private final Map<String, Integer> counts;

  private Baseline(Map<String, Integer> counts) {
    this.counts = Map.copyOf(counts);
  }

  /**
   * Reads a baseline from {@code file}, shown as {@code display}; throws {@link InputException}
   * with a location when the file cannot be read or is not a report of this tool.
   */
  public static Baseline read(Path file, String display) {
    return parse(SourceText.read(file, display, Limits.defaults()), display);
  }

  /** Parses baseline text (SARIF or the JSON report). */
  public static Baseline parse(String text, String display) {
    Node root = TreeReader.readJson(text, display, Limits.defaults());
    if (root instanceof ObjectNode obj && obj.get("runs").orElse(null) instanceof ArrayNode runs) {
      return fromSarif(runs, display);
    }
    if (root instanceof ObjectNode obj && obj.get("findings").orElse(null) instanceof ArrayNode findings) {
      return fromJson(findings);
    }
    throw new InputException(root.location(), "not a baseline: expected a SARIF or JSON report (--format sarif "
        + "or --format json) written by " + ToolInfo.NAME);
  }

  private static Baseline fromSarif(ArrayNode runs, String display) {
    Map<String, Integer> counts = new HashMap<>();
    boolean ours = false;
    for (Node run : runs.items()) {
      if (!(run instanceof ObjectNode r) || !isOurs(r)) {
        continue; // a run of another tool in a merged file
      }
      ours = true;
      Optional<Node> results = r.get("results");
      if (results.isEmpty() || !(results.get() instanceof ArrayNode list)) {
        continue;
      }
      for (Node item : list.items()) {
        if (!(item instanceof ObjectNode result) || "absent".equals(result.string("baselineState").orElse(""))) {
          continue;
        }
        String print = result.object("partialFingerprints").flatMap(p -> p.string(Fingerprints.KEY))
            .orElseThrow(() -> new InputException(item.location(), "baseline result has no partialFingerprints \""
                + Fingerprints.KEY + "\"; write the baseline with this version of " + ToolInfo.NAME));
        counts.merge(print, 1, Integer::sum);
      }
    }
    if (!ours) {
      throw new InputException(runs.location(), "not a baseline: no run of " + ToolInfo.NAME + " in this SARIF file");
    }
    return new Baseline(counts);
  }

  private static boolean isOurs(ObjectNode run) {
    return run.object("tool").flatMap(t -> t.object("driver")).flatMap(d -> d.string("name"))
        .map(ToolInfo.NAME::equals).orElse(false);
  }

  private static Baseline fromJson(ArrayNode findings) {
    Map<String, Integer> counts = new HashMap<>();
    for (Node item : findings.items()) {
      Optional<String> print = item instanceof ObjectNode f
          ? f.get("fingerprint").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text())
          : Optional.empty();
      if (print.isEmpty()) {
        throw new InputException(item.location(), "baseline finding has no \"fingerprint\"; write the baseline "
            + "with this version of " + ToolInfo.NAME);
      }
      counts.merge(print.get(), 1, Integer::sum);
    }
    return new Baseline(counts);
  }

  /** How many findings the baseline holds. */
  public int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * {@code report} with the findings that are in this baseline marked unchanged;
   * {@code fingerprint} gives a finding's fingerprint (the same function that wrote the baseline).
   */
  public Report apply(Report report, Function<Finding, String> fingerprint) {
    Map<String, Integer> left = new HashMap<>(counts);
    Set<Finding> unchanged = new HashSet<>();
    for (Finding f : report.findings()) {
      String print = fingerprint.apply(f);
      Integer n = left.get(print);
      if (n != null && n > 0) {
        left.put(print, n - 1);
        unchanged.add(f);
      }
    }
    return report.withUnchanged(unchanged);
  }
}
