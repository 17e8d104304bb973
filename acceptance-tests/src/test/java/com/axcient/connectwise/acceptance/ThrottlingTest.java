package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.testkit.MutableClock;
import com.axcient.connectwise.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RELIABILITY.md section 3, cases 10 to 12: sustained throttling, stalls, the circuit breaker. */
class ThrottlingTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final Sim sim = new Sim(clock);
  private final StateStore store =
      JdbcStateStore.h2InMemory("throttle" + UUID.randomUUID().toString().replace("-", ""), clock);
  private TicketingEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    store.close();
    sim.close();
  }

  private TicketingEngine engine(TicketingOptions options, RetryPolicy retries, Duration callTimeout) {
    engine =
        sim.engineBuilder(store, options)
            .clientCustomizer(
                b -> b.readTimeout(Duration.ofSeconds(30)).callTimeout(callTimeout).retryPolicy(retries))
            .build();
    engine.applySettings(Sim.settings());
    return engine;
  }

  private List<AlertEvent> raises(String prefix, int n) {
    List<AlertEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Sim.event(prefix + i, AlertState.RAISED, clock.instant()));
    }
    return out;
  }

  @Test
  void case10SustainedRateLimitingNeverPushesTheSiteBeyondItsLimit() {
    double rate = 1;
    int burst = 5;
    engine(
        TicketingOptions.builder(Sim.INSTALL).instanceId("a").rateLimit(rate, burst).build(),
        RetryPolicy.builder().maxAttempts(3).maxRetryAfter(Duration.ofSeconds(5)).sleeper(clock::advance).build(),
        Duration.ofSeconds(10));
    engine.acceptAll(raises("busy-", 40));
    Instant start = clock.instant();
    int before = sim.cw.journal().size();
    sim.cw.faults().on("*", "/**").always().rateLimited(Duration.ofSeconds(2));
    while (clock.instant().isBefore(start.plus(Duration.ofMinutes(30)))) {
      engine.drain();
      clock.advance(Duration.ofSeconds(1));
    }
    List<RecordedCall> all = sim.cw.journal().calls();
    List<RecordedCall> during = all.subList(before, all.size());
    sim.cw.faults().clear();
    for (int i = 0; i < 600 && engine.status().queued() > 0; i++) {
      engine.drain();
      clock.advance(Duration.ofSeconds(1));
    }

    Map<Long, Integer> perMinute = new TreeMap<>();
    during.forEach(c -> perMinute.merge(Duration.between(start, c.time()).toMinutes(), 1, Integer::sum));
    System.out.printf("THROTTLED requests per minute over 30 min of 429s: %s%n", perMinute.values());
    assertThat(perMinute.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo((int) (rate * 60) + burst));
    assertThat(during).allSatisfy(c -> assertThat(c.status()).isEqualTo(429));
  }

  @Test
  void aCreateAnswered429IsPostedOnceTheSiteHasTokensAgain() {
    engine(
        TicketingOptions.builder(Sim.INSTALL).instanceId("a").rateLimit(1, 5).build(),
        RetryPolicy.none(),
        Duration.ofSeconds(10));
    sim.cw.faults().on("POST", "/service/tickets").times(1).rateLimited(Duration.ofSeconds(1));
    engine.acceptAll(raises("limited-", 3));
    int before = sim.cw.journal().size();
    for (int i = 0; i < 600 && engine.status().queued() > 0; i++) {
      engine.drain();
      clock.advance(Duration.ofSeconds(1));
    }
    List<RecordedCall> all = sim.cw.journal().calls();
    long searches = all.subList(before, all.size()).stream()
        .filter(c -> c.queryParameter("conditions").orElse("").startsWith("externalXRef")).count();
    assertThat(sim.ticketsWithKeyPrefix(Sim.INSTALL + ":limited-"))
        .as("tickets after 10 min; %d key searches, %d posts", searches, sim.ticketPosts())
        .hasSize(3);
  }

  @Test
  void case11AStalledOrTricklingAnswerTimesOutFreesTheWorkerAndTheItemIsRescheduled() {
    engine(
        TicketingOptions.builder(Sim.INSTALL).instanceId("a").build(),
        RetryPolicy.none(),
        Duration.ofSeconds(1));
    sim.cw.faults().on("POST", "/service/tickets").times(1).stall();
    sim.cw.faults().on("GET", "/service/tickets").times(1).throttleBody(8, Duration.ofMillis(400));
    engine.accept(Sim.event("stall", AlertState.RAISED, clock.instant()));

    // The POST stalls: the call timeout ends it and drain returns; nothing waits for ever.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> engine.drain());
    assertThat(engine.status().queued()).isEqualTo(1);
    assertThat(engine.status().inFlight()).isZero();
    assertThat(sim.ticketPosts()).isEqualTo(1);

    // The reconciling search trickles and times out too; the next attempt adopts the ticket.
    clock.advance(Duration.ofMinutes(1));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> engine.drain());
    assertThat(engine.status().queued()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> engine.drain());

    assertThat(engine.status().queued()).isZero();
    assertThat(sim.ticketsWithKeyPrefix(Sim.INSTALL + ":stall")).hasSize(1);
    assertThat(sim.ticketPosts()).isEqualTo(1);
  }

  @Test
  void case12TheCircuitOpensAfterConsecutiveFailuresProbesOnceAndClosesOnSuccess() {
    engine(
        TicketingOptions.builder(Sim.INSTALL)
            .instanceId("a")
            .circuitBreaker(3, Duration.ofSeconds(30))
            .retryDelays(List.of(Duration.ofSeconds(10)))
            .build(),
        RetryPolicy.none(),
        Duration.ofSeconds(10));
    int before = sim.cw.journal().size();
    sim.cw.faults().on("*", "/**").always().respondStatus(502);
    engine.acceptAll(raises("cb-", 10));
    engine.drain();
    int sentWhileClosed = sim.cw.journal().size();
    assertThat(sentWhileClosed - before).isEqualTo(3);
    assertThat(engine.status().circuitOpen()).isTrue();

    // Open: nothing is sent, however often the worker runs.
    for (int i = 0; i < 25; i++) {
      clock.advance(Duration.ofSeconds(1));
      engine.drain();
    }
    assertThat(sim.cw.journal().size()).isEqualTo(sentWhileClosed);

    // Half open: one probe; it fails, and the circuit opens again.
    clock.advance(Duration.ofSeconds(10));
    engine.drain();
    assertThat(sim.cw.journal().size()).isEqualTo(sentWhileClosed + 1);
    assertThat(engine.status().circuitOpen()).isTrue();

    // The next probe succeeds: the circuit closes and everything is delivered.
    sim.cw.faults().clear();
    clock.advance(Duration.ofSeconds(31));
    engine.drain();
    for (int i = 0; i < 10 && engine.status().queued() > 0; i++) {
      clock.advance(Duration.ofSeconds(10));
      engine.drain();
    }
    assertThat(engine.status().circuitOpen()).isFalse();
    assertThat(engine.status().queued()).isZero();
    assertThat(sim.ticketsWithKeyPrefix(Sim.INSTALL + ":cb-")).hasSize(10);
  }
}
