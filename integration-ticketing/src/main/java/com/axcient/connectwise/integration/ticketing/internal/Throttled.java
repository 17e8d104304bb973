package com.axcient.connectwise.integration.ticketing.internal;

import java.time.Instant;

/** A request was held back by the site's rate limiter or open circuit; try at {@link #until}. */
final class Throttled extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient Instant until;

  Throttled(Instant until) {
    super("held back until " + until, null, false, false);
    this.until = until;
  }
}
