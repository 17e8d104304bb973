package com.axcient.connectwise.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that moves only when told to, for tests in virtual time: give the same instance to
 * the simulator ({@link ConnectWiseSimulator.Builder#clock}) and to the code under test, then
 * {@link #advance} it instead of sleeping. Thread safe.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));
 * ConnectWiseSimulator cw = ConnectWiseSimulator.builder().clock(clock).build().start();
 * clock.advance(Duration.ofMinutes(30));
 * }</pre>
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if the duration is negative: time never runs backwards
   */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration " + duration + " is negative: the clock only moves forward");
    }
    now = now.plus(duration);
  }

  /**
   * Moves the clock forward to {@code instant}; an instant already passed leaves it where it is.
   */
  public synchronized void advanceTo(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Always UTC. */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: it keeps UTC, so tests that ask for another zone still share one time line. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "MutableClock[" + now + "]";
  }
}
