package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.ToolInfo;
import io.github.assumeguard.model.Location;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON report (DESIGN.md): {@code tool}, {@code findings} (suppressed ones included, marked),
 * {@code errors} and {@code summary}. Optional fields ({@code resource}, {@code witness},
 * {@code fix}, {@code suppression}) are absent when empty.
 */
final class JsonReport {

  private JsonReport() {
  }

  static String render(Report report) {
    ObjectNode root = Json.object();
    root.set("tool", tool());
    ArrayNode findings = root.putArray("findings");
    report.findings().forEach(f -> findings.add(finding(f)));
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

  private static ObjectNode finding(Finding f) {
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
    o.put("errors", report.errors().size());
    o.put("filesAnalysed", report.filesAnalysed());
    o.put("filesSkipped", report.filesSkipped());
    return o;
  }
}
