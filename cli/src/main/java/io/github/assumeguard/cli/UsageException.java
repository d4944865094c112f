package io.github.assumeguard.cli;

/** A command line the tool cannot act on; printed as one line plus a hint to {@code --help}. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The command whose help the hint points to ({@code assumeguard}, {@code assumeguard rules}). */
  private final String command;

  public UsageException(String message) {
    this("assumeguard", message);
  }

  public UsageException(String command, String message) {
    super(message);
    this.command = command;
  }

  public String command() {
    return command;
  }
}
