package io.github.assumeguard.maven;

import io.github.assumeguard.engine.Analyzer;
import io.github.assumeguard.engine.InputError;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the check goal scans: every candidate file (JSON, YAML, {@code .template}) below the
 * source directories whose path relative to its source directory matches an include and no
 * exclude, never inside the build directory. All are scanned like files of a directory walk: a file
 * of no known kind is skipped, not an error.
 */
final class SourceFiles {

  static final List<String> DEFAULT_INCLUDES = List.of("**/*.json", "**/*.yaml", "**/*.yml", "**/*.template");

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final Path buildDirectory;

  SourceFiles(List<String> includes, List<String> excludes, Path buildDirectory) {
    this.includes = matchers(includes.isEmpty() ? DEFAULT_INCLUDES : includes);
    this.excludes = matchers(excludes);
    this.buildDirectory = buildDirectory.toAbsolutePath().normalize();
  }

  /** Collects the inputs below {@code sources} (directories or single files) into {@code inputs}. */
  void collect(Analyzer analyzer, List<Path> sources, List<Analyzer.Input> inputs, List<InputError> errors) {
    for (Path source : sources) {
      Path root = source.toAbsolutePath().normalize();
      List<Analyzer.Input> found = new ArrayList<>();
      analyzer.collect(root, found, errors);
      for (Analyzer.Input input : found) {
        Path file = input.path().toAbsolutePath().normalize();
        if (file.startsWith(buildDirectory) && !root.startsWith(buildDirectory)) {
          continue;
        }
        if (!file.equals(root) && !selected(root.relativize(file))) {
          continue;
        }
        inputs.add(new Analyzer.Input(input.path(), input.display(), false));
      }
    }
  }

  private boolean selected(Path relative) {
    return matches(includes, relative) && !matches(excludes, relative);
  }

  /** Globs as Maven users write them: {@code **}{@code /*.json} also matches {@code a.json} at the top. */
  private static boolean matches(List<PathMatcher> matchers, Path relative) {
    return matchers.stream().anyMatch(m -> m.matches(relative));
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> out = new ArrayList<>();
    for (String glob : globs) {
      String g = glob.replace('\\', '/').strip();
      if (g.endsWith("/")) {
        g = g + "**";
      }
      out.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      while (g.startsWith("**/")) {
        g = g.substring(3);
        out.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      }
    }
    return out;
  }
}
