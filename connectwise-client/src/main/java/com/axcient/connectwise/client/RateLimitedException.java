package com.axcient.connectwise.client;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: ConnectWise asks the caller to slow down. {@link #retryAfter()} is how long it asked
 * to wait, when it said.
 */
public class RateLimitedException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** An error with the given explanation, context and the server's requested wait (nullable). */
  public RateLimitedException(String explanation, ErrorContext context, Duration retryAfter) {
    super(explanation, context);
    this.retryAfter = retryAfter;
  }

  /** How long ConnectWise asked to wait before the next request ({@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
