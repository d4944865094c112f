package io.github.assumeguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void onlyScansAreWarmedUp() {
    assertThat(WarmUp.isScan(new String[] {"policy.json"})).isTrue();
    assertThat(WarmUp.isScan(new String[] {"scan", "--format", "json", "."})).isTrue();
    assertThat(WarmUp.isScan(new String[] {"--fail-on", "error", "."})).isTrue();
    for (String first : List.of("rules", "explain", "help", "--help", "-h", "--version", "-V")) {
      assertThat(WarmUp.isScan(new String[] {first})).as(first).isFalse();
    }
    assertThat(WarmUp.isScan(new String[0])).isFalse();
  }

  @Test
  void theRulesAreTheDiscoveredOnesWhetherOrNotTheWarmUpRuns() {
    List<String> expected = RuleRegistry.discover().stream().map(r -> r.meta().id()).toList();
    assertThat(WarmUp.start(new String[] {"policy.json"}).get()).extracting(r -> r.meta().id())
        .containsExactlyElementsOf(expected);
    assertThat(WarmUp.start(new String[] {"rules"}).get()).extracting(r -> r.meta().id())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void onceComputesItsValueOnceForAllThreads() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    Supplier<List<Rule>> once = new WarmUp.Once<>(() -> {
      calls.incrementAndGet();
      return List.of();
    });
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(once::get);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(once.get()).isEmpty();
    assertThat(calls).hasValue(1);
  }
}
