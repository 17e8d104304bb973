package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RELIABILITY.md 2.3: the site's retry budget bounds what a long outage sends. */
class RetryBudgetTest {

  private static final int ALERTS = 100;

  // The circuit breaker never opens here, so what bounds the retries is the budget alone.
  private final Harness h =
      new Harness(
          o ->
              o.circuitBreaker(1_000_000, Duration.ofSeconds(30))
                  .circuitFailureRate(1.0, Duration.ofMinutes(1), 1_000_000));

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aDayOfFailingCreatesSendsAtMostTheBudgetsRetriesAndEverythingIsDeliveredAfter() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    Fault outage =
        h.cw.faults().on("POST", "/service/tickets").always().respondStatus(503).retryAfter(0);
    List<AlertEvent> raises = new ArrayList<>();
    for (int i = 0; i < ALERTS; i++) {
      raises.add(h.raise("budget-" + i));
    }
    h.engine.acceptAll(raises);

    for (int i = 0; i < 24 * 6; i++) {
      h.engine.drain();
      h.clock.advance(Duration.ofMinutes(10));
    }

    // Without a budget each event would be retried about eight times in a day (900 POSTs).
    // With it: the first attempts, the 100 retries of the full budget (500 / 5) and the 100 it
    // regains in a day.
    assertThat(h.ticketPosts()).isBetween(ALERTS + 100, ALERTS + 100 + 100 + 2);
    assertThat(h.engine.deadLetters()).isEmpty();
    assertThat(h.engine.status().queued()).isEqualTo(ALERTS);

    outage.cancel();
    // Failed retries wait up to 6 hours (the last retry delay).
    for (int i = 0; i < 48 && h.engine.status().queued() > 0; i++) {
      h.clock.advance(Duration.ofMinutes(10));
      h.engine.drain();
    }
    assertThat(h.engine.status().queued()).isZero();
    assertThat(
            h.cw.data().list("/service/tickets", "externalXRef like \"cwsync:install-1:budget-%\""))
        .hasSize(ALERTS);
  }
}
