package com.axcient.connectwise.integration.ticketing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The site's circuit breaker, in-flight limit and retry budget, on an injected time. */
class SiteGuardTest {

  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  private static SiteGuard guard(UnaryOperator<TicketingOptions.Builder> options) {
    return new SiteGuard(
        options.apply(TicketingOptions.builder("install-1").rateLimit(10_000, 10_000)).build());
  }

  private static void failed(SiteGuard g, Instant at) {
    SiteGuard.Permit p = g.enter(at);
    g.onFailure(p, at);
    g.exit(p);
  }

  private static void answered(SiteGuard g, Instant at) {
    SiteGuard.Permit p = g.enter(at);
    g.onAnswer(p, at);
    g.exit(p);
  }

  private static Instant heldUntil(SiteGuard g, Instant at) {
    try {
      g.exit(g.enter(at));
      throw new AssertionError("the request was let through");
    } catch (Throttled t) {
      return t.until;
    }
  }

  @Test
  void halfTheRequestsOfAMinuteFailingOpensTheCircuitWithoutFiveFailuresInARow() {
    SiteGuard g = guard(o -> o);
    Instant t = T0;
    for (int i = 0; i < 4; i++) {
      answered(g, t);
      failed(g, t);
      t = t.plusSeconds(5);
    }
    answered(g, t);
    assertThat(g.circuitOpen(t)).isFalse();

    failed(g, t);

    assertThat(g.circuitOpen(t)).isTrue();
    assertThat(heldUntil(g, t)).isEqualTo(t.plusSeconds(30));
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    SiteGuard g = guard(o -> o);
    for (int i = 0; i < 4; i++) {
      answered(g, T0);
      failed(g, T0);
    }
    Instant later = T0.plus(Duration.ofMinutes(2));
    answered(g, later);
    failed(g, later);
    assertThat(g.circuitOpen(later)).isFalse();
  }

  @Test
  void fiveFailuresInARowStillOpenTheCircuit() {
    SiteGuard g = guard(o -> o);
    for (int i = 0; i < 5; i++) {
      failed(g, T0);
    }
    assertThat(g.circuitOpen(T0)).isTrue();
  }

  @Test
  void atMostTwoRequestsAreInFlightAtOnce() {
    SiteGuard g = guard(o -> o);
    SiteGuard.Permit first = g.enter(T0);
    SiteGuard.Permit second = g.enter(T0);

    assertThat(heldUntil(g, T0)).isAfter(T0);

    g.onAnswer(first, T0);
    g.exit(first);
    g.exit(g.enter(T0));
    g.exit(second);
  }

  @Test
  void anOpenCircuitLetsOneProbeThroughWhoseAnswerClosesIt() {
    SiteGuard g = guard(o -> o.circuitBreaker(1, Duration.ofSeconds(30)));
    failed(g, T0);
    Instant due = T0.plusSeconds(30);
    assertThat(heldUntil(g, T0.plusSeconds(29))).isEqualTo(due);

    SiteGuard.Permit probe = g.enter(due);
    assertThat(heldUntil(g, due)).isAfter(due);
    g.onAnswer(probe, due);
    g.exit(probe);

    assertThat(g.circuitOpen(due)).isFalse();
    answered(g, due);
    answered(g, due);
  }

  @Test
  void aFailedProbeOpensTheCircuitAgain() {
    SiteGuard g = guard(o -> o.circuitBreaker(5, Duration.ofSeconds(30)));
    for (int i = 0; i < 5; i++) {
      failed(g, T0);
    }
    Instant due = T0.plusSeconds(30);

    failed(g, due);

    assertThat(g.circuitOpen(due)).isTrue();
    assertThat(heldUntil(g, due)).isEqualTo(due.plusSeconds(30));
  }

  @Test
  void aProbeEndedWithoutAnOutcomeLetsTheNextRequestProbe() {
    SiteGuard g = guard(o -> o.circuitBreaker(1, Duration.ofSeconds(30)));
    failed(g, T0);
    Instant due = T0.plusSeconds(30);

    g.exit(g.enter(due));

    SiteGuard.Permit next = g.enter(due);
    g.onAnswer(next, due);
    g.exit(next);
    assertThat(g.circuitOpen(due)).isFalse();
  }

  @Test
  void theRetryBudgetAllowsAHundredRetriesThenRefillsOverADay() {
    SiteGuard g = guard(o -> o);
    for (int i = 0; i < 100; i++) {
      assertThat(g.takeRetry(T0)).isEmpty();
    }

    // Five tokens come back in 5 / 500 of a day.
    assertThat(g.takeRetry(T0)).contains(T0.plusSeconds(864));

    g.returnRetry(T0);
    assertThat(g.takeRetry(T0)).isEmpty();
    for (int i = 0; i < 5; i++) {
      g.onFirstAttemptSucceeded(T0);
    }
    assertThat(g.takeRetry(T0)).isEmpty();
    assertThat(g.retryBudgetLeft(T0)).isZero();

    Instant dayLater = T0.plus(Duration.ofDays(2));
    assertThat(g.retryBudgetLeft(dayLater)).isEqualTo(500);
  }

  @Test
  void retriesTheClientSendsByItselfDrawFromTheSameBucket() {
    SiteGuard g = new SiteGuard(TicketingOptions.builder("install-1").rateLimit(1, 3).build());
    answered(g, T0);

    // Two repeats of that request spend the rest of the burst: the next request must wait.
    g.chargeRetry(T0);
    g.chargeRetry(T0);

    assertThat(heldUntil(g, T0)).isAfter(T0);
  }

  @Test
  void chargedRetriesBeyondTheBucketAreADebtTheNextRequestsWaitFor() {
    SiteGuard g = new SiteGuard(TicketingOptions.builder("install-1").rateLimit(1, 1).build());
    answered(g, T0);

    g.chargeRetry(T0);
    g.chargeRetry(T0);

    // Two tokens owed at one per second: nothing goes before three seconds have passed.
    assertThat(heldUntil(g, T0.plusSeconds(2))).isEqualTo(T0.plusSeconds(3));
    answered(g, T0.plusSeconds(3));
  }
}
