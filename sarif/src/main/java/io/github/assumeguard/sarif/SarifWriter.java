package io.github.assumeguard.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.jcup.sarif_2_1_0.model.ArtifactLocation;
import de.jcup.sarif_2_1_0.model.Invocation;
import de.jcup.sarif_2_1_0.model.LogicalLocation;
import de.jcup.sarif_2_1_0.model.Message;
import de.jcup.sarif_2_1_0.model.MultiformatMessageString;
import de.jcup.sarif_2_1_0.model.Notification;
import de.jcup.sarif_2_1_0.model.OriginalUriBaseIds;
import de.jcup.sarif_2_1_0.model.PartialFingerprints;
import de.jcup.sarif_2_1_0.model.PhysicalLocation;
import de.jcup.sarif_2_1_0.model.PropertyBag;
import de.jcup.sarif_2_1_0.model.Region;
import de.jcup.sarif_2_1_0.model.ReportingConfiguration;
import de.jcup.sarif_2_1_0.model.ReportingDescriptor;
import de.jcup.sarif_2_1_0.model.Result;
import de.jcup.sarif_2_1_0.model.Run;
import de.jcup.sarif_2_1_0.model.RunAutomationDetails;
import de.jcup.sarif_2_1_0.model.SarifSchema210;
import de.jcup.sarif_2_1_0.model.Suppression;
import de.jcup.sarif_2_1_0.model.Tool;
import de.jcup.sarif_2_1_0.model.ToolComponent;
import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.engine.Fingerprints;
import io.github.assumeguard.engine.InputError;
import io.github.assumeguard.engine.Level;
import io.github.assumeguard.engine.Report;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleMeta;
import io.github.assumeguard.engine.ToolInfo;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.sarif.ArtifactUris.ArtifactUri;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Report} as SARIF 2.1.0 for GitHub code scanning: one run, every rule in
 * {@code tool.driver.rules} (sorted by id), results with artifact URIs relative to
 * {@code sarifRoot} ({@code %SRCROOT%}), line-independent {@code partialFingerprints}, and input
 * errors and rule failures as tool execution notifications. Instances are immutable; the option
 * methods return a new writer.
 */
public final class SarifWriter {

  /** The {@code partialFingerprints} key of the line-independent fingerprint ({@link Fingerprints#KEY}). */
  public static final String FINGERPRINT_KEY = Fingerprints.KEY;

  /**
   * The most results one run holds: GitHub code scanning rejects a run with more. Beyond it the
   * most severe are kept and a tool notification says how many were left out.
   */
  public static final int MAX_RESULTS = 25_000;

  /** The {@code uriBaseId} of relative artifact URIs; {@code originalUriBaseIds} resolves it. */
  public static final String SRCROOT = "%SRCROOT%";

  private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private static final Comparator<Result> RESULT_ORDER = Comparator
      .comparing((Result r) -> artifact(r).getUri())
      .thenComparingInt(r -> region(r).getStartLine())
      .thenComparingInt(r -> region(r).getStartColumn())
      .thenComparing(Result::getRuleId)
      .thenComparingInt(r -> region(r).getEndLine())
      .thenComparingInt(r -> region(r).getEndColumn())
      .thenComparing(r -> r.getMessage().getText())
      .thenComparing(SarifWriter::resourceName)
      .thenComparing(r -> r.getPartialFingerprints().getAdditionalProperties().get(FINGERPRINT_KEY));

  /** Most severe first, for choosing what to keep when there are more than {@link #MAX_RESULTS}. */
  private static final Comparator<Result> SEVERITY = Comparator.comparingInt(r -> switch (r.getLevel()) {
    case ERROR -> 0;
    case WARNING -> 1;
    case NOTE -> 2;
    case NONE -> 3;
  });

