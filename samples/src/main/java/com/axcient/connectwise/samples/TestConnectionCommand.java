package com.axcient.connectwise.samples;

import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionTest;
import com.axcient.connectwise.integration.core.diagnostics.Feature;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Tests the connection settings step by step, as a settings page's "Test connection" does. */
@Command(
    name = "test-connection",
    mixinStandardHelpOptions = true,
    description = "Test the site, company ID, keys, client ID and permissions, step by step."
        + " Writes nothing to ConnectWise.")
final class TestConnectionCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--features",
      split = ",",
      defaultValue = "TICKETING,BILLING",
      description = "Features whose permissions are checked: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Set<Feature> features;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ConnectionOptions.Connection target = connection.connection();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Testing the connection to " + target.settings().site() + " ...");
    out.flush();
    ConnectionReport report =
        ConnectionTest.forClientId(target.clientId())
            .withFeatures(features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features))
            .run(target.settings());
    for (ConnectionReport.Step step : report.steps()) {
      print(step, out);
    }
    out.println(report.passed() ? "The connection works." : "The connection does not work yet.");
    out.flush();
    return report.passed() ? ConnectWiseTool.OK : ConnectWiseTool.PROBLEMS_FOUND;
  }

  /** One step with its fix; a refused client ID also names the flag that sets it here. */
  static void print(ConnectionReport.Step step, PrintWriter out) {
    out.println(Marks.of(step.status()) + " " + step.name() + ": " + step.detail());
    step.fix().ifPresent(fix -> out.println("    Fix: " + fix));
    if (step.check() == ConnectionReport.Check.CLIENT_ID
        && step.status() == ConnectionReport.Status.FAILED) {
      out.println("    In this tool the client ID is --client-id (or CW_CLIENT_ID).");
    }
  }
}
