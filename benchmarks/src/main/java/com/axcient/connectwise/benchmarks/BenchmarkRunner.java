package com.axcient.connectwise.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the performance scenarios against an in-process simulator and prints one table; or, with
 * {@code jmh} as the first argument, runs the JMH benchmarks of the hot paths.
 *
 * <pre>
 * java -jar benchmarks/target/connectwise-benchmarks.jar            # the scenarios
 * java -jar benchmarks/target/connectwise-benchmarks.jar jmh        # the JMH benchmarks
 * </pre>
 *
 * <p>Targets that are missed are reported in the table, not by the exit code: the exit code is 0
 * when every scenario ran.
 */
public final class BenchmarkRunner {

  private BenchmarkRunner() {}

  /**
   * Runs the scenarios, the JMH benchmarks, or (started by the runner itself) the capped stream.
   *
   * @param args options; {@code --help} lists them
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals(CappedStream.CHILD_COMMAND)) {
      System.exit(CappedStream.runChild(System.out));
    }
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(Options.USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    run(options, System.out, System.err);
  }

  /**
   * Runs the chosen scenarios and prints the table.
   *
   * @param options what to run
   * @param out where the table goes
   * @param progress where progress lines go
   * @return the table printed
   */
  static Table run(Options options, PrintStream out, PrintStream progress) {
    Table table = new Table();
    String machine = Machine.describe();
    if (options.scenarios().contains(Options.Scenario.LIST)) {
      TicketListing.run(options, table, progress);
    }
    if (options.scenarios().contains(Options.Scenario.STORM)) {
      AlertStorm.run(options, table, progress);
    }
    if (options.scenarios().contains(Options.Scenario.FOOTPRINT)) {
      Footprint.run(table);
    }
    out.println("Machine: " + machine);
    out.println();
    table.print(out);
    return table;
  }
}
