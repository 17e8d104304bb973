package com.axcient.connectwise.integration.ticketing.internal;

/** Work that cannot succeed by retrying; it becomes a dead letter with this reason. */
final class Dead extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Dead(String reason) {
    super(reason, null, false, false);
  }
}
