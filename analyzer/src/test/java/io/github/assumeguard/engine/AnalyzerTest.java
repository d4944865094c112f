package io.github.assumeguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.InlineSuppression;
import io.github.assumeguard.model.Location;
import io.github.assumeguard.model.ResourceRef;
import io.github.assumeguard.model.Role;
import io.github.assumeguard.model.Workspace;
import io.github.assumeguard.model.PolicyDocument;
import io.github.assumeguard.model.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {

  /** Flags every "*" principal of a trust document. */
  static final class StarRule implements Rule {
    static final RuleMeta META = RuleMeta.builder("XX101", "star").level(Level.ERROR).title("star").build();

    @Override
    public RuleMeta meta() {
      return META;
    }

    @Override
    public Stream<Finding> checkDocument(PolicyDocument doc, RuleContext ctx) {
      return doc.isTrust() ? doc.effectiveAllows().flatMap(s -> s.principals().stream())
          .filter(Principal::isEveryone).map(p -> META.at(p.location(), "star")) : Stream.empty();
    }
  }

  /** Always throws. */
  static final class BrokenRule implements Rule {
    static final RuleMeta META = RuleMeta.builder("XX999", "broken").level(Level.NOTE).title("broken").build();

    @Override
    public RuleMeta meta() {
      return META;
    }

    @Override
    public Stream<Finding> checkDocument(PolicyDocument doc, RuleContext ctx) {
      throw new IllegalStateException("boom");
    }
  }

  private static final String STAR = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}
      """;

  private static Analyzer analyzer(Config config, Rule... rules) {
    return new Analyzer(List.of(rules), config, Limits.defaults());
  }

  @Test
  void aLargeTemplateIsReadAndCheckedInParallelWithTheSequentialResult(@TempDir Path dir) throws IOException {
    // 100 roles: enough for parallel template slices and parallel checks; every fifth trusts "*"
    StringBuilder template = new StringBuilder("{\"Resources\": {\n");
    for (int i = 0; i < 100; i++) {
      String principal = i % 5 == 0 ? "\"*\"" : "{\"Service\": \"ec2.amazonaws.com\"}";
      template.append(i == 0 ? "" : ",\n").append("\"Role").append(i).append("\": {\"Type\": \"AWS::IAM::Role\", ")
          .append("\"Properties\": {\"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": ")
          .append("[{\"Effect\": \"Allow\", \"Principal\": ").append(principal)
          .append(", \"Action\": \"sts:AssumeRole\"}]}}}");
    }
    Files.writeString(dir.resolve("big.json"), template.append("\n}}\n").toString());
    Report r = analyzer(Config.defaults(), new StarRule()).scan(List.of(dir.resolve("big.json")));
    assertThat(r.errors()).isEmpty();
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i += 5) {
      expected.add((i + 2) + " Role" + i);
    }
    assertThat(r.findings()).extracting(f -> f.location().line() + " " + f.resource().orElseThrow().id())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void walksDirectoriesSkippingVcsAndVendorFolders(@TempDir Path dir) throws IOException {
    write(dir, "a.json", STAR);
    write(dir, "sub/b.json", STAR);
    write(dir, ".git/c.json", STAR);
    write(dir, "node_modules/d.json", STAR);
    write(dir, ".terraform/e.json", STAR);
    write(dir, "package.json", "{\"name\": \"x\"}");
    write(dir, "notes.txt", STAR);
    Report r = analyzer(Config.defaults(), new StarRule()).scan(List.of(dir));
    assertThat(r.findings()).extracting(f -> dir.relativize(Path.of(f.location().file())).toString())
        .containsExactly("a.json", "sub/b.json");
    assertThat(r.filesAnalysed()).isEqualTo(2);
    assertThat(r.filesSkipped()).isEqualTo(1);
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void brokenFilesAreErrorsAndTheOthersAreStillAnalysed(@TempDir Path dir) throws IOException {
    write(dir, "a.json", "{\"Statement\": [");
    write(dir, "b.json", STAR);
    write(dir, "c.json", "");
    Report r = analyzer(Config.defaults(), new StarRule()).scan(List.of(dir));
    assertThat(r.errors()).extracting(e -> Path.of(e.location().file()).getFileName().toString())
        .containsExactly("a.json", "c.json");
    assertThat(r.findings()).hasSize(1);
  }

  @Test
  void explicitNonPolicyFileIsAnError(@TempDir Path dir) throws IOException {
    Path pkg = write(dir, "package.json", "{\"name\": \"x\"}");
    Report r = analyzer(Config.defaults(), new StarRule()).scan(List.of(pkg, dir.resolve("missing.json")));
    assertThat(r.errors()).extracting(InputError::message).containsExactlyInAnyOrder(
        "not a policy document, aws iam output, CloudFormation template or Terraform plan",
        "no such file or directory");
  }

  @Test
  void aFailingRuleBecomesANotificationAndTheRunGoesOn(@TempDir Path dir) throws IOException {
    write(dir, "a.json", STAR);
    Report r = analyzer(Config.defaults(), new StarRule(), new BrokenRule()).scan(List.of(dir));
    assertThat(r.findings()).hasSize(1);
    assertThat(r.notifications()).singleElement().asString().contains("XX999").contains("boom");
  }

  @Test
  void configTurnsRulesOffChangesLevelsSuppressesAndExcludes(@TempDir Path dir) throws IOException {
    write(dir, "a.json", STAR);
    write(dir, "b.json", STAR);
    write(dir, "vendor/c.json", STAR);
    Config base = Config.defaults();
    Config config = new Config(Optional.empty(),
        Map.of("XX101", new Config.RuleSetting(Optional.empty(), Optional.of(Level.NOTE))),
        Set.of(), Set.of(), 3600, Set.of(), List.of("vendor/**"),
        List.of(new Config.Suppression("XX101", Optional.of("b.json"), Optional.empty(), "reviewed")));
    Report r = analyzer(config, new StarRule()).scan(List.of(dir));
    assertThat(r.findings()).extracting(f -> Path.of(f.location().file()).getFileName() + " " + f.level()
        + " " + f.suppression().orElse("-")).containsExactly("a.json note -", "b.json note reviewed");
    assertThat(r.failing(Level.NOTE)).isEqualTo(1);
    Config off = new Config(Optional.empty(),
        Map.of("XX101", new Config.RuleSetting(Optional.of(false), Optional.empty())),
        Set.of(), Set.of(), 3600, base.exemptServices(), List.of(), List.of());
    assertThat(analyzer(off, new StarRule()).scan(List.of(dir)).findings()).isEmpty();
  }

  @Test
  void parallelScansGiveTheSameOrderedOutput(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 40; i++) {
      write(dir, "d" + (i % 5) + "/f" + i + ".json", STAR);
    }
    Analyzer analyzer = analyzer(Config.defaults(), new StarRule());
    List<Finding> once = analyzer.scan(List.of(dir)).findings();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Finding>>> runs = Stream.generate(() -> pool.submit(() -> analyzer.scan(List.of(dir)).findings()))
          .limit(8).toList();
      for (Future<List<Finding>> run : runs) {
        assertThat(run.get()).isEqualTo(once);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(once).hasSize(40).isSortedAccordingTo(Finding.ORDER);
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void inlineSuppressionsNeedAReason() {
    Loader loader = new Loader(Limits.defaults());
    Workspace base = loader.loadText(STAR, "t.json").orElseThrow();
    ResourceRef ref = ResourceRef.of("OpenRole", "AWS::IAM::Role");
    Role role = base.roles().get(0);
    Role named = new Role(Optional.of(ref), Optional.of("OpenRole"), Optional.empty(), role.trust(),
        Optional.empty(), List.of(), role.location());
    Location at = Location.at("t.json", 1, 1, "");
    Workspace withReason = new Workspace("t.json", List.of(named), List.of(), List.of(), List.of(
        new InlineSuppression("XX101", Optional.of("public by design"), Optional.of(ref), Optional.empty(), at)));
    Workspace withoutReason = new Workspace("t.json", List.of(named), List.of(), List.of(), List.of(
        new InlineSuppression("XX101", Optional.empty(), Optional.of(ref), Optional.empty(), at)));
    Analyzer analyzer = analyzer(Config.defaults(), new StarRule());

    Report honoured = analyzer.analyse(List.of(), List.of());
    assertThat(honoured.warnings()).isEmpty();
    List<Finding> suppressed = analyzer.suppressInline(withReason, analyzer.check(withReason), new java.util.ArrayList<>());
    assertThat(suppressed).singleElement().satisfies(f -> assertThat(f.suppression()).contains("public by design"));

    List<Warning> warnings = new java.util.ArrayList<>();
    List<Finding> kept = analyzer.suppressInline(withoutReason, analyzer.check(withoutReason), warnings);
    assertThat(kept).singleElement().satisfies(f -> assertThat(f.isSuppressed()).isFalse());
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message())
        .isEqualTo("suppression of XX101 on OpenRole has no reason, so it is ignored; say why the finding is accepted"));
  }
}
