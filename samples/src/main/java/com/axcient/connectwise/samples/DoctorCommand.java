package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.core.diagnostics.SetupCheck;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks that the ConnectWise side is set up as the integration needs it. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check the ConnectWise setup: the API member's default board, its statuses and"
        + " team, the company status Imported, and the role's permissions.")
final class DoctorCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PsaSettings settings = connection.settings();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Checking the ConnectWise setup of " + settings.site() + " ...");
    out.flush();
    SetupReport report;
    try (ConnectWiseClient client = settings.clientBuilder(connection.clientId()).build()) {
      report = SetupCheck.run(client, settings);
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
