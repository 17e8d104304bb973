package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.testkit.MutableClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ticket state follows the alert even when the write that changes it fails the first time. */
class OrderingAndStateTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final Sim sim = new Sim(clock);
  private final StateStore store =
      JdbcStateStore.h2InMemory("order" + UUID.randomUUID().toString().replace("-", ""), clock);
  private final TicketingEngine engine = sim.engine(store, "a", o -> o);

  @AfterEach
  void close() {
    engine.close();
    store.close();
    sim.close();
  }

  private ObjectNode ticket() {
    return sim.ticketsWithKeyPrefix(Sim.INSTALL + ":flap").get(0);
  }

  @Test
  void aCloseWhoseWriteFailedIsWrittenOnTheRetry() {
    engine.applySettings(Sim.settings());
    engine.accept(Sim.event("flap", AlertState.RAISED, clock.instant()));
    engine.drain();
    sim.cw.faults().on("PATCH", "/service/tickets/*").times(2).respondStatus(503);
    engine.accept(Sim.event("flap", AlertState.CLEARED, clock.instant()));
    engine.drain();
    assertThat(ticket().path("closedFlag").asBoolean()).isFalse();

    clock.advance(Duration.ofMinutes(1));
    engine.drain();
    assertThat(ticket().path("closedFlag").asBoolean()).isTrue();
    assertThat(engine.status().queued()).isZero();
  }

  @Test
  void aReopenWhoseWriteFailedIsWrittenOnTheRetry() {
    engine.applySettings(Sim.settings());
    engine.accept(Sim.event("flap", AlertState.RAISED, clock.instant()));
    engine.drain();
    engine.accept(Sim.event("flap", AlertState.CLEARED, clock.instant()));
    engine.drain();
    assertThat(ticket().path("closedFlag").asBoolean()).isTrue();

    // The raise reopens the ticket (within the reopen window), but its status write fails, also
    // when the client tries it again in process.
    sim.cw.faults().on("PATCH", "/service/tickets/*").times(2).respondStatus(503);
    clock.advance(Duration.ofMinutes(5));
    engine.accept(Sim.event("flap", AlertState.RAISED, clock.instant()));
    engine.drain();
    clock.advance(Duration.ofMinutes(1));
    engine.drain();

    assertThat(engine.status().queued()).isZero();
    assertThat(ticket().path("closedFlag").asBoolean()).as("ticket reopened in ConnectWise").isFalse();
    assertThat(sim.ticketsWithKeyPrefix(Sim.INSTALL + ":flap")).hasSize(1);
  }
}
