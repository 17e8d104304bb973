package com.axcient.connectwise.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each example runs as a user runs it without arguments: on a simulator it starts itself. ({@code
 * main} adds only the one-line report of a wrong setting, tested in {@link ExampleMainTest}.)
 */
class ExamplesTest {

  private static String run(Consumer<String[]> main, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.accept(args);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theClientExampleReadsBoardsTicketsAndATypedError() {
    String output = run(ClientExample::run);

    assertThat(output)
        .contains("Connecting to a simulated ConnectWise at http://127.0.0.1:")
        .contains("ConnectWise v")
        .contains("Active service boards: Help Desk, Alerts")
        .contains("Open service tickets: 2")
        .contains("No ticket 999999999: GET /service/tickets/999999999 answered 404");
  }

  @Test
  void theTicketingExampleOpensNotesClosesAndAcknowledges() {
    String output = run(TicketingExample::run);

    assertThat(output)
        .containsPattern("Raised: +ticket #\\d+ opened")
        .containsPattern("Repeated: a note on ticket #\\d+")
        .containsPattern("Cleared: +ticket #\\d+ closed with a resolution note")
        .containsPattern("Alert sql01-backup acknowledged: ticket #\\d+ was closed in ConnectWise \\(Completed\\)")
        .contains("Outbox: 0 queued, 0 dead letters");
  }

  @Test
  void theBillingExamplePlansAppliesOnceAndAudits() {
    String output = run(BillingExample::run);

    assertThat(output)
        .contains("addition 500 (agreement 10, company 251, BACKUP-CLOUD-GB): 512.5 -> 1323.57  change")
        .contains("Applied: 1 written, 0 unchanged, 0 failed")
        .contains("Audit: addition 500 512.5 -> 1323.57 (WRITTEN, from appliance-7:appliance-7/2026-05-04)")
        .contains("Applied again: 0 written, 1 unchanged, 0 failed");
  }
}
