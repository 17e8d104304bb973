package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.integration.core.state.Checkpoint;
import com.axcient.connectwise.integration.core.state.NewTicketLink;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.core.state.TicketLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tickets closed in ConnectWise are acknowledged exactly once even when the product's acknowledger
 * is down for a while, when the ticket was closed before the library adopted it, and when a poll
 * needs more requests than the rate limiter's burst allows.
 */
class ClosedTicketSyncResilienceTest {

  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private TicketingEngine engine(StateStore store, Clock clock, AlertAcknowledger ack) {
    return TicketingEngine.builder()
        .psaSettings(h.psaSettings())
        .clientId(h.cw.clientId())
        .stateStore(store)
        .clock(clock)
        .options(TicketingOptions.builder("install-1").instanceId("x").rateLimit(10_000, 10_000).build())
        .settings(h.engine.settings())
        .acknowledger(ack)
        .clientCustomizer(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> {}).build()))
        .build();
  }

  private void closeInConnectWise(Harness on, long ticketId) {
    on.cw.data()
        .replace("/service/tickets/" + ticketId, "status", Map.of("id", on.statusId("Help Desk", "Completed")));
  }

  private static Instant watermark(Harness on) {
    return Instant.parse(
        on.store.checkpoints().get("ticketing-poll|" + on.engine.site()).map(Checkpoint::value).orElseThrow());
  }

  @Test
  void aCloseIsAcknowledgedOnceTheAcknowledgerRecoversAfterLongerThanTheOverlap() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long ticketId = h.ticketsOf("a1").get(0).path("id").asLong();
    h.engine.pollOnce();

    AtomicBoolean productDown = new AtomicBoolean(true);
    h.engine.close();
    h.engine =
        engine(h.store, h.clock, (alert, t) -> {
          if (productDown.get()) {
            throw new IllegalStateException("product database busy");
          }
          h.acknowledged.add(alert);
        });
    h.clock.advance(Duration.ofMinutes(1));
    closeInConnectWise(h, ticketId);
    Instant closedAt =
        Instant.parse(h.cw.data().get("/service/tickets/" + ticketId).orElseThrow().path("_info").path("lastUpdated").asText());
    // The product's alert service is down for twice the overlap; polls every minute as by default.
    for (int i = 0; i < 10; i++) {
      h.clock.advance(Duration.ofMinutes(1));
      h.engine.pollOnce();
    }
    assertThat(h.acknowledged).isEmpty();
    assertThat(watermark(h)).as("the watermark waits for the unacknowledged close").isBeforeOrEqualTo(closedAt);
    productDown.set(false);
    for (int i = 0; i < 10; i++) {
      h.clock.advance(Duration.ofMinutes(1));
      h.engine.pollOnce();
    }
    assertThat(h.acknowledged).containsExactly("a1");
    assertThat(watermark(h)).as("the watermark moves on once acknowledged").isAfter(closedAt);
  }

  @Test
  void aCloseWhoseLinkChangedDuringThePollIsAcknowledgedLater() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.accept(h.raise("a1"));
    h.engine.accept(h.raise("a2"));
    h.engine.drain();
    long first = h.ticketsOf("a1").get(0).path("id").asLong();
    long second = h.ticketsOf("a2").get(0).path("id").asLong();
    h.engine.pollOnce();

    // While the poll acknowledges a1, something else changes a2's link: a2's check loses its
    // version check although a2's ticket is closed too.
    AtomicBoolean interfered = new AtomicBoolean();
    h.engine.close();
    h.engine =
        engine(h.store, h.clock, (alert, t) -> {
          if (interfered.compareAndSet(false, true)) {
            String other = alert.equals("a1") ? "a2" : "a1";
            TicketLink link = h.store.ticketLinks().current(h.engine.site(), other).orElseThrow();
            h.store.ticketLinks().update(link.toBuilder().repeatCount(link.repeatCount() + 1).build()).orElseThrow();
          }
          h.acknowledged.add(alert);
        });
    h.clock.advance(Duration.ofMinutes(1));
    closeInConnectWise(h, first);
    closeInConnectWise(h, second);
    // The next poll comes late (the interval is longer than the overlap); later polls look back
    // only to its start less the overlap, which is after both closes.
    h.clock.advance(Duration.ofMinutes(6));
    h.engine.pollOnce();
    assertThat(h.acknowledged).hasSize(1);
    for (int i = 0; i < 10; i++) {
      h.clock.advance(Duration.ofMinutes(1));
      h.engine.pollOnce();
    }
    assertThat(h.acknowledged).containsExactlyInAnyOrder("a1", "a2");
  }

  @Test
  void aTicketClosedBeforeItWasAdoptedIsAcknowledged() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.pollOnce(); // the site has been polled: the watermark exists
    h.cw.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long ticketId = h.ticketsOf("a1").get(0).path("id").asLong();
    // A technician closes it at once; the searches by key meet 503s, so adoption comes late.
    h.clock.advance(Duration.ofSeconds(30));
    closeInConnectWise(h, ticketId);
    h.cw.faults().on("GET", "/service/tickets").times(4).respondStatus(503);
    for (int i = 0; i < 40; i++) {
      h.clock.advance(Duration.ofMinutes(1));
      h.engine.drain();
      h.engine.pollOnce();
    }
    assertThat(h.store.ticketLinks().current(h.engine.site(), "a1").orElseThrow().ticketId()).hasValue(ticketId);
    assertThat(h.acknowledged).containsExactly("a1#" + ticketId);
  }

  @Test
  void openLinksBeyondTheRateLimitBurstAreAllPolled() {
    Harness small = new Harness(o -> o.rateLimit(1000, 3));
    try {
      small.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
      String site = small.engine.site();
      // 600 open links to tickets with lower IDs than the one closed: 4 requests of 200, burst 3.
      for (int i = 0; i < 600; i++) {
        TicketLink link =
            small.store.ticketLinks().claimNew(NewTicketLink.of("install-1", site, "bulk-" + i, 1)).orElseThrow();
        small.store.ticketLinks().update(link.toBuilder().state(TicketLink.State.OPEN).ticketId(1L + i).build());
      }
      small.clock.advance(Duration.ofSeconds(1));
      small.engine.accept(small.raise("a1"));
      small.engine.drain();
      long ticketId = small.ticketsOf("a1").get(0).path("id").asLong();
      small.clock.advance(Duration.ofMinutes(1));
      closeInConnectWise(small, ticketId);
      for (int i = 0; i < 30; i++) {
        small.clock.advance(Duration.ofMinutes(1));
        small.engine.pollOnce();
      }
      assertThat(small.acknowledged).containsExactly("a1#" + ticketId);
      assertThat(watermark(small)).as("complete passes move the watermark").isAfter(small.clock.instant().minus(Duration.ofMinutes(5)));
    } finally {
      small.close();
    }
  }
}
