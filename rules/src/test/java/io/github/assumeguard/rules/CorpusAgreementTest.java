package io.github.assumeguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.load.InputException;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.ResourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measures how often assumeguard agrees with the verdicts other scanners' own tests give their
 * samples ({@code ../shared/corpus/manifest.tsv}): a peer's "flag" agrees when the mapped rule
 * fires on the labelled unit (the resource, or the whole file when no resource is named), "pass"
 * when it does not. The table is {@code docs/corpus-agreement.md} ({@code -Dsamples.update=true}
 * rewrites it); the CloudFormation agreement may not fall below its recorded floor.
 */
class CorpusAgreementTest {

  static final Path CORPUS = SamplesTest.REPO.getParent().resolve("shared/corpus");
  private static final Path DOC = SamplesTest.REPO.resolve("docs/corpus-agreement.md");

  /** Agreed CloudFormation rows when this floor was last raised; a regression fails the build. */
  private static final int CFN_FLOOR = 39;

  /** The rule that answers each manifest category. */
  private static final Map<String, String> RULE_OF = Map.of(
      "wildcard-principal", "AG101",
      "cross-account-no-external-id", "AG103",
      "assume-any-role", "AG402",
      "not-principal-allow", "AG102",
      "wildcard-trust-action", "AG401",
      "oidc-missing-sub", "AG202",
      "oidc-broad-sub", "AG203");

  private static final List<String> FORMATS = List.of("cfn-json", "cfn-yaml", "tf-plan-json", "tf-hcl");

  /** One labelled row: its line in the manifest and what it says. */
  record Row(int line, String file, String format, String peerRule, String verdict, String detail,
      String category) {

    /** The labelled resource, when the row names one (else the unit is the whole file). */
    Optional<String> resource() {
      int at = detail.indexOf("resource=");
      if (at < 0) {
        return Optional.empty();
      }
      String unit = detail.substring(at + "resource=".length());
      for (String end : List.of(";", " (")) {
        int cut = unit.indexOf(end);
        if (cut >= 0) {
          unit = unit.substring(0, cut);
        }
      }
      if (unit.startsWith("AWS::")) {
        // checkov names CloudFormation resources TYPE.LogicalId
        unit = unit.substring(unit.lastIndexOf('.') + 1);
      }
      return Optional.of(unit.strip());
    }

    String unit() {
      return resource().orElse("(file)");
    }

    boolean peerFlags() {
      return verdict.equals("flag");
    }
  }

  /** What assumeguard did with a row. */
  enum Status { AGREE, DISAGREE, NOT_READ }

  record Outcome(Row row, Status status, boolean fires, String note) {
  }

