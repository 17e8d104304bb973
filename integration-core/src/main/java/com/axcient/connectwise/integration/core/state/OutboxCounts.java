package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many {@link Outbox} items are in each state, for monitoring.
 *
 * @param pending items waiting to be claimed (due or not)
 * @param claimed items held by a worker (including expired leases not yet reclaimed)
 * @param completed items done and not yet purged
 * @param dead dead letters
 * @param oldestPendingSince when the oldest waiting or claimed item was enqueued; a growing age
 *     means work is stuck
 */
public record OutboxCounts(
    long pending, long claimed, long completed, long dead, Optional<Instant> oldestPendingSince) {

  /** Checks that every part is present. */
  public OutboxCounts {
    Objects.requireNonNull(oldestPendingSince, "oldestPendingSince");
  }
}
