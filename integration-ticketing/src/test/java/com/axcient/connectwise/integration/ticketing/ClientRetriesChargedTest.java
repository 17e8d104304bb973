package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.MutableClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The client's own repeats of a safe request draw from the site's rate limiter (RELIABILITY §2.6). */
class ClientRetriesChargedTest {

  @Test
  void repeatsOfAFailedStatusWriteHoldBackTheNextRequest() {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().clock(clock).build().start();
        JdbcStateStore store = JdbcStateStore.h2InMemory("client-retries-charged", clock);
        // The engine's own retry policy: up to two repeats in process, each charged to the site.
        TicketingEngine engine =
            TicketingEngine.builder()
                .psaSettings(
                    PsaSettings.builder()
                        .site(cw.baseUrl())
                        .companyId(cw.companyId())
                        .publicKey(cw.publicKey())
                        .privateKey(Secret.of(cw.privateKey()))
                        .apiMemberIdentifier(cw.apiMemberIdentifier())
                        .allowInsecureHttp(true)
                        .build())
                .clientId(cw.clientId())
                .stateStore(store)
                .clock(clock)
                .options(TicketingOptions.builder("install-1").rateLimit(1, 3).build())
                .acknowledger((alertId, ticket) -> {})
                .build()) {
      engine.applySettings(
          TicketingSettings.builder()
              .enabled(true)
              .rule(TicketRule.builder(EventClass.BACKUP_FAILED).build())
              .build());
      clock.advance(Duration.ofMinutes(1));
      engine.accept(Harness.event("fs01", AlertState.RAISED, clock.instant()).build());
      engine.drain();
      ObjectNode ticket = cw.data().list("/service/tickets", "externalXRef like \"cwsync:install-1:fs01:%\"").get(0);
      String notes = "/service/tickets/" + ticket.path("id").asLong() + "/notes";
      int notesBefore = cw.data().list(notes).size();
      clock.advance(Duration.ofSeconds(10));

      // The close's PATCH fails twice and succeeds on the client's second repeat.
      cw.faults().on("PATCH", "/service/tickets/*").times(2).respondStatus(503);
      engine.accept(Harness.event("fs01", AlertState.CLEARED, clock.instant()).build());
      engine.drain();

      assertThat(cw.journal().count("PATCH", "/service/tickets/" + ticket.path("id").asLong())).isEqualTo(3);
      assertThat(cw.data().list(notes))
          .as("the resolution note waits for the tokens the repeats spent")
          .hasSize(notesBefore);

      clock.advance(Duration.ofSeconds(10));
      engine.drain();
      assertThat(cw.data().list(notes)).hasSize(notesBefore + 1);
      assertThat(engine.status().queued()).isZero();
    }
  }
}
