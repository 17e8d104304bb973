package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits of one ConnectWise site, shared by every engine of the process that talks to the
 * site (RELIABILITY.md 2.3 and 2.6):
 *
 * <ul>
 *   <li>a token bucket whose rate halves on a 429 and grows back by a tenth of the configured
 *       rate per quiet 10 seconds;
 *   <li>a limit of requests in flight;
 *   <li>a circuit breaker that opens after consecutive failures or when a share of the requests
 *       in a window failed, and when its time is up lets exactly one probe through (half-open):
 *       an answer closes it, a failure opens it again;
 *   <li>a retry budget for work that failed before, so a long outage or a failing site cannot
 *       turn into a retry storm.
 * </ul>
 */
public final class SiteGuard {

  private static final Map<String, SiteGuard> GUARDS = new ConcurrentHashMap<>();
  private static final Duration RECOVERY_STEP = Duration.ofSeconds(10);
  /** How soon to try again when the site has its most requests in flight. */
  private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);
  /** Bounds the failure window's memory at high request rates; older entries are dropped. */
  private static final int MAX_WINDOW_ENTRIES = 10_000;

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  /** One request let through by {@link #enter}; give it back with {@link #exit}. */
  public static final class Permit {
    private final boolean probe;
    private boolean recorded;

    private Permit(boolean probe) {
      this.probe = probe;
    }
  }

  private final double configuredRate;
  private final int burst;
  private final int failuresToOpen;
  private final Duration openFor;
  private final double failureRate;
  private final Duration window;
  private final int minimumRequests;
  private final int maxInFlight;
  private final int budgetCapacity;
  private final int retryCost;

  private double rate;
  private double tokens;
  private Instant lastRefill;
  private Instant blockedUntil;
  private Instant lastSlowdown;
  private int inFlight;
  private int consecutiveFailures;
  /** (time in epoch milliseconds, 1 when failed) of the requests in the window, oldest first. */
  private final ArrayDeque<long[]> outcomes = new ArrayDeque<>();
  private int windowFailures;
  private Instant openUntil;
  private boolean probeInFlight;
  private double budget;
  private Instant lastBudgetRefill;

  SiteGuard(TicketingOptions o) {
    this.configuredRate = o.requestsPerSecond();
    this.rate = configuredRate;
    this.burst = o.burst();
    this.tokens = burst;
    this.failuresToOpen = o.failuresToOpenCircuit();
    this.openFor = o.circuitOpenFor();
    this.failureRate = o.failureRateToOpenCircuit();
    this.window = o.failureRateWindow();
    this.minimumRequests = o.failureRateMinimumRequests();
    this.maxInFlight = o.maxInFlight();
    this.budgetCapacity = o.retryBudget();
    this.retryCost = o.retryCost();
    this.budget = budgetCapacity;
  }

  /**
   * The guard of a site, created with these options' limits by the first engine that asks.
   *
   * @param site the site key
   * @param options the limits
   * @return the guard
   */
  public static SiteGuard of(String site, TicketingOptions options) {
    return GUARDS.computeIfAbsent(site, s -> new SiteGuard(options));
  }

  /**
   * Lets one request go, or says when to try again. A permit must be given back with {@link
   * #exit} once the request has its outcome.
   *
   * @param now the current time
   * @return the permit
   * @throws Throttled when the circuit is open, the site is rate limited or has its most requests
   *     in flight
   */
  synchronized Permit enter(Instant now) {
    boolean probe = false;
    if (openUntil != null) {
      if (now.isBefore(openUntil)) {
        throw new Throttled(openUntil);
      }
      if (probeInFlight) {
        throw new Throttled(now.plus(openFor));
      }
      probe = true;
    }
    if (blockedUntil != null && now.isBefore(blockedUntil)) {
      throw new Throttled(blockedUntil);
    }
    if (inFlight >= maxInFlight) {
      throw new Throttled(now.plus(IN_FLIGHT_WAIT));
    }
    refill(now);
    if (tokens < 1) {
      long waitMillis = (long) Math.ceil((1 - tokens) / rate * 1000);
      throw new Throttled(now.plusMillis(Math.max(1, waitMillis)));
    }
    tokens -= 1;
    inFlight++;
    // Marked only once the probe really goes: a probe held back above must not block the next.
    if (probe) {
      probeInFlight = true;
    }
    return new Permit(probe);
  }

  /**
   * Charges one token for a request the ConnectWise client repeats by itself (a safe request
   * after a 5xx, a 429 or a dropped connection): retries draw from the same bucket as first
   * attempts. The bucket may go below zero; the debt holds back the next requests.
   *
   * @param now the current time
   */
  public synchronized void chargeRetry(Instant now) {
    refill(now);
    tokens -= 1;
  }

  private void refill(Instant now) {
    if (lastRefill == null) {
      lastRefill = now;
      return;
    }
    if (now.isAfter(lastRefill)) {
      double seconds = Duration.between(lastRefill, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * rate);
      lastRefill = now;
    }
  }

  /**
   * Gives a permit back. A probe that ended without an outcome (such as a failure in this
   * process) lets the next request probe.
   *
   * @param permit the permit from {@link #enter}
   */
  synchronized void exit(Permit permit) {
    inFlight = Math.max(0, inFlight - 1);
    if (permit.probe && !permit.recorded) {
      probeInFlight = false;
    }
  }

  /**
   * Records an answer from ConnectWise (any answer but 429 and 5xx, including a refusal of the
   * credentials): closes the circuit.
   *
   * @param permit the request's permit
   * @param now the current time
   */
  synchronized void onAnswer(Permit permit, Instant now) {
    permit.recorded = true;
    consecutiveFailures = 0;
    if (permit.probe || openUntil != null) {
      openUntil = null;
      probeInFlight = false;
      clearWindow();
    }
    record(now, false);
    if (rate < configuredRate
        && (lastSlowdown == null || !now.isBefore(lastSlowdown.plus(RECOVERY_STEP)))) {
      rate = Math.min(configuredRate, rate + configuredRate / 10);
      lastSlowdown = now;
    }
  }

  /**
   * Records a failure (no answer, or a 5xx): may open the circuit.
   *
   * @param permit the request's permit
   * @param now the current time
   */
  synchronized void onFailure(Permit permit, Instant now) {
    permit.recorded = true;
    consecutiveFailures++;
    record(now, true);
    int requests = outcomes.size();
    boolean tooManyFailed =
        requests >= minimumRequests && windowFailures >= failureRate * requests;
    if (permit.probe || consecutiveFailures >= failuresToOpen || tooManyFailed) {
      openUntil = now.plus(openFor);
      probeInFlight = false;
      consecutiveFailures = 0;
      clearWindow();
    }
  }

  /**
   * Records a 429: halves the rate and holds requests back for the server's wait.
   *
   * @param permit the request's permit
   * @param now the current time
   * @param retryAfter the server's {@code Retry-After}
   */
  synchronized void onRateLimited(Permit permit, Instant now, Duration retryAfter) {
    permit.recorded = true;
    rate = Math.max(configuredRate / 64, rate / 2);
    lastSlowdown = now;
    tokens = 0;
    lastRefill = now;
    Instant until = now.plus(retryAfter);
    if (blockedUntil == null || until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
    // The site answered: a probe that met a 429 leaves the circuit half-open for the next probe.
    if (permit.probe) {
      probeInFlight = false;
    }
  }

  private void record(Instant now, boolean failed) {
    outcomes.addLast(new long[] {now.toEpochMilli(), failed ? 1 : 0});
    if (failed) {
      windowFailures++;
    }
    long oldest = now.minus(window).toEpochMilli();
    while (!outcomes.isEmpty()
        && (outcomes.peekFirst()[0] <= oldest || outcomes.size() > MAX_WINDOW_ENTRIES)) {
      windowFailures -= (int) outcomes.removeFirst()[1];
    }
  }

  private void clearWindow() {
    outcomes.clear();
    windowFailures = 0;
  }

  /**
   * Takes the cost of one retry of failed work from the retry budget.
   *
   * @param now the current time
   * @return empty when the retry may go; otherwise when the budget will hold enough again
   */
  synchronized Optional<Instant> takeRetry(Instant now) {
    refillBudget(now);
    if (budget >= retryCost) {
      budget -= retryCost;
      return Optional.empty();
    }
    long waitMillis = (long) Math.ceil((retryCost - budget) * DAY_MILLIS / budgetCapacity);
    return Optional.of(now.plusMillis(Math.max(1, waitMillis)));
  }

  /**
   * Gives a retry's cost back: the retry succeeded, or it was not sent after all.
   *
   * @param now the current time
   */
  synchronized void returnRetry(Instant now) {
    refillBudget(now);
    budget = Math.min(budgetCapacity, budget + retryCost);
  }

  /**
   * Records work that succeeded at its first attempt: adds one token to the retry budget.
   *
   * @param now the current time
   */
  synchronized void onFirstAttemptSucceeded(Instant now) {
    refillBudget(now);
    budget = Math.min(budgetCapacity, budget + 1);
  }

  private void refillBudget(Instant now) {
    if (lastBudgetRefill == null) {
      lastBudgetRefill = now;
      return;
    }
    if (now.isAfter(lastBudgetRefill)) {
      double millis = Duration.between(lastBudgetRefill, now).toMillis();
      budget = Math.min(budgetCapacity, budget + millis * budgetCapacity / DAY_MILLIS);
      lastBudgetRefill = now;
    }
  }

  /**
   * Whether the circuit holds requests back.
   *
   * @param now the current time
   * @return {@code true} while it is open
   */
  public synchronized boolean circuitOpen(Instant now) {
    return openUntil != null && now.isBefore(openUntil);
  }

  /**
   * The current request rate.
   *
   * @return requests per second
   */
  public synchronized double rate() {
    return rate;
  }

  /**
   * The tokens left in the retry budget.
   *
   * @param now the current time
   * @return the tokens, at most the budget's capacity
   */
  public synchronized int retryBudgetLeft(Instant now) {
    refillBudget(now);
    return (int) budget;
  }
}
