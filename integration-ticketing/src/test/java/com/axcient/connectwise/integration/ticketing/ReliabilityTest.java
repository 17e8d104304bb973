package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.testkit.Outage;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RELIABILITY.md section 3: lost answers, restarts, outages, ordering. */
class ReliabilityTest {

  private final Harness h = new Harness();

  @BeforeEach
  void enable() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
  }

  @AfterEach
  void close() {
    h.close();
  }

  /** Drains, then moves the clock past the first retry delay and drains again. */
  private void drainWithRetry() {
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(1));
    h.engine.drain();
  }

  private void assertOneTicketAndSearchedBeforeAnyRepost(String alertId) {
    assertThat(h.ticketsOf(alertId)).hasSize(1);
    List<RecordedCall> calls = h.cw.journal().calls();
    List<String> ticketCalls = new ArrayList<>();
    for (RecordedCall c : calls) {
      if (c.apiPath().equals("/service/tickets")) {
        ticketCalls.add(c.method() + (c.queryParameter("conditions").orElse("").startsWith("externalXRef") ? " search" : ""));
      }
    }
    assertThat(ticketCalls).startsWith("POST", "GET search");
    assertThat(h.engine.status().queued()).isZero();
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void case1ConnectionDroppedAfterTheTicketWasCreatedGivesOneTicket() {
    h.cw.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();
    h.engine.accept(h.raise("a1"));
    drainWithRetry();
    assertThat(h.ticketPosts()).isEqualTo(1);
    assertOneTicketAndSearchedBeforeAnyRepost("a1");
  }

  @Test
  void case2ResponseCutMidBodyOrNotJsonGivesOneTicket() {
    h.cw.faults().on("POST", "/service/tickets").times(1).cutResponseBody();
    h.engine.accept(h.raise("a1"));
    drainWithRetry();
    assertOneTicketAndSearchedBeforeAnyRepost("a1");

    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(201).afterWrite().body("text/html", "<html>ok</html>");
    h.engine.accept(h.raise("a2"));
    drainWithRetry();
    assertThat(h.ticketsOf("a2")).hasSize(1);
    assertThat(h.ticketPosts()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void case3ServerErrorAfterTheTicketWasCreatedGivesOneTicket(int status) {
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(status).afterWrite();
    h.engine.accept(h.raise("a1"));
    drainWithRetry();
    assertThat(h.ticketPosts()).isEqualTo(1);
    assertOneTicketAndSearchedBeforeAnyRepost("a1");
  }

  @Test
  void case4Status503RetryAfterZeroAnd408SendOnePostPerAttempt() {
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(503).retryAfter(0);
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    assertThat(h.ticketPosts()).isEqualTo(1);
    h.clock.advance(Duration.ofMinutes(1));
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).hasSize(1);

    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(408);
    h.engine.accept(h.raise("a2"));
    h.engine.drain();
    assertThat(h.ticketPosts()).isEqualTo(3);
    h.clock.advance(Duration.ofMinutes(1));
    h.engine.drain();
    assertThat(h.ticketsOf("a2")).hasSize(1);
  }

  @Test
  void case5ARestartOnTheSameDatabaseAdoptsTheTicketWithoutASecondPost(@TempDir Path folder) {
    h.engine.close();
    h.store.close();
    h.store = JdbcStateStore.h2File(folder, h.clock);
    h.engine = h.newEngine(h.store, "before-crash", o -> o);
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.cw.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    // The process stops here: the ticket exists, the state store only knows an attempt was made.
    h.engine.close();
    h.store.close();

    h.store = JdbcStateStore.h2File(folder, h.clock);
    h.engine = h.newEngine(h.store, "after-restart", o -> o);
    h.engine.restoreSettings(
        TicketingSettings.builder().enabled(true).rule(TicketRule.builder(EventClass.BACKUP_FAILED).build()).build());
    h.clock.advance(Duration.ofMinutes(1));
    h.engine.drain();

    assertThat(h.ticketPosts()).isEqualTo(1);
    assertThat(h.ticketsOf("a1")).hasSize(1);
    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    assertThat(h.ticketsOf("a1").get(0).path("closedFlag").asBoolean()).isTrue();
  }

  @Test
  void aCommittedEventSurvivesAStopBeforeItWasSent(@TempDir Path folder) {
    h.engine.close();
    h.store.close();
    h.store = JdbcStateStore.h2File(folder, h.clock);
    h.engine = h.newEngine(h.store, "a", o -> o);
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.acceptAll(List.of(h.raise("a1"), h.raise("a2")));
    h.engine.close();
    h.store.close();

    h.store = JdbcStateStore.h2File(folder, h.clock);
    h.engine = h.newEngine(h.store, "b", o -> o);
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).hasSize(1);
    assertThat(h.ticketsOf("a2")).hasSize(1);
  }

  @Test
  void case8OutageWhile500EventsArriveDeliversEveryTicketOnceAndClosesEveryCleared() {
    int alerts = 250;
    try (Outage outage = h.cw.faults().refuseConnections()) {
      List<AlertEvent> raises = new ArrayList<>();
      for (int i = 0; i < alerts; i++) {
        raises.add(h.raise("out-" + i));
      }
      h.engine.acceptAll(raises);
      h.engine.drain();
      assertThat(h.engine.status().circuitOpen()).isTrue();
      h.clock.advance(Duration.ofMinutes(3));
      List<AlertEvent> clears = new ArrayList<>();
      for (int i = 0; i < alerts; i++) {
        clears.add(h.clear("out-" + i));
      }
      h.engine.acceptAll(clears);
      for (int i = 0; i < 6; i++) {
        h.clock.advance(Duration.ofMinutes(10));
        h.engine.drain();
      }
      assertThat(h.engine.status().queued()).isEqualTo(2L * alerts);
    }
    for (int i = 0; i < 50 && h.engine.status().queued() > 0; i++) {
      h.clock.advance(Duration.ofMinutes(10));
      h.engine.drain();
    }

    List<ObjectNode> tickets = h.cw.data().list("/service/tickets", "externalXRef like \"cwsync:install-1:out-%\"");
    assertThat(tickets).hasSize(alerts);
    assertThat(tickets).allSatisfy(t -> assertThat(t.path("closedFlag").asBoolean()).isTrue());
    assertThat(h.ticketPosts()).isEqualTo(alerts);
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void case14And15AFlappingAlertIsHandledInOrderWithoutDoubleCloseOrOrphan() {
    for (int i = 0; i < 10; i++) {
      h.engine.accept(h.raise("flap"));
      h.clock.advance(Duration.ofSeconds(3));
      h.engine.accept(h.clear("flap"));
      h.clock.advance(Duration.ofSeconds(3));
    }
    h.engine.drain();

    assertThat(h.ticketsOf("flap")).singleElement()
        .satisfies(t -> assertThat(t.path("closedFlag").asBoolean()).isTrue());
    assertThat(h.engine.status().queued()).isZero();
    assertThat(h.acknowledged).isEmpty();
  }

  @Test
  void case17ADeletedTicketMarksTheLinkAndEndsWithoutARetryLoop() {
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long id = h.ticketsOf("a1").get(0).path("id").asLong();
    h.cw.data().delete("/service/tickets/" + id);

    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    assertThat(h.engine.status().queued()).isZero();
    assertThat(h.engine.deadLetters()).isEmpty();

    // The next raise starts a new incident with a new ticket.
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).singleElement()
        .satisfies(t -> assertThat(t.path("externalXRef").asText()).isEqualTo("cwsync:install-1:a1:2"));
  }

  @Test
  void aRejectedCreateIsADeadLetterThatCanBeReplayed() {
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(400);
    h.engine.accept(h.raise("a1"));
    h.engine.drain();

    List<DeadLetter> dead = h.engine.deadLetters();
    assertThat(dead).singleElement().satisfies(d -> {
      assertThat(d.alertId()).isEqualTo("a1");
      assertThat(d.reason()).contains("status 400").doesNotContain("snapshot timed out");
    });
    assertThat(h.engine.status().deadLetters()).isEqualTo(1);

    assertThat(h.engine.replayDeadLetter(dead.get(0).id())).isTrue();
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).hasSize(1);
    assertThat(h.engine.deadLetters()).isEmpty();
  }

  @Test
  void case13AnEventStillFailingAfterTheMaxAgeIsADeadLetterAndReplayDeliversItOnce() {
    try (Outage outage = h.cw.faults().refuseConnections()) {
      h.engine.accept(h.raise("a1"));
      for (int i = 0; i < 20; i++) {
        h.engine.drain();
        h.clock.advance(Duration.ofHours(6));
      }
    }
    assertThat(h.engine.deadLetters()).singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("gave up after"));

    assertThat(h.engine.replayDeadLetters()).isEqualTo(1);
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).hasSize(1);
    assertThat(h.ticketPosts()).isEqualTo(1);
  }

  @Test
  void refusedCredentialsPauseTheSiteUntilTheConnectionIsUpdated() {
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(401);
    h.engine.accept(h.raise("a1"));
    h.engine.drain();

    TicketingStatus status = h.engine.status();
    assertThat(status.pausedSites()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("401").doesNotContain(h.cw.privateKey()));
    h.clock.advance(Duration.ofHours(1));
    assertThat(h.engine.drain()).isZero();
    assertThat(h.ticketPosts()).isEqualTo(1);

    h.engine.updateConnection(h.psaSettings());
    assertThat(h.engine.status().pausedSites()).isEmpty();
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).hasSize(1);
  }

  @Test
  void aRefusedPermissionPausesTheSiteUntilTheSettingsAreSavedAgain() {
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(403);
    h.engine.accept(h.raise("p1"));
    h.engine.drain();
    assertThat(h.engine.status().pausedSites()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("save the settings again"));

    h.engine.applySettings(h.engine.settings());
    assertThat(h.engine.status().pausedSites()).isEmpty();
    h.clock.advance(Duration.ofMinutes(2));
    h.engine.drain();

    assertThat(h.engine.status().pausedSites()).isEmpty();
    assertThat(h.ticketsOf("p1")).hasSize(1);
  }

  @Test
  void case9A429HoldsTheSiteBackForRetryAfterAndHalvesTheRate() {
    h.engine.close();
    h.engine = h.newEngine(h.store, "slow", o -> o.rateLimit(4, 4));
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.clock.advance(Duration.ofSeconds(10));
    h.cw.faults().on("POST", "/service/tickets").times(1).rateLimited(Duration.ofSeconds(7));
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).isEmpty();

    h.clock.advance(Duration.ofSeconds(6));
    h.engine.drain();
    assertThat(h.ticketPosts()).isEqualTo(1);
    h.clock.advance(Duration.ofSeconds(2));
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).hasSize(1);
    assertThat(h.engine.status().lastErrors()).isNotEmpty();
  }

  @Test
  void aReplayedEventGetsTheFullMaxAgeAgainBeforeItIsADeadLetterAgain() {
    try (Outage outage = h.cw.faults().refuseConnections()) {
      h.engine.accept(h.raise("a1"));
      for (int i = 0; i < 14; i++) {
        h.engine.drain();
        h.clock.advance(Duration.ofHours(6));
      }
      assertThat(h.engine.deadLetters()).hasSize(1);

      assertThat(h.engine.replayDeadLetters()).isEqualTo(1);
      // Still failing 66 hours after the replay: retried, not given up.
      for (int i = 0; i < 11; i++) {
        h.engine.drain();
        h.clock.advance(Duration.ofHours(6));
      }
      assertThat(h.engine.deadLetters()).isEmpty();
      assertThat(h.engine.status().queued()).isEqualTo(1);

      h.clock.advance(Duration.ofHours(7));
      h.engine.drain();
      assertThat(h.engine.deadLetters()).singleElement()
          .satisfies(d -> assertThat(d.reason()).startsWith("gave up after PT72H"));
    }
  }

  @Test
  void aNoteWhoseAnswerWasLostIsAddedOnce() {
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long ticketId = h.ticketsOf("a1").get(0).path("id").asLong();
    String notes = "/service/tickets/" + ticketId + "/notes";
    h.clock.advance(Duration.ofHours(2));

    h.cw.faults().on("POST", notes).times(1).dropConnectionAfterWrite();
    h.engine.accept(h.repeat("a1"));
    drainWithRetry();
    h.cw.faults().on("POST", notes).times(1).dropConnectionAfterWrite();
    h.engine.accept(h.clear("a1"));
    drainWithRetry();
    drainWithRetry();

    assertThat(h.notesOf(ticketId))
        .filteredOn(n -> n.path("text").asText().startsWith("The alert occurred again"))
        .singleElement()
        .satisfies(n -> assertThat(n.path("text").asText()).containsPattern("\\[cwsync:\\d+]$"));
    assertThat(h.notesOf(ticketId))
        .filteredOn(n -> n.path("text").asText().startsWith("The alert cleared"))
        .hasSize(1);
    assertThat(h.cw.journal().count("POST", notes)).isEqualTo(2);
    assertThat(h.engine.status().queued()).isZero();
    assertThat(h.engine.deadLetters()).isEmpty();

    // A later note of the same alert is not taken for the earlier one.
    h.clock.advance(Duration.ofHours(2));
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    assertThat(h.cw.journal().count("POST", notes)).isEqualTo(3);
  }
}
