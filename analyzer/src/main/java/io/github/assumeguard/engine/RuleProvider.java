package io.github.assumeguard.engine;

import java.util.List;

/** A pack of rules, found through {@link java.util.ServiceLoader}. */
public interface RuleProvider {
  List<Rule> rules();
}
