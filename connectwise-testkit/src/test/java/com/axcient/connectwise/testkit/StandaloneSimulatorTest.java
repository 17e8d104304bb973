package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StandaloneSimulatorTest {

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

  @Test
  void helpPrintsTheOptionsAndStartsNothing() {
    boolean run = configure(ConnectWiseSimulator.builder(), new StandaloneSimulator.Listen(), "--help");

    assertThat(run).isFalse();
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("--port N").contains("--cloud");
  }

  @Test
  void optionsConfigureTheSimulatorItDescribes() {
    ConnectWiseSimulator.Builder builder = ConnectWiseSimulator.builder();
    StandaloneSimulator.Listen listen = new StandaloneSimulator.Listen();
    boolean run = configure(builder, listen,
        "--port", "0", "--company-id", "demo", "--public-key", "pub", "--private-key", "priv",
        "--client-id", "11111111-2222-3333-4444-555555555555", "--codebase", "v2026_4");

    try (ConnectWiseSimulator cw = builder.port(listen.port).build().start()) {
      StandaloneSimulator.describe(cw, out);

      assertThat(run).isTrue();
      String text = output.toString(StandardCharsets.UTF_8);
      assertThat(text).contains("Site URL:     " + cw.baseUrl())
          .contains("Company ID:   demo").contains("Public key:   pub").contains("Private key:  priv")
          .contains("Client ID:    11111111-2222-3333-4444-555555555555")
          .contains("/v2026_4/apis/3.0");
    }
  }

  @Test
  void unknownOptionsAndMissingValuesAreErrors() {
    assertThatThrownBy(() -> configure(ConnectWiseSimulator.builder(), new StandaloneSimulator.Listen(), "--nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> configure(ConnectWiseSimulator.builder(), new StandaloneSimulator.Listen(), "--port"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> configure(ConnectWiseSimulator.builder(), new StandaloneSimulator.Listen(), "--port", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runServesUntilTheWaiterReturnsThenStops() throws Exception {
    AtomicReference<Integer> port = new AtomicReference<>();
    AtomicReference<Integer> status = new AtomicReference<>();

    int code = StandaloneSimulator.run(new String[] {"--port", "0"}, out, err, simulator -> {
      port.set(simulator.port());
      status.set(new RawHttp(simulator).get("/system/info").status);
    });

    assertThat(code).isZero();
    assertThat(status.get()).isEqualTo(200);
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("Site URL:     http://127.0.0.1:" + port.get());
    assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port.get()).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void aPortInUseIsOneLineNamingTheFixAndExitCode3() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = StandaloneSimulator.run(
          new String[] {"--port", String.valueOf(taken.getLocalPort())}, out, err, neverStarted());

      assertThat(code).isEqualTo(StandaloneSimulator.CANNOT_LISTEN).isEqualTo(3);
      assertThat(errors.toString(StandardCharsets.UTF_8))
          .startsWith("Error: Port " + taken.getLocalPort() + " cannot be used (")
          .contains("choose another with --port, or --port 0 for a free one")
          .doesNotContain("Exception")
          .hasLineCount(1);
      assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void badArgumentsAreOneLineThenTheUsageAndExitCode2() throws Exception {
    String[][] cases = {
        {"--port", "x"}, {"--port", "99999"}, {"--nope"}, {"--port"}, {"--codebase", "/"}};
    String[] first = {
        "Error: --port needs a number, not x",
        "Error: --port must be between 0 and 65535 (0 picks a free port), not 99999",
        "Error: Unknown option --nope: see the options below",
        "Error: --port needs a value",
        "Error: The codebase must not be empty"};
    for (int i = 0; i < cases.length; i++) {
      errors.reset();

      int code = StandaloneSimulator.run(cases[i], out, err, neverStarted());

      assertThat(code).as(String.join(" ", cases[i])).isEqualTo(StandaloneSimulator.USAGE_ERROR).isEqualTo(2);
      String text = errors.toString(StandardCharsets.UTF_8);
      assertThat(text.lines().findFirst()).hasValue(first[i]);
      assertThat(text).contains("Usage: java -jar connectwise-testkit-standalone.jar").doesNotContain("\tat ");
    }
    assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anAddressNotOfThisComputerNamesBind() throws Exception {
    StandaloneSimulator.Listen listen = new StandaloneSimulator.Listen();
    listen.address = InetAddress.getByName("192.0.2.10");
    listen.port = 18080;

    String line = StandaloneSimulator.cannotListen(listen, new BindException("Cannot assign requested address"));

    assertThat(line).isEqualTo("Cannot listen on 192.0.2.10:18080 (Cannot assign requested address):"
        + " --bind must be an address of this computer, such as 127.0.0.1 or 0.0.0.0");
  }

  private boolean configure(ConnectWiseSimulator.Builder builder, StandaloneSimulator.Listen listen, String... args) {
    return StandaloneSimulator.configure(builder, listen, args, out);
  }

  private static StandaloneSimulator.Waiter neverStarted() {
    return simulator -> {
      throw new AssertionError("the simulator should not have started");
    };
  }
}
