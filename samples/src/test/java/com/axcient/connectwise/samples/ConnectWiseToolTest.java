package com.axcient.connectwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.Permission;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectWiseToolTest {

  private ConnectWiseSimulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    simulator = ConnectWiseSimulator.builder().build().start();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private int run(String... args) {
    CommandLine line = ConnectWiseTool.newCommandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private String[] connection(String command, String privateKey, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--allow-http",
                "--site", simulator.baseUrl(),
                "--company-id", simulator.companyId(),
                "--public-key", simulator.publicKey(),
                "--private-key=" + privateKey,
                "--client-id", simulator.clientId(),
                "--member", simulator.apiMemberIdentifier()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void testConnectionPassesAndExitsZero() {
    int code = run(connection("test-connection", simulator.privateKey()));

    assertThat(code).isZero();
    assertThat(out.toString()).contains("[ ok ] Credentials").contains("The connection works.");
  }

  @Test
  void wrongKeyFailsWithTheFixAndNeverEchoesTheKey() {
    int code = run(connection("test-connection", "WrongKey123"));

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(out.toString()).contains("[FAIL] Credentials").contains("Fix:");
    assertThat(out.toString() + err).doesNotContain("WrongKey123");
  }

  @Test
  void doctorReportsAMissingPermissionWithItsFix() {
    simulator.apiMemberRole().revoke(Permission.SERVICE_TICKETS);

    int code = run(connection("doctor", simulator.privateKey()));

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(out.toString()).contains("[FAIL]").contains("Service Desk");
  }

  @Test
  void missingSettingsAreNamedInOneSentenceWithExitCodeTwo() {
    int code = run("doctor", "--site", "na.myconnectwise.net", "--client-id", "x");

    assertThat(code).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString())
        .contains("companyId")
        .contains("publicKey")
        .contains("privateKey")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("simulator", "test-connection", "doctor")) {
      assertThat(run(command, "--help")).isZero();
    }
    assertThat(out.toString()).contains("Usage: connectwise-samples simulator");
  }
}
