package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.Config;
import io.github.assumeguard.engine.ConfigLoader;
import io.github.assumeguard.engine.Fingerprints;
import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleRegistry;
import io.github.assumeguard.load.Limits;
import io.github.assumeguard.load.Loader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Start-up on the second core. While the main thread builds the command line (picocli takes a
 * good part of a small scan's time), a daemon thread discovers the rules and takes one tiny trust
 * policy through the loader, the policy grammar, every rule and the fingerprint digest, so what a
 * scan needs is loaded and initialised by the time the main thread gets to it; when the scan will
 * read a config file, the config reader and its schema are warmed up as well. The work is
 * side-effect free: its findings are dropped, and a failure only means no head start.
 */
final class WarmUp {

  /** A trust policy that loads cleanly and exercises principals, conditions and the grammar. */
  private static final String POLICY = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root", "Service": "ec2.amazonaws.com"},
        "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}]}
      """;

  /** A config like the ones users write, read when the scan will read one too. */
  private static final String CONFIG = """
      trustedAccounts: ["111122223333"]
      rules:
        AG101: {level: error}
      """;

  private WarmUp() {
  }

  /**
   * The rules, discovered once; for a scan (not {@code rules}, {@code explain} or {@code help}) the
   * discovery and the warm-up start at once on a daemon thread.
   */
  static Supplier<List<Rule>> start(String[] args) {
    Once<List<Rule>> rules = new Once<>(RuleRegistry::discover);
    if (isScan(args)) {
      boolean configOption = Arrays.stream(args).anyMatch(a -> a.equals("-c") || a.startsWith("--config"));
      Thread thread = new Thread(() -> run(rules, configOption), "assumeguard-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
    return rules;
  }

  /** True when the command line runs a scan (the default command), the only one warmed up for. */
  static boolean isScan(String[] args) {
    if (args.length == 0) {
      return false;
    }
    return switch (args[0]) {
      case "rules", "explain", "help", "--help", "-h", "--version", "-V" -> false;
      default -> true;
    };
  }

  private static void run(Supplier<List<Rule>> rules, boolean configOption) {
    try {
      Analyzer analyzer = new Analyzer(rules.get(), Config.defaults(), Limits.defaults());
      // the policy grammar (networknt) first: it is the costliest to set up
      new Loader(Limits.defaults()).loadText(POLICY, "warm-up.json").map(analyzer::check)
          .ifPresent(findings -> findings.forEach(f -> Fingerprints.of(f, "warm-up.json")));
      if (configOption || ConfigLoader.find(Path.of("")).isPresent()) {
        ConfigLoader.parse(CONFIG, "warm-up.yml");
      }
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the scan itself reports whatever is wrong
    }
  }

  /** A supplier that computes its value once, whichever thread asks first; the others wait for it. */
  static final class Once<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;

    Once(Supplier<T> source) {
      this.source = source;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = source.get();
      }
      return value;
    }
  }
}
