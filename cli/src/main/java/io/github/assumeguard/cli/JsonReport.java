package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.ToolInfo;
import io.github.assumeguard.model.Location;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON report (DESIGN.md): {@code tool}, {@code findings} (suppressed ones included, marked),
 * {@code errors} and {@code summary}. Optional fields ({@code resource}, {@code witness},
 * {@code fix}, {@code suppression}) are absent when empty. Each finding carries the same
 * {@code fingerprint} as in SARIF, so a JSON report serves as a baseline; with a baseline, each
 * finding says whether it is {@code "new"} or {@code "unchanged"} and the summary counts the
 * unchanged ones.
 */
final class JsonReport {

  private JsonReport() {
  }

  /** {@code fingerprint}: the SARIF writer's, so that JSON and SARIF baselines match alike. */
  static String render(Report report, Function<Finding, String> fingerprint) {
    ObjectNode root = Json.object();
    root.set("tool", tool());
    ArrayNode findings = root.putArray("findings");
    report.findings().forEach(f -> findings.add(finding(report, f, fingerprint)));
    ArrayNode errors = root.putArray("errors");
    report.errors().forEach(e -> errors.add(error(e)));
    if (!report.warnings().isEmpty()) {
      ArrayNode warnings = root.putArray("warnings");
      report.warnings().forEach(w -> {
        ObjectNode o = Json.object();
        o.put("file", w.location().file());
        o.put("line", w.location().line());
        o.put("column", w.location().column());
        o.put("message", w.message());
        warnings.add(o);
      });
    }
    if (!report.notifications().isEmpty()) {
      ArrayNode notes = root.putArray("notifications");
      report.notifications().forEach(notes::add);
    }
    root.set("summary", summary(report));
    return Json.pretty(root);
  }

  static ObjectNode tool() {
    ObjectNode tool = Json.object();
    tool.put("name", ToolInfo.NAME);
    tool.put("version", ToolInfo.version());
    return tool;
  }

  private static ObjectNode finding(Report report, Finding f, Function<Finding, String> fingerprint) {
    Location at = f.location();
    ObjectNode o = Json.object();
    o.put("ruleId", f.ruleId());
    o.put("level", f.level().label());
    o.put("message", f.message());
    o.put("file", at.file());
    o.put("line", at.line());
    o.put("column", at.column());
    o.put("endLine", at.endLine());
    o.put("endColumn", at.endColumn());
    o.put("pointer", at.pointer());
    f.resource().ifPresent(r -> o.put("resource", r.id()));
    o.put("suppressed", f.isSuppressed());
    f.suppression().ifPresent(reason -> o.put("suppression", reason));
    f.witness().ifPresent(w -> o.put("witness", w));
    f.fix().ifPresent(x -> o.put("fix", x));
    o.put("fingerprint", fingerprint.apply(f));
    if (report.hasBaseline()) {
      o.put("baseline", report.isUnchanged(f) ? "unchanged" : "new");
    }
    return o;
  }

  private static ObjectNode error(InputError e) {
    ObjectNode o = Json.object();
    o.put("file", e.location().file());
    o.put("line", e.location().line());
    o.put("column", e.location().column());
    o.put("message", e.message());
    return o;
  }

  private static ObjectNode summary(Report report) {
    ObjectNode o = Json.object();
    for (Level level : new Level[] {Level.ERROR, Level.WARNING, Level.NOTE}) {
      o.put(level.label(), report.count(level));
    }
    o.put("suppressed", report.suppressed());
    if (report.hasBaseline()) {
      o.put("unchanged", report.unchangedCount());
    }
    o.put("errors", report.errors().size());
    o.put("filesAnalysed", report.filesAnalysed());
    o.put("filesSkipped", report.filesSkipped());
    return o;
  }
}
