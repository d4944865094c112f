package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Rule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a command runs against: the rules, the directory the config is looked for from (and the
 * default SARIF root), whether standard output may be coloured, and the two output streams.
 */
record Env(Supplier<List<Rule>> rules, Path workingDir, boolean colorCapable, PrintWriter out,
    PrintWriter err) {
}
