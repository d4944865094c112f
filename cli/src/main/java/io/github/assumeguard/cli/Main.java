package io.github.assumeguard.cli;

import io.github.assumeguard.engine.Rule;
import io.github.assumeguard.engine.RuleRegistry;
import io.github.assumeguard.engine.ToolInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code assumeguard} command line: {@code [scan]}, {@code rules} and {@code explain}. {@link #run}
 * takes its output streams as arguments and returns the exit status, so it is testable without
 * spawning a process; only {@link #main} exits.
 */
public final class Main {

  private final Supplier<List<Rule>> rules;
  private final Path workingDir;
  private final boolean colorCapable;

  /**
   * {@code rules}: the catalog (asked for only when a command needs it); {@code workingDir}: where
   * {@code .assumeguard.yml} is looked for and the default SARIF root (paths given on the command
   * line are used as given); {@code colorCapable}: standard output is a terminal that takes colour.
   */
  Main(Supplier<List<Rule>> rules, Path workingDir, boolean colorCapable) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    this.colorCapable = colorCapable;
  }

  public static void main(String[] args) {
    Supplier<List<Rule>> rules = WarmUp.start(args);
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    ExitCode code = new Main(rules, Path.of(""), stdoutTakesColor()).execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code.code());
  }

  /** Runs the command line with the rules found on the class path; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new Main(RuleRegistry::discover, Path.of(""), false).execute(args, out, err).code();
  }

  /** Runs the command line with the given rules instead of the discovered ones. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, List<Rule> rules) {
    List<Rule> sorted = RuleRegistry.sorted(rules);
    return new Main(() -> sorted, Path.of(""), false).execute(args, out, err).code();
  }

  /** Runs one command line. Never throws; a usage error or bad input is {@link ExitCode#ERROR}. */
  ExitCode execute(String[] args, PrintWriter out, PrintWriter err) {
    Env env = new Env(rules, workingDir, colorCapable, out, err);
    try {
      return dispatch(args, env);
    } catch (ParameterException e) {
      err.println("assumeguard: " + e.getMessage());
      UnmatchedArgumentException.printSuggestions(e, err);
      err.println(tryHelp(e.getCommandLine().getCommandName()));
      return ExitCode.ERROR;
    } catch (UsageException e) {
      err.println("assumeguard: " + e.getMessage());
      err.println(tryHelp(e.command()));
      return ExitCode.ERROR;
    } catch (RuntimeException e) {
      // Input problems never get here (the engine reports them per file); this is a bug.
      err.println("assumeguard: internal error: " + e);
      e.printStackTrace(err);
      return ExitCode.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static ExitCode dispatch(String[] args, Env env) {
    String first = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (first) {
      case "scan":
        return ScanCommand.run(rest, env);
      case "rules":
        return RulesCommand.run(rest, env);
      case "explain":
        return ExplainCommand.run(rest, env);
      case "help":
        return help(rest, env);
      default:
        return ScanCommand.run(args, env);
    }
  }

  /** {@code assumeguard help [COMMAND]}. */
  private static ExitCode help(String[] args, Env env) {
    String command = args.length == 0 ? "scan" : args[0];
    CommandSpec spec = switch (command) {
      case "scan" -> ScanCommand.spec();
      case "rules" -> RulesCommand.spec();
      case "explain" -> ExplainCommand.spec();
      default -> throw new UsageException("no command \"" + command + "\"; the commands are scan, rules and explain");
    };
    commandLine(spec, env).usage(env.out());
    return ExitCode.OK;
  }

  private static String tryHelp(String command) {
    return "Try '" + command + " --help' for more information.";
  }

  /**
   * A command's spec with {@code --help} and {@code --version}. They are built here rather than by
   * picocli's {@code mixinStandardHelpOptions}, which reads annotations reflectively and costs a
   * noticeable part of a small scan's start-up.
   */
  static CommandSpec commandSpec(String name) {
    CommandSpec spec = CommandSpec.create()
        .name(name)
        .version(ToolInfo.NAME + " " + ToolInfo.version());
    spec.addOption(OptionSpec.builder("-h", "--help")
        .usageHelp(true)
        .description("Show this help message and exit.")
        .build());
    spec.addOption(OptionSpec.builder("-V", "--version")
        .versionHelp(true)
        .description("Print version information and exit.")
        .build());
    return spec;
  }

  /** A picocli command line with the settings every command shares. */
  static CommandLine commandLine(CommandSpec spec, Env env) {
    CommandLine cl = new CommandLine(spec);
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setExpandAtFiles(false); // "@file" is a path to scan, not an argument file
    cl.setColorScheme(Help.defaultColorScheme(env.colorCapable() ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setUsageHelpWidth(100);
    return cl;
  }

  /**
   * Parses {@code args} into {@code spec}; true when {@code --help} or {@code --version} was asked
   * for and printed, so the command has nothing more to do.
   */
  static boolean parseOrHelp(CommandSpec spec, String[] args, Env env) {
    CommandLine cl = commandLine(spec, env);
    cl.parseArgs(args);
    return printedHelp(cl, env);
  }

  /**
   * Handles {@code --help} and {@code --version} after parsing; true when one was printed and the
   * command has nothing more to do.
   */
  private static boolean printedHelp(CommandLine cl, Env env) {
    if (cl.isUsageHelpRequested()) {
      cl.usage(env.out());
      return true;
    }
    if (cl.isVersionHelpRequested()) {
      cl.printVersionHelp(env.out());
      return true;
    }
    return false;
  }

  private static boolean stdoutTakesColor() {
    String noColor = System.getenv("NO_COLOR");
    return System.console() != null && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(System.getenv("TERM"));
  }
}
