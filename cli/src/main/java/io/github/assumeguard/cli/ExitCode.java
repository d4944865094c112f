package io.github.assumeguard.cli;

/** The process exit status, a contract scripts and CI depend on (DESIGN.md). */
public enum ExitCode {
  /** Nothing at or above {@code --fail-on}. */
  OK(0),
  /** Unsuppressed findings at or above {@code --fail-on}. */
  FINDINGS(1),
  /** A usage error, an invalid config, or an input that could not be read or parsed. */
  ERROR(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
