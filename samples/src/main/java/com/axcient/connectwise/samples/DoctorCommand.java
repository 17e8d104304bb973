package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionTest;
import com.axcient.connectwise.integration.core.diagnostics.SetupCheck;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Checks that the ConnectWise side is set up as the integration needs it. The connection is
 * tested first: the setup cannot be read without it, and the test connection names the setting
 * to fix more precisely than a failed setup read can.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Test the connection, then check the ConnectWise setup: the API member's default"
        + " board, its statuses and team, the company status Imported, and the role's"
        + " permissions. Writes nothing to ConnectWise.")
final class DoctorCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ConnectionOptions.Connection target = connection.connection();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Checking the ConnectWise setup of " + target.settings().site() + " ...");
    out.flush();
    // No feature's permissions here: the setup check reads them itself and reports what is missing.
    ConnectionReport test = ConnectionTest.forClientId(target.clientId()).run(target.settings());
    if (!test.passed()) {
      out.println("[FAIL] Connection: the test connection failed, so the setup cannot be read.");
      test.steps().stream()
          .filter(step -> step.status() == ConnectionReport.Status.FAILED)
          .forEach(step -> TestConnectionCommand.print(step, out));
      out.println("Fix the connection first, then run doctor again.");
      out.flush();
      return ConnectWiseTool.PROBLEMS_FOUND;
    }
    out.println("[ ok ] Connection: ConnectWise accepted the site, company ID, keys and client ID.");
    out.flush();
    SetupReport report;
    try (ConnectWiseClient client = target.settings().clientBuilder(target.clientId()).build()) {
      report = SetupCheck.run(client, target.settings());
    }
    for (SetupReport.Finding finding : report.findings()) {
      out.println(Marks.of(finding.severity()) + " " + finding.name() + ": " + finding.detail());
      finding.fix().ifPresent(fix -> out.println("    Fix: " + fix));
    }
    out.println(
        report.ready()
            ? "ConnectWise is set up for the integration."
            : report.problems().size() + " setup problem(s) to fix.");
    out.flush();
    return report.ready() ? ConnectWiseTool.OK : ConnectWiseTool.PROBLEMS_FOUND;
  }
}
