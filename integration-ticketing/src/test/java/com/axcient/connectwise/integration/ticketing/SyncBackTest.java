package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.CallbackRejectedException;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.testkit.CallbackDelivery;
import com.axcient.connectwise.testkit.RecordedCall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncBackTest {

  private final Harness h = new Harness();
  private long ticketId;

  @BeforeEach
  void openTicket() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    ticketId = h.ticketsOf("a1").get(0).path("id").asLong();
    h.engine.pollOnce();
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aTicketClosedInConnectWiseAcknowledgesTheAlertExactlyOnce() {
    h.clock.advance(Duration.ofMinutes(1));
    h.cw.data().replace("/service/tickets/" + ticketId, "status", Map.of("id", h.statusId("Help Desk", "Completed")));

    assertThat(h.engine.pollOnce()).isEqualTo(1);
    assertThat(h.engine.pollOnce()).isZero();
    h.clock.advance(Duration.ofMinutes(1));
    assertThat(h.engine.pollOnce()).isZero();
    assertThat(h.acknowledged).containsExactly("a1#" + ticketId);

    // The alert's later clear has nothing left to close.
    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    assertThat(h.cw.journal().count("PATCH", "/service/tickets/" + ticketId)).isZero();
  }

  @Test
  void pollingAsksOnlyForLinkedTicketsChangedSinceTheLastPollWithAnOverlap() {
    h.clock.advance(Duration.ofMinutes(10));
    h.engine.pollOnce();
    String conditions =
        h.cw.journal().calls("GET", "/service/tickets").get(h.cw.journal().calls("GET", "/service/tickets").size() - 1)
            .queryParameter("conditions").orElseThrow();
    assertThat(conditions).contains("id in (" + ticketId + ")").contains("_info/lastUpdated >= [2026-06-01T07:55:00Z]");
  }

  @Test
  void theLibrarysOwnCloseDoesNotAcknowledge() {
    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(1));
    assertThat(h.engine.pollOnce()).isZero();
    assertThat(h.acknowledged).isEmpty();
  }

  @Test
  void aFailingAcknowledgerIsCalledAgainOnTheNextPoll() {
    TicketingEngine failingOnce = null;
    h.cw.data().replace("/service/tickets/" + ticketId, "status", Map.of("id", h.statusId("Help Desk", "Closed")));
    int[] calls = {0};
    h.engine.close();
    h.engine =
        TicketingEngine.builder()
            .psaSettings(h.psaSettings())
            .clientId(h.cw.clientId())
            .stateStore(h.store)
            .clock(h.clock)
            .options(TicketingOptions.builder("install-1").rateLimit(10_000, 10_000).build())
            .settings(h.engine.settings())
            .acknowledger(
                (alert, ticket) -> {
                  if (calls[0]++ == 0) {
                    throw new IllegalStateException("product database busy");
                  }
                  h.acknowledged.add(alert);
                })
            .build();
    assertThat(failingOnce).isNull();

    assertThat(h.engine.pollOnce()).isZero();
    assertThat(h.engine.pollOnce()).isEqualTo(1);
    assertThat(h.acknowledged).containsExactly("a1");
  }

  @Test
  void aVerifiedCallbackIsAHintThatReReadsTheTicket() throws Exception {
    try (CallbackServer server = new CallbackServer()) {
      h.cw.data().as("bwilson").create(
          "/system/callbacks",
          new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
              .put("url", server.url()).put("type", "ticket").put("level", "owner").put("objectId", 1)
              .put("description", "ticketing"));
      h.cw.data().replace("/service/tickets/" + ticketId, "status", Map.of("id", h.statusId("Help Desk", "Completed")));
      CallbackDelivery delivery = h.cw.callbacks().awaitDeliveries(1, Duration.ofSeconds(10)).get(0);
      byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);

      assertThat(h.engine.receiveCallback(body, delivery.signature())).isTrue();
      assertThat(h.engine.receiveCallback(body, delivery.signature())).isFalse();
      assertThat(h.acknowledged).containsExactly("a1#" + ticketId);
      Assertions.assertThatThrownBy(() -> h.engine.receiveCallback(body, "bm90IHRoZSBzaWduYXR1cmU="))
          .isInstanceOf(CallbackRejectedException.class);
    }
  }

  @Test
  void forgedCallbacksDoNotEachFetchTheSigningKeyFromConnectWise() {
    String keyUrl = h.cw.callbacks().keyUrl();
    byte[] forged =
        ("{\"MessageId\":\"x\",\"FromUrl\":\"x\",\"CompanyId\":\"x\",\"Action\":\"updated\","
                + "\"Type\":\"ticket\",\"ID\":1,\"Entity\":null,"
                + "\"Metadata\":{\"key_url\":\"" + keyUrl + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    String keyPath = java.net.URI.create(keyUrl).getPath();
    for (int i = 0; i < 50; i++) {
      Assertions.assertThatThrownBy(
              () -> h.engine.receiveCallback(forged, "bm90IHRoZSBzaWduYXR1cmU="))
          .isInstanceOf(CallbackRejectedException.class);
    }
    long keyFetches =
        h.cw.journal().calls().stream()
            .filter(c -> c.method().equalsIgnoreCase("GET") && c.path().equals(keyPath))
            .count();
    assertThat(keyFetches).as("GETs of the signing key caused by 50 forged callbacks")
        .isLessThanOrEqualTo(2);
  }

  @Test
  void aCallbackWithoutABodyIsRejected() {
    Assertions.assertThatThrownBy(
            () -> h.engine.receiveCallback(new byte[0], "bm90IHRoZSBzaWduYXR1cmU="))
        .isInstanceOf(CallbackRejectedException.class);
  }

  @Test
  void aRestartedProcessPollsFromTheStoredWatermarkLessTheOverlap(@TempDir Path folder) {
    TicketingSettings settings = h.engine.settings();
    StateStore first = JdbcStateStore.h2File(folder, h.clock);
    TicketingEngine before = h.newEngine(first, "before", o -> o);
    before.restoreSettings(settings);
    before.accept(h.raise("a2"));
    before.drain();
    long closedMeanwhile = h.ticketsOf("a2").get(0).path("id").asLong();
    h.clock.advance(Duration.ofMinutes(30));
    before.pollOnce();
    before.close();
    first.close();

    h.clock.advance(Duration.ofHours(2));
    h.cw.data().replace("/service/tickets/" + closedMeanwhile, "status", Map.of("id", h.statusId("Help Desk", "Completed")));
    try (StateStore again = JdbcStateStore.h2File(folder, h.clock);
        TicketingEngine restarted = h.newEngine(again, "after", o -> o)) {
      restarted.restoreSettings(settings);

      assertThat(restarted.pollOnce()).isEqualTo(1);

      List<RecordedCall> polls = h.cw.journal().calls("GET", "/service/tickets");
      assertThat(polls.get(polls.size() - 1).queryParameter("conditions").orElseThrow())
          .contains("_info/lastUpdated >= [2026-06-01T08:25:00Z]");
      assertThat(h.acknowledged).containsExactly("a2#" + closedMeanwhile);
    }
  }
}
