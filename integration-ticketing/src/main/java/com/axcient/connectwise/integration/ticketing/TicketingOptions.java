package com.axcient.connectwise.integration.ticketing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How the ticketing engine works, as opposed to what it does (that is {@link TicketingSettings}):
 * identities, timings, limits. The defaults suit a product; tests shorten them.
 *
 * @param installId the product installation's ID, part of every correlation key: 1 to 36 letters,
 *     digits, {@code _} or {@code -} (a UUID fits). Keep it stable: a changed ID cannot find
 *     tickets created before
 * @param instanceId this process's name among the instances sharing the database; recorded on
 *     claimed work
 * @param lease how long a worker holds claimed work before another instance may take it over;
 *     the worker renews it before each item, so it must outlast the slowest item: a few
 *     ConnectWise calls of up to the client's {@code callTimeout} (3 minutes by default) each
 * @param batchSize how many events a worker run claims at once
 * @param maxAge how long an event is retried before it becomes a dead letter
 * @param retryDelays the waits after the first, second, ... failed attempt; the last one repeats
 * @param requestsPerSecond the steady rate of requests to the site; halved on every 429 and
 *     restored slowly
 * @param burst how many requests may go at once after a quiet time
 * @param failuresToOpenCircuit consecutive failures (no answer or 5xx) after which the circuit
 *     opens and nothing is sent for {@code circuitOpenFor}
 * @param circuitOpenFor how long an open circuit holds requests back before one probe is let
 *     through
 * @param failureRateToOpenCircuit the share of failed requests (0 to 1, such as 0.5) within
 *     {@code failureRateWindow} that also opens the circuit, once the window holds at least
 *     {@code failureRateMinimumRequests} requests
 * @param failureRateWindow how far back the share of failures is measured
 * @param failureRateMinimumRequests how many requests the window must hold before their share of
 *     failures counts
 * @param maxInFlight the most requests to the site at one time from this process
 * @param retryBudget the site's retry budget: how many tokens it holds when full; a retry of
 *     failed work takes {@code retryCost} tokens and gives them back when it succeeds, work that
 *     succeeds at its first attempt adds one, and the budget fills by itself at {@code
 *     retryBudget} tokens a day. A retry that finds too few tokens is postponed, not sent
 * @param retryCost the tokens one retry takes from the budget
 * @param pollInterval the time between two polls for tickets closed in ConnectWise
 * @param pollOverlap how far back before the last poll a poll looks, for clock skew
 * @param workerInterval the time between two runs of the outbox worker on the runtime
 */
