package io.github.assumeguard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For callers that hand over every JSON and YAML file of a project (a pre-commit hook, a build
 * gate): a file that could not be loaded is reported only when it shows signs of being IAM content
 * (a policy, template or plan). Any other unreadable file, such as a {@code tsconfig.json} with
 * trailing commas, an empty {@code .yml} or a YAML file with custom tags, is skipped silently.
 */
public final class UnknownFiles {

  /** Words every policy, role dump, template or plan this tool reads contains one of. */
  private static final List<String> MARKERS = List.of("Statement", "Principal", "AssumeRolePolicyDocument",
      "assume_role_policy", "AWS::IAM::", "AWSTemplateFormatVersion", "RoleDetailList", "sts:AssumeRole",
      "resource_changes");

  /** How much of a file is searched for the markers. */
  private static final int PREFIX_BYTES = 1 << 20;

  private UnknownFiles() {
  }

  /**
   * {@code report} without the input errors of those {@code inputs} that show no sign of IAM
   * content; each such file is counted as skipped instead.
   */
  public static Report quiet(Report report, List<Analyzer.Input> inputs) {
    Map<String, Path> byDisplay = new HashMap<>();
    inputs.forEach(i -> byDisplay.putIfAbsent(i.display(), i.path()));
    List<InputError> kept = new ArrayList<>();
    Set<String> skipped = new HashSet<>();
    for (InputError e : report.errors()) {
      Path path = byDisplay.get(e.location().file());
      if (path != null && Files.isRegularFile(path) && !mentionsIam(path)) {
        skipped.add(e.location().file());
      } else {
        kept.add(e);
      }
    }
    if (skipped.isEmpty()) {
      return report;
    }
    return new Report(report.rules(), report.findings(), kept, report.warnings(), report.notifications(),
        report.filesAnalysed(), report.filesSkipped() + skipped.size(), report.unchanged());
  }

  /**
   * True when the start of the file contains a marker. NUL bytes are dropped first, so UTF-16 and
   * UTF-32 text is searched too; a file that cannot be read counts as IAM content (its error stays).
   */
  static boolean mentionsIam(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(PREFIX_BYTES);
    } catch (IOException e) {
      return true;
    }
    int n = 0;
    for (byte b : bytes) {
      if (b != 0) {
        bytes[n++] = b;
      }
    }
    String text = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    return MARKERS.stream().anyMatch(text::contains);
  }
}
