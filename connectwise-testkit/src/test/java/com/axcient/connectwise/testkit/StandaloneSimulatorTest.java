package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandaloneSimulatorTest {

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void helpPrintsTheOptionsAndStartsNothing() {
    boolean run = StandaloneSimulator.configure(ConnectWiseSimulator.builder(), new String[] {"--help"}, out);

    assertThat(run).isFalse();
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("--port N").contains("--cloud");
  }

  @Test
  void optionsConfigureTheSimulatorItDescribes() {
    ConnectWiseSimulator.Builder builder = ConnectWiseSimulator.builder();
    boolean run = StandaloneSimulator.configure(builder, new String[] {
        "--port", "0", "--company-id", "demo", "--public-key", "pub", "--private-key", "priv",
        "--client-id", "11111111-2222-3333-4444-555555555555", "--codebase", "v2026_4"}, out);

    try (ConnectWiseSimulator cw = builder.build().start()) {
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
    assertThatThrownBy(() -> StandaloneSimulator.configure(ConnectWiseSimulator.builder(), new String[] {"--nope"}, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StandaloneSimulator.configure(ConnectWiseSimulator.builder(), new String[] {"--port"}, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StandaloneSimulator.configure(ConnectWiseSimulator.builder(), new String[] {"--port", "x"}, out))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