public record TicketingOptions(
    String installId,
    String instanceId,
    Duration lease,
    int batchSize,
    Duration maxAge,
    List<Duration> retryDelays,
    double requestsPerSecond,
    int burst,
    int failuresToOpenCircuit,
    Duration circuitOpenFor,
    double failureRateToOpenCircuit,
    Duration failureRateWindow,
    int failureRateMinimumRequests,
    int maxInFlight,
    int retryBudget,
    int retryCost,
    Duration pollInterval,
    Duration pollOverlap,
    Duration workerInterval) {

  private static final Pattern INSTALL_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when a part is out of range; the message names it
   */
  public TicketingOptions {
    Objects.requireNonNull(installId, "installId");
    Objects.requireNonNull(instanceId, "instanceId");
    retryDelays = List.copyOf(Objects.requireNonNull(retryDelays, "retryDelays"));
    if (!INSTALL_ID.matcher(installId).matches()) {
      throw new IllegalArgumentException(
          "installId must be 1 to 36 letters, digits, '_' or '-': pass the installation's UUID");
    }
    if (instanceId.isBlank() || instanceId.length() > 100) {
      throw new IllegalArgumentException("instanceId must be 1 to 100 characters");
    }
    positive(lease, "lease");
    positive(maxAge, "maxAge");
    positive(circuitOpenFor, "circuitOpenFor");
    positive(pollInterval, "pollInterval");
    positive(workerInterval, "workerInterval");
    Objects.requireNonNull(pollOverlap, "pollOverlap");
    if (pollOverlap.isNegative()) {
      throw new IllegalArgumentException("pollOverlap must not be negative");
    }
    if (retryDelays.isEmpty()) {
      throw new IllegalArgumentException("retryDelays must hold at least one delay");
    }
    retryDelays.forEach(d -> positive(d, "retryDelays"));
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("batchSize must be 1 to 1000, was " + batchSize);
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be 1 or more");
    }
    if (failuresToOpenCircuit < 1) {
      throw new IllegalArgumentException("failuresToOpenCircuit must be 1 or more");
    }
    if (!(failureRateToOpenCircuit > 0 && failureRateToOpenCircuit <= 1)) {
      throw new IllegalArgumentException(
          "failureRateToOpenCircuit must be above 0 and at most 1 (such as 0.5), was "
              + failureRateToOpenCircuit);
    }
    positive(failureRateWindow, "failureRateWindow");
    if (failureRateMinimumRequests < 1) {
      throw new IllegalArgumentException("failureRateMinimumRequests must be 1 or more");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be 1 or more, was " + maxInFlight);
    }
    if (retryCost < 1 || retryBudget < retryCost) {
      throw new IllegalArgumentException(
          "retryBudget must hold at least one retry: retryCost must be 1 or more and retryBudget"
              + " at least retryCost, were "
              + retryBudget
              + " and "
              + retryCost);
    }
  }

  private static void positive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive");
    }
  }

  /**
   * A builder with the defaults: a random instance ID, a 10-minute lease, batches of 20, dead
   * letters after 72 hours, retries after 1 min, 5 min, 15 min, 1 h and then every 6 h, 2
   * requests per second with bursts of 10 and at most 2 at a time, the circuit opening for 30 s
   * after 5 consecutive failures or when half of at least 10 requests in a minute failed, a retry
   * budget of 500 tokens with retries costing 5, polls every minute looking 5 minutes further
   * back, and the worker running every 5 seconds.
   *
   * @param installId the product installation's ID
   * @return the builder
   */
  public static Builder builder(String installId) {
    return new Builder(installId);
  }

  /** Builds {@link TicketingOptions}. */
  public static final class Builder {
    private final String installId;
    private String instanceId = UUID.randomUUID().toString();
    private Duration lease = Duration.ofMinutes(10);
    private int batchSize = 20;
    private Duration maxAge = Duration.ofHours(72);
    private List<Duration> retryDelays =
        List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(6));
    private double requestsPerSecond = 2;
    private int burst = 10;
    private int failuresToOpenCircuit = 5;
    private Duration circuitOpenFor = Duration.ofSeconds(30);
    private double failureRateToOpenCircuit = 0.5;
    private Duration failureRateWindow = Duration.ofMinutes(1);
    private int failureRateMinimumRequests = 10;
    private int maxInFlight = 2;
    private int retryBudget = 500;
    private int retryCost = 5;
    private Duration pollInterval = Duration.ofMinutes(1);
    private Duration pollOverlap = Duration.ofMinutes(5);
    private Duration workerInterval = Duration.ofSeconds(5);

    private Builder(String installId) {
      this.installId = installId;
    }

    /**
     * Sets this instance's name.
     *
     * @param instanceId the name, such as the host name
     * @return this builder
     */
    public Builder instanceId(String instanceId) {
      this.instanceId = instanceId;
      return this;
    }

    /**
     * Sets the lease of claimed work; default 10 minutes.
     *
     * @param lease the lease, longer than the slowest item (a few ConnectWise calls of up to the
     *     client's call timeout each)
     * @return this builder
     */
    public Builder lease(Duration lease) {
      this.lease = lease;
      return this;
    }

    /**
     * Sets the batch size.
     *
     * @param batchSize 1 to 1000
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets how long events are retried.
     *
     * @param maxAge the age after which an event becomes a dead letter
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets the waits between attempts.
     *
     * @param retryDelays the waits; the last one repeats
     * @return this builder
     */
    public Builder retryDelays(List<Duration> retryDelays) {
      this.retryDelays = retryDelays;
      return this;
    }

    /**
     * Sets the request rate.
     *
     * @param requestsPerSecond the steady rate
     * @param burst how many may go at once
     * @return this builder
     */
    public Builder rateLimit(double requestsPerSecond, int burst) {
      this.requestsPerSecond = requestsPerSecond;
      this.burst = burst;
      return this;
    }

    /**
     * Sets the circuit breaker.
     *
     * @param failuresToOpen consecutive failures that open it
     * @param openFor how long it stays open
     * @return this builder
     */
    public Builder circuitBreaker(int failuresToOpen, Duration openFor) {
      this.failuresToOpenCircuit = failuresToOpen;
      this.circuitOpenFor = openFor;
      return this;
    }

    /**
     * Sets the second rule of the circuit breaker: it also opens when a share of the requests in
     * a window failed.
     *
     * @param failureRate the share of failures that opens it, above 0 and at most 1
     * @param window how far back the share is measured
     * @param minimumRequests how many requests the window must hold first
     * @return this builder
     */
    public Builder circuitFailureRate(double failureRate, Duration window, int minimumRequests) {
      this.failureRateToOpenCircuit = failureRate;
      this.failureRateWindow = window;
      this.failureRateMinimumRequests = minimumRequests;
      return this;
    }

    /**
     * Sets the most requests to the site at one time from this process.
     *
     * @param maxInFlight the limit, 1 or more
     * @return this builder
     */
    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * Sets the retry budget of the site.
     *
     * @param capacity the tokens of a full budget
     * @param retryCost the tokens one retry takes
     * @return this builder
     */
    public Builder retryBudget(int capacity, int retryCost) {
      this.retryBudget = capacity;
      this.retryCost = retryCost;
      return this;
    }

    /**
     * Sets the polling for tickets closed in ConnectWise.
     *
     * @param interval the time between polls
     * @param overlap how far back before the last poll to look
     * @return this builder
     */
    public Builder polling(Duration interval, Duration overlap) {
      this.pollInterval = interval;
      this.pollOverlap = overlap;
      return this;
    }

    /**
     * Sets the time between outbox worker runs on the runtime.
     *
     * @param workerInterval the interval
     * @return this builder
     */
    public Builder workerInterval(Duration workerInterval) {
      this.workerInterval = workerInterval;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     * @throws IllegalArgumentException when a part is out of range
     */
    public TicketingOptions build() {
      return new TicketingOptions(
          installId,
          instanceId,
          lease,
          batchSize,
          maxAge,
          retryDelays,
          requestsPerSecond,
          burst,
          failuresToOpenCircuit,
          circuitOpenFor,
          failureRateToOpenCircuit,
          failureRateWindow,
          failureRateMinimumRequests,
          maxInFlight,
          retryBudget,
          retryCost,
          pollInterval,
          pollOverlap,
          workerInterval);
    }
  }
}
