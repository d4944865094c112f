package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.ToolInfo;
import io.github.assumeguard.model.Location;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

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
    return Json.write(g -> {
      g.writeStartObject();
      tool(g);
      g.writeArrayPropertyStart("findings");
      report.findings().forEach(f -> finding(g, report, f, fingerprint));
      g.writeEndArray();
      g.writeArrayPropertyStart("errors");
      report.errors().forEach(e -> place(g, e.location(), e.message()));
      g.writeEndArray();
      if (!report.warnings().isEmpty()) {
        g.writeArrayPropertyStart("warnings");
        report.warnings().forEach(w -> place(g, w.location(), w.message()));
        g.writeEndArray();
      }
      if (!report.notifications().isEmpty()) {
        g.writeArrayPropertyStart("notifications");
        report.notifications().forEach(g::writeString);
        g.writeEndArray();
      }
      summary(g, report);
      g.writeEndObject();
    });
  }

  /** {@code "tool": {"name": ..., "version": ...}}. */
  static void tool(JsonGenerator g) {
    g.writeObjectPropertyStart("tool");
    g.writeStringProperty("name", ToolInfo.NAME);
    g.writeStringProperty("version", ToolInfo.version());
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Report report, Finding f, Function<Finding, String> fingerprint) {
    Location at = f.location();
    g.writeStartObject();
    g.writeStringProperty("ruleId", f.ruleId());
    g.writeStringProperty("level", f.level().label());
    g.writeStringProperty("message", f.message());
    g.writeStringProperty("file", at.file());
    g.writeNumberProperty("line", at.line());
    g.writeNumberProperty("column", at.column());
    g.writeNumberProperty("endLine", at.endLine());
    g.writeNumberProperty("endColumn", at.endColumn());
    g.writeStringProperty("pointer", at.pointer());
    f.resource().ifPresent(r -> g.writeStringProperty("resource", r.id()));
    g.writeBooleanProperty("suppressed", f.isSuppressed());
    f.suppression().ifPresent(reason -> g.writeStringProperty("suppression", reason));
    f.witness().ifPresent(w -> g.writeStringProperty("witness", w));
    f.fix().ifPresent(x -> g.writeStringProperty("fix", x));
    g.writeStringProperty("fingerprint", fingerprint.apply(f));
    if (report.hasBaseline()) {
      g.writeStringProperty("baseline", report.isUnchanged(f) ? "unchanged" : "new");
    }
    g.writeEndObject();
  }

  /** An input error or a warning: where and what. */
  private static void place(JsonGenerator g, Location at, String message) {
    g.writeStartObject();
    g.writeStringProperty("file", at.file());
    g.writeNumberProperty("line", at.line());
    g.writeNumberProperty("column", at.column());
    g.writeStringProperty("message", message);
    g.writeEndObject();
  }

  private static void summary(JsonGenerator g, Report report) {
    g.writeObjectPropertyStart("summary");
    for (Level level : new Level[] {Level.ERROR, Level.WARNING, Level.NOTE}) {
      g.writeNumberProperty(level.label(), report.count(level));
    }
    g.writeNumberProperty("suppressed", report.suppressed());
    if (report.hasBaseline()) {
      g.writeNumberProperty("unchanged", report.unchangedCount());
    }
    g.writeNumberProperty("errors", report.errors().size());
    g.writeNumberProperty("filesAnalysed", report.filesAnalysed());
    g.writeNumberProperty("filesSkipped", report.filesSkipped());
    g.writeEndObject();
  }
}