  /**
   * Serialises the SARIF model with our Jackson 3. The model's classes are annotated
   * {@code @JsonInclude(NON_DEFAULT)}, so properties equal to their schema default are left out;
   * a rule's {@code defaultConfiguration.level} and a notification's {@code level} are written
   * even when they equal the default ({@code warning}) because readers show them, and an empty
   * {@code results} array is written because GitHub closes fixed alerts only on that.
   */
  private static final class Mapper {
    // built on first use: a writer made only for fingerprints (JSON reports, baselines) never
    // pays for a Jackson mapper, whose set-up is a large part of a small scan's start-up
    static final JsonMapper MAPPER = JsonMapper.builder()
        .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_EMPTY)
            .withContentInclusion(JsonInclude.Include.NON_NULL))
        .addMixIn(ReportingConfiguration.class, NonEmpty.class)
        .addMixIn(Notification.class, NonEmpty.class)
        .addMixIn(Run.class, RunResults.class)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private abstract static class NonEmpty {
  }

  /** {@code results: []} says "ran and found nothing" (absent would mean "did not run"). */
  private abstract static class RunResults {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract List<Result> getResults();
  }

  private final ArtifactUris uris;
  private final boolean includeSuppressed;
  private final Optional<String> automationId;

  /** {@code sarifRoot}: the directory artifact URIs are relative to (the repository root). */
  public SarifWriter(Path sarifRoot) {
    this(new ArtifactUris(sarifRoot), false, Optional.empty());
  }

  private SarifWriter(ArtifactUris uris, boolean includeSuppressed, Optional<String> automationId) {
    this.uris = uris;
    this.includeSuppressed = includeSuppressed;
    this.automationId = automationId;
  }

  /**
   * Whether suppressed findings are written (with {@code suppressions: [{kind: external,
   * justification}]}); by default they are left out, since GitHub ignores {@code suppressions}
   * and would show them as open alerts.
   */
  public SarifWriter includeSuppressed(boolean value) {
    return new SarifWriter(uris, value, automationId);
  }

  /**
   * Sets {@code run.automationDetails.id} (e.g. {@code "assumeguard/infra/"}), which GitHub uses
   * as the analysis category. Unset by default, so the upload action's {@code category} applies.
   */
  public SarifWriter automationId(String id) {
    return new SarifWriter(uris, includeSuppressed, Optional.of(Objects.requireNonNull(id, "id")));
  }

  /** Writes {@code report} as pretty-printed SARIF followed by a newline; does not close {@code out}. */
  public void write(Report report, Writer out) throws IOException {
    try {
      Mapper.MAPPER.writeValue(out, toSarif(report));
    } catch (JacksonIOException e) {
      throw e.getCause();
    } catch (JacksonException e) {
      throw new IOException("cannot write SARIF: " + e.getOriginalMessage(), e);
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  /** The SARIF document of {@code report}, as a string. */
  public String toJson(Report report) {
    return Mapper.MAPPER.writeValueAsString(toSarif(report)) + System.lineSeparator();
  }

  /** The SARIF model of {@code report}. */
  public SarifSchema210 toSarif(Report report) {
    RuleIndex rules = RuleIndex.of(report);
    Run run = new Run();
    run.setTool(tool(rules));
    Results results = results(report, rules);
    run.setInvocations(List.of(invocation(report, results)));
    OriginalUriBaseIds bases = new OriginalUriBaseIds();
    ArtifactLocation root = new ArtifactLocation();
    root.setUri(uris.rootUri());
    bases.setAdditionalProperty(SRCROOT, root);
    run.setOriginalUriBaseIds(bases);
    run.setResults(results.kept());
    run.setColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
    automationId.ifPresent(id -> {
      RunAutomationDetails details = new RunAutomationDetails();
      details.setId(id);
      run.setAutomationDetails(details);
    });
    SarifSchema210 log = new SarifSchema210();
    log.set$schema(SCHEMA);
    log.setVersion(SarifSchema210.Version._2_1_0);
    log.setRuns(List.of(run));
    return log;
  }

  /** The artifact URI of {@code file}: relative to the SARIF root, or an absolute {@code file:} URI. */
  public String uri(String file) {
    return uris.of(file).uri();
  }

  /**
   * The line-independent fingerprint of {@code finding} ({@link Fingerprints#of}) with its file's
   * artifact URI, so it survives lines inserted above the finding. The JSON report and the
   * baseline use this same function.
   */
  public String fingerprint(Finding finding) {
    return Fingerprints.of(finding, uri(finding.location().file()));
  }

  // ---- tool.driver -------------------------------------------------------------------------

  private static Tool tool(RuleIndex rules) {
    ToolComponent driver = new ToolComponent();
    driver.setName(ToolInfo.NAME);
    driver.setVersion(ToolInfo.version());
    if (SEMVER.matcher(ToolInfo.version()).matches()) {
      driver.setSemanticVersion(ToolInfo.version());
    }
    driver.setInformationUri(URI.create(ToolInfo.INFORMATION_URI));
    driver.setRules(new LinkedHashSet<>(rules.descriptors()));
    Tool tool = new Tool();
    tool.setDriver(driver);
    return tool;
  }

  /** driver.rules: every known rule sorted by id, plus any rule id only a finding names. */
  private record RuleIndex(List<ReportingDescriptor> descriptors, Map<String, Integer> index) {

    static RuleIndex of(Report report) {
      TreeMap<String, ReportingDescriptor> byId = new TreeMap<>();
      for (Rule rule : report.rules()) {
        byId.putIfAbsent(rule.meta().id(), descriptor(rule));
      }
      for (Finding f : report.findings()) {
        byId.computeIfAbsent(f.ruleId(), id -> unknownDescriptor(id, f.level()));
      }
      List<ReportingDescriptor> list = new ArrayList<>(byId.values());
      Map<String, Integer> index = new TreeMap<>();
      for (int i = 0; i < list.size(); i++) {
        index.put(list.get(i).getId(), i);
      }
      return new RuleIndex(list, index);
    }
  }

  private static ReportingDescriptor descriptor(Rule rule) {
    RuleMeta meta = rule.meta();
    String title = meta.title().isBlank() ? meta.name() : meta.title();
    String description = meta.description().isBlank() ? title : meta.description();
    String helpUri = ToolInfo.INFORMATION_URI + "/blob/main/docs/rules/" + meta.id() + ".md";
    Optional<String> page = rule.helpMarkdown().filter(s -> !s.isBlank());

    ReportingDescriptor d = new ReportingDescriptor();
    d.setId(meta.id());
    d.setName(meta.name());
    d.setShortDescription(text(title));
    d.setFullDescription(text(description));
    d.setDefaultConfiguration(configuration(meta.level()));
    d.setHelpUri(URI.create(helpUri));
    MultiformatMessageString help = new MultiformatMessageString();
    help.setText(page.map(PlainText::of).orElse(description + "\n\nSee " + helpUri));
    help.setMarkdown(page.orElse(description + "\n\nSee [docs/rules/" + meta.id() + ".md](" + helpUri + ")."));
    d.setHelp(help);
    PropertyBag properties = new PropertyBag();
    properties.setTags(new LinkedHashSet<>(meta.tags()));
    properties.setAdditionalProperty("precision", meta.precision());
    properties.setAdditionalProperty("security-severity", String.format(Locale.ROOT, "%.1f", meta.securitySeverity()));
    properties.setAdditionalProperty("problem.severity", problemSeverity(meta.level()));
    d.setProperties(properties);
    return d;
  }

  /** A rule the report does not list (a finding from elsewhere): just enough for GitHub. */
  private static ReportingDescriptor unknownDescriptor(String id, Level level) {
    ReportingDescriptor d = new ReportingDescriptor();
    d.setId(id);
    d.setShortDescription(text(id));
    d.setDefaultConfiguration(configuration(level));
    PropertyBag properties = new PropertyBag();
    properties.setAdditionalProperty("problem.severity", problemSeverity(level));
    d.setProperties(properties);
    return d;
  }

  private static ReportingConfiguration configuration(Level level) {
    ReportingConfiguration c = new ReportingConfiguration();
    c.setEnabled(null);
    c.setRank(null);
    c.setLevel(ReportingConfiguration.Level.fromValue(level.label()));
    return c;
  }

  private static String problemSeverity(Level level) {
    return switch (level) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE, NONE -> "recommendation";
    };
  }

  // ---- results -----------------------------------------------------------------------------

  /** The results written ({@code kept}) and how many there were before truncation ({@code total}). */
  private record Results(List<Result> kept, int total) {

    boolean truncated() {
      return total > kept.size();
    }
  }

  private Results results(Report report, RuleIndex rules) {
    List<Result> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Finding f : report.findings()) {
      if (f.isSuppressed() && !includeSuppressed) {
        continue;
      }
      Result r = result(f, rules);
      if (report.hasBaseline()) {
        r.setBaselineState(report.isUnchanged(f) ? Result.BaselineState.UNCHANGED : Result.BaselineState.NEW);
      }
      if (seen.add(identity(r, f))) {
        out.add(r);
      }
    }
    int total = out.size();
    if (total > MAX_RESULTS) {
      out.sort(SEVERITY.thenComparing(RESULT_ORDER));
      out = new ArrayList<>(out.subList(0, MAX_RESULTS));
    }
    out.sort(RESULT_ORDER);
    return new Results(out, total);
  }

  /** What makes two results the same: rule, place, message, resource and suppression. */
  private static List<Object> identity(Result r, Finding f) {
    Region region = region(r);
    return List.of(r.getRuleId(), artifact(r).getUri(), region.getStartLine(), region.getStartColumn(),
        region.getEndLine(), region.getEndColumn(), r.getMessage().getText(),
        f.resource().map(ResourceRef::id).orElse(""), f.isSuppressed());
  }

  private Result result(Finding f, RuleIndex rules) {
    Result r = new Result();
    r.setRuleId(f.ruleId());
    r.setRuleIndex(rules.index().get(f.ruleId()));
    r.setLevel(Result.Level.fromValue(f.level().label()));
    Message message = new Message();
    message.setText(messageText(f));
    r.setMessage(message);

    de.jcup.sarif_2_1_0.model.Location location = location(f.location());
    f.resource().ifPresent(res -> location.setLogicalLocations(new LinkedHashSet<>(List.of(logical(res)))));
    r.setLocations(List.of(location));

    PartialFingerprints fingerprints = new PartialFingerprints();
    fingerprints.setAdditionalProperty(FINGERPRINT_KEY, fingerprint(f));
    r.setPartialFingerprints(fingerprints);

    f.suppression().ifPresent(reason -> {
      Suppression s = new Suppression();
      s.setKind(Suppression.Kind.EXTERNAL);
      s.setJustification(reason);
      r.setSuppressions(new LinkedHashSet<>(List.of(s)));
    });

    if (f.witness().isPresent() || f.fix().isPresent()) {
      PropertyBag properties = new PropertyBag();
      f.witness().ifPresent(w -> properties.setAdditionalProperty("witness", w));
      f.fix().ifPresent(x -> properties.setAdditionalProperty("fix", x));
      r.setProperties(properties);
    }
    return r;
  }

  /**
   * The message GitHub shows: the finding's sentence, then the witness (a caller that gets in)
   * and the fix, since GitHub renders neither result properties nor Markdown messages.
   */
  static String messageText(Finding f) {
    StringBuilder text = new StringBuilder(sentence(f.message()));
    f.witness().ifPresent(w -> text.append(" Witness: \"").append(w.strip()).append("\"."));
    f.fix().ifPresent(x -> text.append(" Fix: ").append(sentence(x)));
    return text.toString();
  }

  private static String sentence(String s) {
    String t = s.strip();
    if (t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?")) {
      return t;
    }
    return t + ".";
  }

  private de.jcup.sarif_2_1_0.model.Location location(Location where) {
    ArtifactUri uri = uris.of(where.file());
    ArtifactLocation artifact = new ArtifactLocation();
    artifact.setUri(uri.uri());
    if (uri.relative()) {
      artifact.setUriBaseId(SRCROOT);
    }
    PhysicalLocation physical = new PhysicalLocation();
    physical.setArtifactLocation(artifact);
    physical.setRegion(region(where));
    de.jcup.sarif_2_1_0.model.Location location = new de.jcup.sarif_2_1_0.model.Location();
    location.setPhysicalLocation(physical);
    return location;
  }

  /**
   * The region of a location: 1-based, end column exclusive (as the loader records it). A point
   * location is widened to one character so that viewers highlight it.
   */
  private static Region region(Location where) {
    int line = Math.max(1, where.line());
    int column = Math.max(1, where.column());
    int endLine = Math.max(line, where.endLine());
    int endColumn = Math.max(1, where.endColumn());
    if (endLine == line && endColumn <= column) {
      endColumn = column + 1;
    }
    Region region = new Region();
    region.setStartLine(line);
    region.setStartColumn(column);
    region.setEndLine(endLine);
    region.setEndColumn(endColumn);
    return region;
  }

  private static LogicalLocation logical(ResourceRef resource) {
    LogicalLocation l = new LogicalLocation();
    l.setName(resource.id());
    l.setKind("resource");
    l.setFullyQualifiedName(resource.path().filter(p -> !p.isBlank()).orElse(resource.id()));
    if (!resource.type().isBlank()) {
      PropertyBag properties = new PropertyBag();
      properties.setAdditionalProperty("resourceType", resource.type());
      l.setProperties(properties);
    }
    return l;
  }

  /** The resource a result belongs to (its first logical location), or "" for a bare file. */
  private static String resourceName(Result r) {
    var logical = r.getLocations().get(0).getLogicalLocations();
    if (logical == null || logical.isEmpty()) {
      return "";
    }
    String name = logical.iterator().next().getName();
    return name == null ? "" : name;
  }

  private static ArtifactLocation artifact(Result r) {
    return r.getLocations().get(0).getPhysicalLocation().getArtifactLocation();
  }

  private static Region region(Result r) {
    return r.getLocations().get(0).getPhysicalLocation().getRegion();
  }

  // ---- invocation --------------------------------------------------------------------------

  private Invocation invocation(Report report, Results results) {
    List<Notification> notifications = new ArrayList<>();
    for (InputError e : report.errors()) {
      Notification n = notification(Notification.Level.ERROR, e.message());
      n.setLocations(new LinkedHashSet<>(List.of(location(e.location()))));
      notifications.add(n);
    }
    for (io.github.assumeguard.engine.Warning w : report.warnings()) {
      Notification n = notification(Notification.Level.WARNING, w.message());
      n.setLocations(new LinkedHashSet<>(List.of(location(w.location()))));
      notifications.add(n);
    }
    for (String note : report.notifications()) {
      notifications.add(notification(Notification.Level.WARNING, note));
    }
    if (results.truncated()) {
      notifications.add(notification(Notification.Level.WARNING, String.format(Locale.ROOT,
          "results truncated: %,d of %,d results written, the most severe first; GitHub code scanning accepts "
              + "at most %,d results per run (the text and JSON reports hold them all)",
          results.kept().size(), results.total(), MAX_RESULTS)));
    }
    Invocation invocation = new Invocation();
    invocation.setToolExecutionNotifications(notifications);
    invocation.setExecutionSuccessful(report.errors().isEmpty() && report.notifications().isEmpty());
    return invocation;
  }

  private static Notification notification(Notification.Level level, String message) {
    Notification n = new Notification();
    n.setLevel(level);
    n.setMessage(messageOf(message));
    return n;
  }

  private static Message messageOf(String s) {
    Message m = new Message();
    m.setText(s);
    return m;
  }

  private static MultiformatMessageString text(String s) {
    MultiformatMessageString m = new MultiformatMessageString();
    m.setText(s);
    return m;
  }
}
