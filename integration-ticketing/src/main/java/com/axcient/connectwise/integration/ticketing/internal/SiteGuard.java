package com.axcient.connectwise.integration.ticketing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limiter and circuit breaker of one ConnectWise site, shared by every engine of the
 * process that talks to the site. A token bucket whose rate halves on a 429 and grows back by a
 * tenth of the configured rate per quiet 10 seconds; a breaker that opens after consecutive
 * failures and lets one probe through when its time is up.
 */
public final class SiteGuard {

  private static final Map<String, SiteGuard> GUARDS = new ConcurrentHashMap<>();
  private static final Duration RECOVERY_STEP = Duration.ofSeconds(10);

  private final double configuredRate;
  private final int burst;
  private final int failuresToOpen;
  private final Duration openFor;

  private double rate;
  private double tokens;
  private Instant lastRefill;
  private Instant blockedUntil;
  private Instant lastSlowdown;
  private int consecutiveFailures;
  private Instant openUntil;
  private boolean probing;

  SiteGuard(double rate, int burst, int failuresToOpen, Duration openFor) {
    this.configuredRate = rate;
    this.rate = rate;
    this.burst = burst;
    this.tokens = burst;
    this.failuresToOpen = failuresToOpen;
    this.openFor = openFor;
  }

  /**
   * The guard of a site, created with these limits by the first engine that asks.
   *
   * @param site the site key
   * @param rate requests per second
   * @param burst bucket size
   * @param failuresToOpen consecutive failures that open the circuit
   * @param openFor how long it stays open
   * @return the guard
   */
  public static SiteGuard of(
      String site, double rate, int burst, int failuresToOpen, Duration openFor) {
    return GUARDS.computeIfAbsent(site, s -> new SiteGuard(rate, burst, failuresToOpen, openFor));
  }

  /**
   * Takes a token for one request.
   *
   * @param now the current time
   * @return empty when the request may go; otherwise when to try again
   */
  public synchronized Optional<Instant> tryAcquire(Instant now) {
    if (openUntil != null) {
      if (now.isBefore(openUntil)) {
        return Optional.of(openUntil);
      }
      if (probing) {
        return Optional.of(now.plus(openFor));
      }
      probing = true;
    }
    if (blockedUntil != null && now.isBefore(blockedUntil)) {
      return Optional.of(blockedUntil);
    }
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return Optional.empty();
    }
    long waitMillis = (long) Math.ceil((1 - tokens) / rate * 1000);
    return Optional.of(now.plusMillis(Math.max(1, waitMillis)));
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

  /** Records an answer from ConnectWise (any answer but 429 and 5xx). */
  public synchronized void onSuccess(Instant now) {
    consecutiveFailures = 0;
    openUntil = null;
    probing = false;
    if (rate < configuredRate
        && (lastSlowdown == null || !now.isBefore(lastSlowdown.plus(RECOVERY_STEP)))) {
      rate = Math.min(configuredRate, rate + configuredRate / 10);
      lastSlowdown = now;
    }
  }

  /** Records a failure: no answer, or a 5xx. */
  public synchronized void onFailure(Instant now) {
    consecutiveFailures++;
    if (probing || consecutiveFailures >= failuresToOpen) {
      openUntil = now.plus(openFor);
      probing = false;
    }
  }

  /**
   * Records a 429: halves the rate and holds requests back for the server's wait.
   *
   * @param now the current time
   * @param retryAfter the server's {@code Retry-After}
   */
  public synchronized void onRateLimited(Instant now, Duration retryAfter) {
    rate = Math.max(configuredRate / 64, rate / 2);
    lastSlowdown = now;
    tokens = 0;
    lastRefill = now;
    Instant until = now.plus(retryAfter);
    if (blockedUntil == null || until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
    probing = false;
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
}
