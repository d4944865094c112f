package io.github.assumeguard.engine;

/**
 * The one-line text forms of findings and input errors: {@code file:line:col: level ID message},
 * followed by {@code [resource: ID]} when the finding belongs to a resource (a Terraform address,
 * a CloudFormation logical id, a role name from {@code aws iam} output). A plan is one line, so
 * the address is what tells its findings apart.
 */
public final class TextLines {

  private TextLines() {
  }

  public static String finding(Finding f) {
    return f.location().file() + ":" + f.location().line() + ":" + f.location().column() + ": "
        + f.level().label() + " " + f.ruleId() + " " + f.message()
        + f.resource().map(r -> " [resource: " + r.id() + "]").orElse("")
        + (f.isSuppressed() ? " [suppressed: " + f.suppression().get() + "]" : "");
  }

  public static String warning(Warning w) {
    return w.location().file() + ":" + w.location().line() + ":" + w.location().column() + ": warning: "
        + w.message();
  }

  public static String error(InputError e) {
    return e.location().file() + ":" + e.location().line() + ":" + e.location().column() + ": error: "
        + e.message();
  }
}