  static List<Row> manifest() throws IOException {
    Path manifest = CORPUS.resolve("manifest.tsv");
    assertThat(manifest).as("the peer corpus (manifest.tsv) must be at " + CORPUS
        + "; CI checks it out next to the repository as shared/corpus").exists();
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      rows.add(new Row(i + 1, f[header.indexOf("file")], f[header.indexOf("format")],
          f[header.indexOf("peer_rule_id")], f[header.indexOf("peer_verdict")], f[header.indexOf("peer_detail")],
          f[header.indexOf("our_category")]));
    }
    return rows;
  }

  static List<Outcome> outcomes() throws IOException {
    Analyzer analyzer = new Analyzer(BuiltInRules.all(), Config.defaults(), Limits.defaults());
    Loader loader = new Loader(Limits.defaults());
    Map<String, Optional<Report>> reports = new TreeMap<>();
    List<Outcome> out = new ArrayList<>();
    for (Row row : manifest()) {
      Path file = CORPUS.resolve(row.file());
      Optional<Report> report = reports.computeIfAbsent(row.file(), f -> read(loader, analyzer, file, f));
      if (report.isEmpty()) {
        out.add(new Outcome(row, Status.NOT_READ, false, "format not supported yet"));
        continue;
      }
      String rule = RULE_OF.get(row.category());
      boolean fires = report.get().findings().stream()
          .filter(f -> f.ruleId().equals(rule) && !f.isSuppressed())
          .anyMatch(f -> row.resource().isEmpty() || row.resource().equals(f.resource().map(ResourceRef::id)));
      String note = report.get().errors().isEmpty() ? "" : "input error: " + report.get().errors().get(0).message();
      out.add(new Outcome(row, fires == row.peerFlags() ? Status.AGREE : Status.DISAGREE, fires, note));
    }
    return out;
  }

  /** The report on one corpus file; empty when no loader reads its format yet. */
  private static Optional<Report> read(Loader loader, Analyzer analyzer, Path file, String display) {
    try {
      if (loader.load(file, display).filter(ws -> !ws.roles().isEmpty() || !ws.policies().isEmpty()
          || !ws.resourcePolicies().isEmpty()).isEmpty()) {
        return Optional.empty();
      }
    } catch (InputException e) {
      // reported as an input error by the analyzer below
    }
    return Optional.of(analyzer.analyse(List.of(new Analyzer.Input(file, display, true)), List.of()));
  }

  private static boolean isCfn(Row row) {
    return row.format().startsWith("cfn-");
  }

  @Test
  void agreementTableIsCurrentAndCloudFormationDoesNotRegress() throws IOException {
    List<Outcome> outcomes = outcomes();
    String table = table(outcomes);
    if (Boolean.getBoolean("samples.update")) {
      Files.writeString(DOC, table, StandardCharsets.UTF_8);
    }
    long cfnAgreed = outcomes.stream().filter(o -> isCfn(o.row()) && o.status() == Status.AGREE).count();
    assertThat(cfnAgreed).as("CloudFormation rows that agree with their peer (floor %d)", CFN_FLOOR)
        .isGreaterThanOrEqualTo(CFN_FLOOR);
    assertThat(DOC).as("docs/corpus-agreement.md (regenerate with -Dsamples.update=true)").hasContent(table);
  }

  @Test
  void everyCategoryHasARuleAndEveryRowAFileOrAnExplanation() throws IOException {
    for (Row row : manifest()) {
      assertThat(RULE_OF).as("manifest line %d", row.line()).containsKey(row.category());
      assertThat(FORMATS).as("manifest line %d", row.line()).contains(row.format());
      assertThat(CORPUS.resolve(row.file())).as("manifest line %d", row.line()).exists();
    }
  }

  /** The Markdown report. */
  static String table(List<Outcome> outcomes) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Agreement with peer-labelled samples\n\n")
        .append("Generated by `CorpusAgreementTest` (`mvn -B test -pl rules -am -Dsamples.update=true`) from\n")
        .append("`../shared/corpus/manifest.tsv`: other scanners' own test files and the verdict each scanner's\n")
        .append("tests expect. A peer's `flag` agrees when the rule below fires on the labelled unit (the named\n")
        .append("resource, or the whole file for kics), `pass` when it does not. Default configuration (no\n")
        .append("`trustedAccounts`). Row numbers are lines of `manifest.tsv`. Why assumeguard differs where it\n")
        .append("does: [peer-differences.md](peer-differences.md).\n\n")
        .append("| category | rule |\n|---|---|\n");
    new TreeMap<>(RULE_OF).forEach((c, r) -> sb.append("| ").append(c).append(" | ").append(r).append(" |\n"));

    sb.append("\n## By format\n\n| format | rows | read | agree | disagree | agreement |\n|---|---|---|---|---|---|\n");
    for (String format : FORMATS) {
      List<Outcome> rows = outcomes.stream().filter(o -> o.row().format().equals(format)).toList();
      sb.append(summaryLine(format, rows));
    }
    sb.append(summaryLine("CloudFormation (cfn-json + cfn-yaml)",
        outcomes.stream().filter(o -> isCfn(o.row())).toList()));
    sb.append(summaryLine("all", outcomes));

    sb.append("\n## By category and format\n\n| category | format | peer flag: agree / rows | peer pass: agree / rows | not read |\n")
        .append("|---|---|---|---|---|\n");
    Map<String, List<Outcome>> groups = new TreeMap<>();
    for (Outcome o : outcomes) {
      groups.computeIfAbsent(o.row().category() + "\t" + o.row().format(), k -> new ArrayList<>()).add(o);
    }
    groups.forEach((key, rows) -> {
      String[] parts = key.split("\t");
      List<Outcome> read = rows.stream().filter(o -> o.status() != Status.NOT_READ).toList();
      sb.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
          .append(ratio(read.stream().filter(o -> o.row().peerFlags()).toList())).append(" | ")
          .append(ratio(read.stream().filter(o -> !o.row().peerFlags()).toList())).append(" | ")
          .append(rows.size() - read.size()).append(" |\n");
    });

    sb.append("\n## Disagreements\n\n| row | file | unit | peer rule | peer | assumeguard |\n|---|---|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      if (o.status() == Status.DISAGREE) {
        Row r = o.row();
        sb.append("| ").append(r.line()).append(" | `").append(r.file()).append("` | ").append(r.unit()).append(" | ")
            .append(r.peerRule()).append(" | ").append(r.verdict()).append(" | ")
            .append(o.fires() ? RULE_OF.get(r.category()) + " fires" : RULE_OF.get(r.category()) + " silent")
            .append(o.note().isEmpty() ? "" : " (" + o.note().replace("|", "\\|") + ")").append(" |\n");
      }
    }

    Map<String, Long> notRead = new LinkedHashMap<>();
    outcomes.stream().filter(o -> o.status() == Status.NOT_READ)
        .forEach(o -> notRead.merge(o.row().format(), 1L, Long::sum));
    if (!notRead.isEmpty()) {
      sb.append("\n## Not read yet\n\n");
      notRead.forEach((format, n) -> sb.append("- ").append(format).append(": ").append(n)
          .append(" rows, format not supported yet\n"));
    }
    return sb.toString();
  }

  private static String summaryLine(String name, List<Outcome> rows) {
    List<Outcome> read = rows.stream().filter(o -> o.status() != Status.NOT_READ).toList();
    long agree = read.stream().filter(o -> o.status() == Status.AGREE).count();
    String pct = read.isEmpty() ? "n/a" : Math.round(100.0 * agree / read.size()) + " %";
    return "| " + name + " | " + rows.size() + " | " + read.size() + " | " + agree + " | " + (read.size() - agree)
        + " | " + pct + " |\n";
  }

  private static String ratio(List<Outcome> rows) {
    if (rows.isEmpty()) {
      return "-";
    }
    return rows.stream().filter(o -> o.status() == Status.AGREE).count() + " / " + rows.size();
  }
}
