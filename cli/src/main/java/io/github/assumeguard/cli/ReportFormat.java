package io.github.assumeguard.cli;

/** How {@code scan} writes its report. */
enum ReportFormat {
  TEXT, JSON, SARIF
}
