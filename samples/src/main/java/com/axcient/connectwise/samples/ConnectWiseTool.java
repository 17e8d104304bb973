package com.axcient.connectwise.samples;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code connectwise-samples} command-line tool: the demo on a simulated ConnectWise, the
 * simulator as a server, and checks and billing runs against any ConnectWise site.
 *
 * <p>Exit codes: {@value #OK} success; {@value #PROBLEMS_FOUND} the command ran and found problems
 * (a failed test connection, a setup problem, a billing run refused or a failed billing write, a
 * settings file that fails its checks); {@value #USAGE} the command line is wrong (an unknown
 * option, a missing or invalid setting, a file that is not what the option needs); {@value
 * #FAILED} the command could not run (ConnectWise could not be used, a file could not be read or
 * written, the port is taken).
 */
@Command(
    name = "connectwise-samples",
    mixinStandardHelpOptions = true,
    versionProvider = ConnectWiseTool.Version.class,
    description = "Turn backup alerts into ConnectWise tickets and bill storage, on a simulated"
        + " or a real ConnectWise PSA site.",
    subcommands = {
      DemoCommand.class,
      SimulatorCommand.class,
      TestConnectionCommand.class,
      DoctorCommand.class,
      BillingCommand.class,
      SettingsCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 problems found, 2 wrong command line or setting,"
          + " 3 could not run.",
      "Connection settings may come from the environment instead of flags:",
      "CW_SITE, CW_COMPANY_ID, CW_PUBLIC_KEY, CW_PRIVATE_KEY, CW_CLIENT_ID, CW_MEMBER",
      "(and CW_SETTINGS_PASSPHRASE for the settings commands).",
      "Start with: connectwise-samples demo"
    })
public final class ConnectWiseTool implements Runnable {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** The command ran and found problems. */
  public static final int PROBLEMS_FOUND = 1;
  /** The command line is wrong. */
  public static final int USAGE = 2;
  /** The command could not run. */
  public static final int FAILED = 3;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces and the library's log.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code, without exiting; for tests and embedding. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine line = new CommandLine(new ConnectWiseTool());
    line.setParameterExceptionHandler(ConnectWiseTool::wrongCommandLine);
    line.setExecutionExceptionHandler(ConnectWiseTool::handle);
    line.setExecutionStrategy(
        parseResult -> {
          Logging.configure(parseResult.hasMatchedOption("--verbose"));
          return new CommandLine.RunLast().execute(parseResult);
        });
    return line;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A wrong command line: the mistake, a suggestion if there is one, and where the help is. */
  private static int wrongCommandLine(CommandLine.ParameterException failure, String[] args) {
    CommandLine line = failure.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(line.getColorScheme().errorText("Error: " + failure.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
    err.println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return USAGE;
  }

  private static int handle(
      Exception failure, CommandLine line, CommandLine.ParseResult parseResult) {
    PrintWriter err = line.getErr();
    List<String> lines = Failures.explain(failure);
    err.println(line.getColorScheme().errorText("Error: " + lines.get(0)));
    lines.subList(1, lines.size()).forEach(err::println);
    int exitCode = Failures.exitCode(failure);
    if (parseResult.hasMatchedOption("--verbose")) {
      failure.printStackTrace(err);
    } else if (exitCode == FAILED) {
      err.println("(run again with --verbose for details)");
    }
    err.flush();
    return exitCode;
  }

  /** The tool's version, from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ConnectWiseTool.class.getPackage().getImplementationVersion();
      return new String[] {"connectwise-samples " + (version == null ? "development" : version)};
    }
  }
}
