package io.github.assumeguard.sarif;

import io.github.assumeguard.engine.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes a {@link Report} as SARIF 2.1.0 for GitHub code scanning: every rule in
 * {@code tool.driver.rules}, results with relative locations below {@code sarifRoot}.
 */
public final class SarifWriter {

  private final Path sarifRoot;

  /** {@code sarifRoot}: the directory artifact URIs are relative to (the repository root). */
  public SarifWriter(Path sarifRoot) {
    this.sarifRoot = sarifRoot;
  }

  public void write(Report report, Writer out) throws IOException {
    throw new IOException("SARIF output is not written yet (sarifRoot " + sarifRoot + ", "
        + report.findings().size() + " findings)");
  }
}
