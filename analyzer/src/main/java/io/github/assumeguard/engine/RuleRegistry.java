package io.github.assumeguard.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The rules found through {@link ServiceLoader}, sorted by id, ids unique. */
public final class RuleRegistry {

  private RuleRegistry() {
  }

  /** Every rule of every {@link RuleProvider} on the class path of {@code loader}. */
  public static List<Rule> discover(ClassLoader loader) {
    List<Rule> rules = new ArrayList<>();
    for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
      rules.addAll(provider.rules());
    }
    return sorted(rules);
  }

  public static List<Rule> discover() {
    return discover(RuleRegistry.class.getClassLoader());
  }

  /** The rules sorted by id; fails when two rules share an id. */
  public static List<Rule> sorted(List<Rule> rules) {
    Set<String> ids = new HashSet<>();
    for (Rule r : rules) {
      if (!ids.add(r.meta().id())) {
        throw new IllegalStateException("two rules share the id " + r.meta().id());
      }
    }
    List<Rule> out = new ArrayList<>(rules);
    out.sort(Comparator.comparing(r -> r.meta().id()));
    return List.copyOf(out);
  }
}
