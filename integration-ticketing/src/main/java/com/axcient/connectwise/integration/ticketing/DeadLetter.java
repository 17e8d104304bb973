package com.axcient.connectwise.integration.ticketing;

import java.time.Instant;
import java.util.Objects;

/**
 * Alert work that was given up, for an operator to look at and {@linkplain
 * TicketingEngine#replayDeadLetter replay}.
 *
 * @param id the work item's ID, to replay it
 * @param alertId the product's alert ID
 * @param attempts how many attempts failed
 * @param createdAt when the event was accepted
 * @param reason why it was given up; free of secrets and payloads
 */
public record DeadLetter(long id, String alertId, int attempts, Instant createdAt, String reason) {

  /** Checks that every part is present. */
  public DeadLetter {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(reason, "reason");
  }
}
