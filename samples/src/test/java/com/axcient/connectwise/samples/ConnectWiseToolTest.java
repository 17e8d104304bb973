package com.axcient.connectwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.Permission;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return connectionTo(simulator.baseUrl(), command, privateKey, more);
  }

  private String[] connectionTo(String site, String command, String privateKey, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--allow-http",
                "--site", site,
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
        .contains("4 settings need fixing")
        .contains("--company-id (or CW_COMPANY_ID) is missing")
        .contains("--public-key (or CW_PUBLIC_KEY) is missing")
        .contains("--private-key (or CW_PRIVATE_KEY) is missing")
        .contains("--member (or CW_MEMBER) is missing")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void everyCommandHasHelp() {
    List<String> commands = new ArrayList<>();
    collect(ConnectWiseTool.newCommandLine(), commands);

    assertThat(commands).contains(
        "demo", "simulator", "test-connection", "doctor", "billing plan", "billing apply",
        "settings export", "settings import");
    for (String command : commands) {
      out.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");
      assertThat(run(args.toArray(String[]::new))).as(command).isZero();
      assertThat(out.toString()).as(command).startsWith("Usage: connectwise-samples " + command);
    }
  }

  private static void collect(CommandLine line, List<String> names) {
    for (CommandLine sub : line.getSubcommands().values()) {
      String name = sub.getCommandSpec().qualifiedName(" ").substring("connectwise-samples ".length());
      if (!name.equals("help") && !names.contains(name)) {
        names.add(name);
        collect(sub, names);
      }
    }
  }

  @Test
  void anUnknownOptionIsOneLineWithWhereToFindHelpAndExitCodeTwo() {
    int code = run("doctor", "--sight", "na.myconnectwise.net");

    assertThat(code).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString())
        .startsWith("Error: Unknown options: '--sight', 'na.myconnectwise.net'")
        .contains("Possible solutions: --site")
        .contains("Run 'connectwise-samples doctor --help' for the options.")
        .doesNotContain("Usage:");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMisspeltCommandGetsASuggestion() {
    int code = run("doctr");

    assertThat(code).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("Did you mean: connectwise-samples doctor");
  }

  @Test
  void anHttpSiteWithoutAllowHttpNamesTheFlagThatAllowsIt() {
    List<String> args = new ArrayList<>(List.of(connection("test-connection", simulator.privateKey())));
    args.remove("--allow-http");

    int code = run(args.toArray(String[]::new));

    assertThat(code).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString())
        .contains("--site (or CW_SITE) '" + simulator.baseUrl() + "' uses plain http")
        .contains("add --allow-http")
        .doesNotContain("allowInsecureHttp");
  }

  @Test
  void aHostThatDoesNotExistFailsTheSiteStepWithItsFix() {
    int code = run(connectionTo("cw.example.invalid", "test-connection", simulator.privateKey()));

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(out.toString())
        .contains("[FAIL] Site: The host cw.example.invalid could not be found.")
        .contains("Fix: Check the site")
        .contains("[skip] Credentials")
        .contains("The connection does not work yet.");
  }

  @Test
  void aClosedPortFailsTheSiteStep() throws IOException {
    int code = run(connectionTo("http://127.0.0.1:" + closedPort(), "test-connection", simulator.privateKey()));

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(out.toString()).contains("[FAIL] Site: Could not connect to 127.0.0.1:");
  }

  @Test
  void doctorStopsAtAConnectionThatDoesNotWorkAndSaysWhatToFix() {
    int code = run(connection("doctor", "WrongKey123"));

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(out.toString())
        .contains("[FAIL] Connection: the test connection failed")
        .contains("[FAIL] Credentials")
        .contains("Fix the connection first, then run doctor again.")
        .doesNotContain("Default service board");
    assertThat(out.toString() + err).doesNotContain("WrongKey123");
  }

  @Test
  void doctorPassesOnAWellSetUpSite() {
    int code = run(connection("doctor", simulator.privateKey()));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("[ ok ] Connection")
        .contains("[ ok ] Default service board")
        .contains("ConnectWise is set up for the integration.");
  }

  @Test
  void aRefusedClientIdNamesTheFlagThatSetsIt() {
    List<String> args = new ArrayList<>(List.of(connection("test-connection", simulator.privateKey())));
    args.set(args.indexOf(simulator.clientId()), "not-registered");

    int code = run(args.toArray(String[]::new));

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(out.toString())
        .contains("[FAIL] Client ID")
        .contains("In this tool the client ID is --client-id (or CW_CLIENT_ID).");
  }

  @Test
  void aPortInUseIsOneSentenceWithTheFixAndExitCodeThree() {
    int code = run("simulator", "--port", String.valueOf(simulator.port()));

    assertThat(code).isEqualTo(ConnectWiseTool.FAILED);
    assertThat(err.toString())
        .contains("Port " + simulator.port() + " cannot be used")
        .contains("--port 0")
        .doesNotContain("\tat ");
  }

  @Test
  void aPortOutOfRangeIsAWrongCommandLine() {
    assertThat(run("simulator", "--port", "70000")).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("--port must be between 0 and 65535");
  }

  @Test
  void verboseShowsTheStackTrace() {
    int code = run("--verbose", "simulator", "--port", String.valueOf(simulator.port()));

    assertThat(code).isEqualTo(ConnectWiseTool.FAILED);
    assertThat(err.toString()).contains("\tat ");
  }

  @Test
  void theConnectionComesFromTheEnvironmentAndThePrivateKeyIsNotEchoed() throws Exception {
    ProcessBuilder tool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ConnectWiseTool.class.getName(),
                "test-connection", "--allow-http")
            .redirectErrorStream(true);
    Map<String, String> env = tool.environment();
    env.put("CW_SITE", simulator.baseUrl());
    env.put("CW_COMPANY_ID", simulator.companyId());
    env.put("CW_PUBLIC_KEY", simulator.publicKey());
    env.put("CW_PRIVATE_KEY", simulator.privateKey());
    env.put("CW_CLIENT_ID", simulator.clientId());
    env.put("CW_MEMBER", simulator.apiMemberIdentifier());
    Process process = tool.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains("The connection works.").doesNotContain(simulator.privateKey());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
