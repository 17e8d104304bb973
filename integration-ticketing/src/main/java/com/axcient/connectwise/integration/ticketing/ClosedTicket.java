package com.axcient.connectwise.integration.ticketing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket that was closed in ConnectWise, as handed to the {@link AlertAcknowledger}.
 *
 * @param ticketId the ticket's number
 * @param statusId the ticket's status
 * @param statusName the status's name, such as {@code Completed}
 * @param closedBy the identifier of the member who closed it, when ConnectWise says
 * @param closedAt when it was closed, when ConnectWise says
 */
public record ClosedTicket(
    long ticketId,
    long statusId,
    Optional<String> statusName,
    Optional<String> closedBy,
    Optional<Instant> closedAt) {

  /** Checks that every part is present. */
  public ClosedTicket {
    Objects.requireNonNull(statusName, "statusName");
    Objects.requireNonNull(closedBy, "closedBy");
    Objects.requireNonNull(closedAt, "closedAt");
  }
}
