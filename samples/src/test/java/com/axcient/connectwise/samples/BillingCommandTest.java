package com.axcient.connectwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class BillingCommandTest {

  @TempDir Path folder;
  private ConnectWiseSimulator simulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path report;
  private Path mappings;
  private String site;
  private String privateKey;

  @BeforeEach
  void start() throws IOException {
    simulator = ConnectWiseSimulator.builder().build().start();
    site = simulator.baseUrl();
    privateKey = simulator.privateKey();
    report = folder.resolve("report.json");
    Files.writeString(
        report,
        "{\"reportId\": \"r1\", \"applianceId\": \"appliance-7\", \"protectedSystems\": ["
            + "{\"name\": \"ACME-FS01\", \"bytesPerVault\": {\"local\": 612400000000, \"cloud\": 612400000000}}]}");
    mappings = folder.resolve("mappings.json");
    Files.writeString(
        mappings,
        "[{\"applianceId\": \"appliance-7\", \"companyId\": 251, \"agreementId\": 10, \"additionId\": "
            + "500}]");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private int run(String command) {
    CommandLine line = ConnectWiseTool.newCommandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of(
        "billing", command,
        "--allow-http",
        "--site", site,
        "--company-id", simulator.companyId(),
        "--public-key", simulator.publicKey(),
        "--private-key=" + privateKey,
        "--client-id", simulator.clientId(),
        "--member", simulator.apiMemberIdentifier(),
        "--report", report.toString(),
        "--mappings", mappings.toString()));
    if (command.equals("apply")) {
      args.addAll(List.of("--state", folder.resolve("state").toString()));
    }
    return line.execute(args.toArray(String[]::new));
  }

  @Test
  void planShowsTheProposedQuantityAndWritesNothing() {
    int code = run("plan");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("1224.80").contains("Nothing was written (a dry run).");
    assertThat(simulator.journal().calls()).noneMatch(call -> call.method().equals("PATCH"));
  }

  @Test
  void applyWritesTheQuantityOnceAndASecondRunWritesNothing() {
    assertThat(run("apply")).as(err.toString()).isZero();
    long patches = simulator.journal().calls().stream().filter(c -> c.method().equals("PATCH")).count();
    assertThat(patches).isEqualTo(1);

    assertThat(run("apply")).isZero();
    assertThat(simulator.journal().calls().stream().filter(c -> c.method().equals("PATCH")).count())
        .isEqualTo(1);
  }

  @Test
  void aMalformedReportIsOneClearSentence() throws IOException {
    Files.writeString(report, "{\"reportId\": \"r1\", ");

    int code = run("plan");

    assertThat(code).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("report.json is not valid JSON").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n", "null", "[null]"})
  void anEmptyOrNullReportIsAUsageErrorNamingTheFileAndTheFix(String content) throws IOException {
    report = folder.resolve("bad-report.json");
    Files.writeString(report, content);

    int code = run("plan");

    assertThat(code).as(err.toString()).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString())
        .contains("bad-report.json")
        .contains("StorageReport")
        .doesNotContain("NullPointerException");
  }

  @Test
  void aNullMappingEntryIsAUsageErrorNamingTheFile() throws IOException {
    mappings = folder.resolve("bad-mappings.json");
    Files.writeString(mappings, "[null]");

    int code = run("plan");

    assertThat(code).as(err.toString()).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString())
        .contains("bad-mappings.json has a null entry")
        .doesNotContain("NullPointerException");
  }

  @Test
  void aTooDeeplyNestedFileIsAUsageErrorWithoutALineNumber() throws IOException {
    mappings = folder.resolve("deep.json");
    Files.writeString(mappings, "[".repeat(5000) + "]".repeat(5000));

    int code = run("plan");

    assertThat(code).as(err.toString()).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("deep.json is not valid JSON: ").doesNotContain("getLineNr");
  }

  @Test
  void aMappingToACancelledAdditionIsRefusedBeforeAnyWrite() throws IOException {
    Files.writeString(
        mappings,
        "[{\"applianceId\": \"appliance-7\", \"companyId\": 251, \"agreementId\": 10, \"additionId\": 502}]");

    int code = run("apply");

    assertThat(code).isEqualTo(ConnectWiseTool.PROBLEMS_FOUND);
    assertThat(err.toString()).contains("502");
    assertThat(simulator.journal().calls()).noneMatch(call -> call.method().equals("PATCH"));
  }

  @Test
  void anUnreachableSiteIsOneSentenceThatPointsToTestConnection() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      site = "http://127.0.0.1:" + socket.getLocalPort();
    }

    int code = run("plan");

    assertThat(code).isEqualTo(ConnectWiseTool.FAILED);
    assertThat(err.toString())
        .startsWith("Error: Could not connect to 127.0.0.1")
        .contains("Run test-connection with the same settings")
        .doesNotContain("\tat ");
  }

  @Test
  void wrongCredentialsWriteNothingAndAreNeverEchoed() {
    privateKey = "WrongPrivate42";

    int code = run("apply");

    assertThat(code).isEqualTo(ConnectWiseTool.FAILED);
    assertThat(err.toString()).contains("did not accept the credentials");
    assertThat(out.toString() + err).doesNotContain("WrongPrivate42");
    assertThat(simulator.journal().calls()).noneMatch(call -> call.method().equals("PATCH"));
  }
}
