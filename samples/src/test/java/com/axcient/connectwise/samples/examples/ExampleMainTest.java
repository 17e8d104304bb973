package com.axcient.connectwise.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples run as a user runs them from a shell, each in its own JVM with its own {@code CW_*}
 * variables: against the simulator that {@code connectwise-samples simulator} starts (plain http on
 * this machine), and with a missing or wrong setting, which is one line on stderr and an exit code.
 */
class ExampleMainTest {

  private static ConnectWiseSimulator cw;

  @TempDir Path folder;

  @BeforeAll
  static void startTheSimulator() {
    cw = ConnectWiseSimulator.builder().build().start();
  }

  @AfterAll
  static void stopTheSimulator() {
    cw.close();
  }

  /** What an example printed and its exit code. */
  private record Run(int exitCode, String out, String err) {}

  /** The simulator's variables, as the line its server prints for copying. */
  private static Map<String, String> simulatorVariables() {
    Map<String, String> variables = new HashMap<>();
    variables.put("CW_COMPANY_ID", cw.companyId());
    variables.put("CW_PUBLIC_KEY", cw.publicKey());
    variables.put("CW_PRIVATE_KEY", cw.privateKey());
    variables.put("CW_CLIENT_ID", cw.clientId());
    variables.put("CW_MEMBER", cw.apiMemberIdentifier());
    return variables;
  }

  private Run run(Class<?> example, Map<String, String> variables, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(example.getName());
    command.addAll(List.of(args));
    Path out = folder.resolve("out.txt");
    Path err = folder.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // Only the variables of the test: none that the build's own environment may hold.
    builder.environment().keySet().removeIf(name -> name.startsWith("CW_"));
    builder.environment().putAll(variables);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the example ends").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void assertOneLineWithoutStackTrace(Run run) {
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("Error: ").doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void theClientExampleRunsAgainstASimulatorAtAnHttpAddressOnThisMachine() throws Exception {
    Run run = run(ClientExample.class, simulatorVariables(), cw.baseUrl());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(cw.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(run.out())
        .contains("Connecting to ConnectWise at " + cw.baseUrl())
        .contains("Active service boards: Help Desk, Alerts")
        .contains("No ticket 999999999: GET /service/tickets/999999999 answered 404");
  }

  @Test
  void theBillingExampleOnlyPlansOnASiteGivenAsTheArgument() throws Exception {
    Map<String, String> variables = simulatorVariables();
    variables.put("CW_BILLING_COMPANY_ID", "251");
    variables.put("CW_BILLING_AGREEMENT_ID", "10");
    variables.put("CW_BILLING_ADDITION_ID", "500");

    Run run = run(BillingExample.class, variables, cw.baseUrl());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("addition 500 (agreement 10, company 251, BACKUP-CLOUD-GB): 512.5 -> 1323.57  change")
        .contains("Nothing was written");
  }

  @Test
  void aRemoteSiteOverPlainHttpIsRefusedInOneLine() throws Exception {
    Run run = run(ClientExample.class, simulatorVariables(), "http://cw.example.com");

    assertThat(run.exitCode()).isEqualTo(2);
    assertOneLineWithoutStackTrace(run);
    assertThat(run.err()).contains("site 'http://cw.example.com' uses plain http")
        .contains("127.0.0.1, localhost or ::1");
  }

  @Test
  void missingCredentialsAreNamedInOneLine() throws Exception {
    Map<String, String> variables = simulatorVariables();
    variables.remove("CW_PUBLIC_KEY");

    Run run = run(ClientExample.class, variables, "na.myconnectwise.net");

    assertThat(run.exitCode()).isEqualTo(2);
    assertOneLineWithoutStackTrace(run);
    assertThat(run.err()).startsWith("Error: CW_PUBLIC_KEY not set: export the site's credentials");
  }

  @Test
  void aVariableThatIsNotANumberIsNamedInOneLine() throws Exception {
    Map<String, String> variables = simulatorVariables();
    variables.put("CW_BILLING_COMPANY_ID", "acme");

    Run run = run(BillingExample.class, variables, cw.baseUrl());

    assertThat(run.exitCode()).isEqualTo(2);
    assertOneLineWithoutStackTrace(run);
    assertThat(run.err()).contains("CW_BILLING_COMPANY_ID is 'acme', not a number");
  }

  @Test
  void keysThatConnectWiseRefusesAreOneLineWithExitCodeThree() throws Exception {
    Map<String, String> variables = simulatorVariables();
    variables.put("CW_PRIVATE_KEY", "not-the-key");

    Run run = run(ClientExample.class, variables, cw.baseUrl());

    assertThat(run.exitCode()).isEqualTo(3);
    assertOneLineWithoutStackTrace(run);
    assertThat(run.err()).contains("ConnectWise did not accept the credentials").doesNotContain("not-the-key");
  }

  @Test
  void onlyLoopbackHostsCountAsThisMachine() {
    assertThat(List.of(
            "http://127.0.0.1:18080", "http://localhost:18080", "http://LOCALHOST", "http://[::1]:18080",
            "127.0.0.1:18080", "https://localhost"))
        .allMatch(ExampleSite::isLoopback);
    assertThat(List.of(
            "http://cw.example.com", "http://localhost.example.com", "http://127.0.0.1.example.com",
            "http://10.0.0.1:18080", "na.myconnectwise.net", "http://user@cw.example.com", "not a url"))
        .noneMatch(ExampleSite::isLoopback);
  }
}
