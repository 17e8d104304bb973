package com.axcient.connectwise.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long the client waits before sending a request again.
 *
 * <p>Only requests that are safe to repeat are retried: GET, PUT, DELETE and PATCHes made of
 * absolute operations. A POST is never sent twice by the client, whatever happens: a create that
 * may or may not have been applied is reported to the caller, who can check for it first.
 *
 * <p>Retried: connection failures and the statuses in {@link Builder#retryableStatuses(Set)}
 * (by default 408, 429, 502, 503 and 504). The wait before attempt {@code n + 1} is "full
 * jitter": a random time between zero and {@code min(maxDelay, baseDelay * 2^(n-1))}, and never
 * less than a {@code Retry-After} the server sent. A {@code Retry-After} longer than
 * {@link Builder#maxRetryAfter(Duration)} is not waited for: the error is reported at once so the
 * caller can schedule the work later.
 */
public final class RetryPolicy {

  /** Waits between attempts; replaceable so that tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits for the given time.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the waiting thread is interrupted; the request then
     *     fails instead of being sent again
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The sleeper that really waits ({@link Thread#sleep(long)}). */
    static Sleeper system() {
      return duration -> Thread.sleep(duration.toMillis());
    }
  }

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryableStatuses;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.retryableStatuses = Set.copyOf(builder.retryableStatuses);
    this.sleeper = builder.sleeper;
    this.random = builder.random;
  }

  /** Three attempts, waits from 500 ms up to 10 s, {@code Retry-After} honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: every failure is reported at once. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts in all, the first one included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The statuses that are retried. */
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  /** The longest {@code Retry-After} the client waits for by itself. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The sleeper the client waits with. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The wait before the attempt after {@code failedAttempt} (1 for the first attempt), at least
   * {@code retryAfter} when the server sent one.
   */
  public Duration delayAfter(int failedAttempt, Duration retryAfter) {
    long ceiling = baseDelay.toMillis();
    for (int i = 1; i < failedAttempt && ceiling < maxDelay.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxDelay.toMillis());
    Duration backoff = Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", retryableStatuses="
        + retryableStatuses
        + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Set<Integer> retryableStatuses = Set.of(408, 429, 502, 503, 504);
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Attempts in all, at least 1 (1 means no retry). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The ceiling of the first wait; it doubles with each attempt up to the maximum. */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = positive(baseDelay, "baseDelay");
      return this;
    }

    /** The largest ceiling of a wait. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /** The longest {@code Retry-After} waited for in process. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** The HTTP statuses to retry (for requests that are safe to repeat). */
    public Builder retryableStatuses(Set<Integer> statuses) {
      this.retryableStatuses = Set.copyOf(statuses);
      return this;
    }

    /** How to wait; tests pass a sleeper that records the waits instead. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The source of jitter, values in {@code [0, 1)}; tests may fix it. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The policy. */
    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("maxDelay must not be shorter than baseDelay");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
