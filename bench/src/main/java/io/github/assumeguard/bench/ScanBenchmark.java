package io.github.assumeguard.bench;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.Finding;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import io.github.assumeguard.model.Workspace;
import io.github.assumeguard.rules.BuiltInRules;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Parse + model + rules per input format, next to a bare Jackson token pass over the same text
 * (the floor), and the rules alone on an already-built model (their share).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanBenchmark {

  @Param({"policy", "cfn-10-roles", "cfn-500-roles", "plan-1250-roles", "tf-file"})
  public String input;

  private String text;
  private String name;
  private TokenStreamFactory floorFactory;
  private Loader loader;
  private Analyzer analyzer;
  private Workspace model;

  @Setup
  public void setUp() {
    switch (input) {
      case "policy" -> {
        text = Generate.smallPolicy();
        name = "trust.json";
      }
      case "cfn-10-roles" -> {
        text = Generate.template(1, 10);
        name = "stack.yaml";
      }
      case "cfn-500-roles" -> {
        text = Generate.template(0, 500);
        name = "template.yaml";
      }
      case "plan-1250-roles" -> {
        text = Generate.plan(1250);
        name = "plan.json";
      }
      case "tf-file" -> {
        text = Generate.terraform(3);
        name = "role.tf";
      }
      default -> throw new IllegalArgumentException(input);
    }
    floorFactory = name.endsWith(".yaml") ? YAMLFactory.builder().build() : JsonFactory.builder().build();
    loader = new Loader(Limits.defaults());
    analyzer = new Analyzer(BuiltInRules.all(), Config.defaults(), Limits.defaults());
    model = load();
  }

  private Workspace load() {
    if (name.endsWith(".tf")) {
      return loadTf();
    }
    return loader.loadText(text, name).orElseThrow(() -> new IllegalStateException("not recognised: " + name));
  }

  private Workspace loadTf() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bench-tf");
      java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve(name), text);
      return loader.load(file, name).orElseThrow(() -> new IllegalStateException("not recognised: " + name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Load (parse with positions, build the model) and run every rule. */
  @Benchmark
  public List<Finding> loadAndCheck() {
    return analyzer.check(load());
  }

  /** Every rule over a model built once: the rules' own cost. */
  @Benchmark
  public List<Finding> rulesOnly() {
    return analyzer.check(model);
  }

  /** A bare Jackson token pass over the same text: the floor a loader cannot beat. */
  @Benchmark
  public void jacksonFloor(Blackhole bh) {
    if (name.endsWith(".tf")) {
      bh.consume(text.length());
      return;
    }
    try (JsonParser p = floorFactory.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        bh.consume(t);
      }
    }
  }
}
