package com.axcient.connectwise.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Travels with each request through the interceptors: whether the request may be repeated, and
 * how many times it went on the wire.
 */
public final class RequestTag {

  private final boolean repeatable;
  private final AtomicInteger networkAttempts = new AtomicInteger();
  private volatile String hiddenRetryAfter;

  RequestTag(boolean repeatable) {
    this.repeatable = repeatable;
  }

  /** Whether sending the request twice leaves the same state as sending it once. */
  boolean repeatable() {
    return repeatable;
  }

  /** Counts a network attempt and returns how many there have been. */
  int countNetworkAttempt() {
    return networkAttempts.incrementAndGet();
  }

  /**
   * The {@code Retry-After} removed from the last attempt's 503 or 408 answer so that OkHttp would
   * not re-send the request by itself, or null.
   */
  String hiddenRetryAfter() {
    return hiddenRetryAfter;
  }

  void hideRetryAfter(String value) {
    this.hiddenRetryAfter = value;
  }
}
