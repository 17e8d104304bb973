package com.axcient.connectwise.integration.ticketing.internal;

import java.time.Instant;

/** Work that must wait without counting an attempt, such as after losing a race. */
final class Postpone extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient Instant until;

  Postpone(Instant until, String why) {
    super(why, null, false, false);
    this.until = until;
  }
}
