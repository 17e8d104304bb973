package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.axcient.connectwise.integration.core.state.TicketLink;
import com.axcient.connectwise.integration.ticketing.internal.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of an alert's lifecycle: rules changed while work waits, extreme durations, repeated
 * or replayed events, and work whose claim ran out.
 */
class AlertLifecycleEdgeCasesTest {

  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void anEventWhoseMessageIsAboutOneMegabyteIsAcceptedWithTheMessageCut() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    AlertEvent e =
        Harness.event("big-1", AlertState.RAISED, h.clock.instant())
            .message("x".repeat(1 << 20))
            .build();

    assertThatCode(() -> h.engine.accept(e)).doesNotThrowAnyException();
    h.engine.drain();
    assertThat(h.ticketsOf("big-1")).hasSize(1);
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void anEventWhoseEscapedMessageOutgrowsThePayloadIsAcceptedInABatch() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    AlertEvent quotes =
        Harness.event("big-2", AlertState.RAISED, h.clock.instant())
            .message("\"".repeat(600_000))
            .device("\u0001".repeat(200_000))
            .customer("\u0001".repeat(200_000))
            .build();

    assertThat(h.engine.acceptAll(List.of(h.raise("small"), quotes))).isEqualTo(2);
  }

  @Test
  void aLongMessageIsCutToTheMaximumWithAMarkerWithoutSplittingASurrogatePair() {
    int end = AlertEvent.MAX_MESSAGE_LENGTH - "\u2026 (truncated)".length();
    String message = "a".repeat(end - 1) + "\uD83D\uDE00" + "b".repeat(100);
    AlertEvent e =
        Harness.event("big-3", AlertState.RAISED, h.clock.instant()).message(message).build();

    String kept = EventCodec.decode(EventCodec.encode(e)).message();

    assertThat(kept).hasSizeLessThanOrEqualTo(AlertEvent.MAX_MESSAGE_LENGTH)
        .isEqualTo("a".repeat(end - 1) + "\u2026 (truncated)");
    String exact = "a".repeat(AlertEvent.MAX_MESSAGE_LENGTH);
    assertThat(
            EventCodec.decode(EventCodec.encode(e.toBuilder().message(exact).build())).message())
        .isEqualTo(exact);
  }

  @Test
  void aDelayedOpeningOfARuleDisabledMeanwhileOpensNoTicket() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).openDelay(Duration.ofMinutes(10)).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    h.enable(
        TicketRule.builder(EventClass.BACKUP_FAILED)
            .enabled(false)
            .openDelay(Duration.ofMinutes(10))
            .build());
    h.clock.advance(Duration.ofMinutes(11));
    h.engine.drain();

    assertThat(h.ticketPosts()).as("ticket POSTs for a disabled rule").isZero();
    assertThat(h.store.ticketLinks().current(h.engine.site(), "a1").orElseThrow().state())
        .isEqualTo(TicketLink.State.CANCELLED);
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void aRepeatOfAPendingOpeningOfARuleDisabledMeanwhileOpensNoTicket() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).openDelay(Duration.ofMinutes(10)).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    h.enable(
        TicketRule.builder(EventClass.BACKUP_FAILED)
            .enabled(false)
            .openDelay(Duration.ofMinutes(10))
            .build());
    h.clock.advance(Duration.ofMinutes(11));
    h.engine.accept(h.repeat("a1"));
    h.engine.drain();

    assertThat(h.ticketPosts()).as("ticket POSTs for a disabled rule").isZero();
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void aNoteIntervalBeyondTenYearsIsRejectedNamingTheRuleAndField() {
    TicketingSettings forever =
        TicketingSettings.builder()
            .enabled(true)
            .rule(
                TicketRule.builder(EventClass.BACKUP_FAILED)
                    .noteInterval(ChronoUnit.FOREVER.getDuration())
                    .build())
            .build();

    assertThat(h.engine.validate(forever))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.eventClass()).contains(EventClass.BACKUP_FAILED);
              assertThat(p.field()).isEqualTo("noteInterval");
              assertThat(p.message()).contains("3650 days");
            });
  }

  @Test
  void theLongestNoteIntervalDoesNotBlockTheAlertsClear() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).noteInterval(Duration.ofDays(3650)).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long ticketId = h.ticketsOf("a1").get(0).path("id").asLong();
    h.engine.accept(h.repeat("a1"));
    h.engine.drain();
    h.engine.accept(h.repeat("a1"));
    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(30));
    h.engine.drain();
    assertThat(h.cw.data().get("/service/tickets/" + ticketId).orElseThrow().path("closedFlag").asBoolean())
        .as("ticket closed 30 minutes after the clear")
        .isTrue();
  }

  @Test
  void aRaiseDatedAtTheEndOfTimeDoesNotHoldBackTheAlertsClear() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).openDelay(Duration.ofMinutes(10)).build());
    h.engine.accept(Harness.event("a1", AlertState.RAISED, Instant.MAX).build());
    h.engine.accept(h.clear("a1"));
    h.engine.drain();

    assertThat(h.store.ticketLinks().current(h.engine.site(), "a1").orElseThrow().state())
        .as("the clear cancels the pending opening")
        .isEqualTo(TicketLink.State.CANCELLED);
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void aDuplicateClearAddsNoSecondResolutionNote() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long ticketId = h.ticketsOf("a1").get(0).path("id").asLong();
    h.clock.advance(Duration.ofMinutes(5));
    h.engine.accept(h.clear("a1"));
    h.engine.accept(h.clear("a1"));
    h.clock.advance(Duration.ofSeconds(1));
    h.engine.drain();
    assertThat(h.notesOf(ticketId))
        .filteredOn(n -> n.path("text").asText().startsWith("The alert cleared"))
        .hasSize(1);
    assertThat(h.cw.journal().count("PATCH", "/service/tickets/" + ticketId)).isEqualTo(1);
  }

  @Test
  void aReplayedRaiseOlderThanTheClearOpensNoTicket() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(400);
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(10));
    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    assertThat(h.engine.deadLetters()).hasSize(1);

    h.clock.advance(Duration.ofMinutes(10));
    h.engine.replayDeadLetters();
    h.engine.drain();
    // The alert's last event is its clear: no ticket may be left open.
    assertThat(h.ticketsOf("a1")).allSatisfy(t -> assertThat(t.path("closedFlag").asBoolean()).isTrue());
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void aBatchWhoseLeaseRanOutLeavesTheRestToTheInstanceThatTookItOver() throws Exception {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    TicketingEngine b = h.newEngine(h.store, "instance-b", o -> o);
    try {
      b.restoreSettings(h.engine.settings());
      h.engine.accept(h.raise("x1"));
      h.engine.accept(h.raise("y1"));
      h.engine.drain();
      long x = h.ticketsOf("x1").get(0).path("id").asLong();
      long y = h.ticketsOf("y1").get(0).path("id").asLong();
      h.clock.advance(Duration.ofHours(2));
      // ConnectWise is slow for instance A's first request of the batch.
      h.cw.faults().on("POST", "/service/tickets/" + x + "/notes").times(1).latency(Duration.ofSeconds(3));
      h.engine.accept(h.repeat("x1"));
      h.engine.accept(h.clear("y1"));
      Thread a = new Thread(h.engine::runOnce); // claims [repeat x1, clear y1]
      a.start();
      Thread.sleep(1000);
      // A's lease is over: B takes the work over.
      h.clock.advance(TicketingOptions.builder("install-1").build().lease().plusMinutes(1));
      b.drain();
      h.engine.accept(h.raise("y1")); // the alert is raised again: B reopens y1's ticket
      b.drain();
      assertThat(h.cw.data().get("/service/tickets/" + y).orElseThrow().path("closedFlag").asBoolean()).isFalse();
      a.join();
      assertThat(h.cw.data().get("/service/tickets/" + y).orElseThrow().path("closedFlag").asBoolean())
          .as("y1's last event is a raise: its ticket must be open")
          .isFalse();
    } finally {
      b.close();
    }
  }
}
