package io.github.assumeguard.engine;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A glob from the config ({@code exclude}, a suppression's {@code path}), compiled once: it matches
 * a path as written and also at any depth ({@code **}/ in front), so {@code vendor/**} excludes
 * {@code ./infra/vendor/x.json} too.
 */
record Glob(PathMatcher exact, PathMatcher anyDepth) {

  /** Compiles {@code glob}; throws {@link java.util.regex.PatternSyntaxException} when it is not one. */
  static Glob of(String glob) {
    FileSystem fs = FileSystems.getDefault();
    return new Glob(fs.getPathMatcher("glob:" + glob), fs.getPathMatcher("glob:**/" + glob));
  }

  boolean matches(Path path) {
    Path p = path.normalize();
    return exact.matches(p) || anyDepth.matches(p);
  }
}
