package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The link between one incident of a product alert and its ConnectWise ticket, as read from the
 * store. Change it with {@link #toBuilder()} and store the change with {@link
 * TicketLinks#update(TicketLink)}.
 *
 * @param site the ConnectWise site
 * @param alertId the product's alert ID
 * @param incident the incident number of this alert, from 1
 * @param correlationKey the key written to the ticket's {@code externalXRef}
 * @param state where the incident is in its life
 * @param ticketId the ticket's ID, once it is known
 * @param boardId the service board of the ticket
 * @param createdAt when the link was claimed
 * @param openedAt when the ticket was created or adopted
 * @param closedAt when the incident was last closed (by a clear or in ConnectWise)
 * @param lastNoteAt when a note was last added to the ticket
 * @param repeatCount how many times the alert repeated during this incident
 * @param pendingNotes repeats not yet written to the ticket as a note (notes are rate-limited)
 * @param reopenCount how many times the ticket was reopened
 * @param ticketLastUpdated the ticket's {@code _info/lastUpdated} when last seen or written, to
 *     tell changes made in ConnectWise from the library's own writes
 * @param updatedAt when the link was last changed
 * @param version changes on every update; {@link TicketLinks#update} checks it
 */
public record TicketLink(
    String site,
    String alertId,
    int incident,
    String correlationKey,
    State state,
    OptionalLong ticketId,
    OptionalLong boardId,
    Instant createdAt,
    Optional<Instant> openedAt,
    Optional<Instant> closedAt,
    Optional<Instant> lastNoteAt,
    int repeatCount,
    int pendingNotes,
    int reopenCount,
    Optional<Instant> ticketLastUpdated,
    Instant updatedAt,
    long version) {

  /** Where an incident is in its life. */
  public enum State {
    /** Claimed; the ticket has not been created yet (or the attempt has not been sent). */
    PENDING_CREATE(false),
    /**
     * A create attempt ended without a clear answer: search ConnectWise by the correlation key
     * before posting again.
     */
    CREATE_UNKNOWN(false),
    /** The ticket exists and is open. */
    OPEN(false),
    /** ConnectWise answered 404 for the ticket (deleted or merged): reconcile by the key. */
    TICKET_MISSING(false),
    /** The alert cleared and the ticket was closed; a raise within the reopen window reopens it. */
    CLOSED(true),
    /** The ticket was closed in ConnectWise and the alert acknowledged in the product. */
    ACKNOWLEDGED(true),
    /** The alert cleared before any ticket was created; none will be. */
    CANCELLED(true),
    /** The ticket is gone and could not be found by its key; the link is kept for history. */
    ORPHANED(true);

    private final boolean finished;

    State(boolean finished) {
      this.finished = finished;
    }

    /**
     * Whether the incident is over: a new raise reopens it or starts a new incident.
     *
     * @return {@code true} for closed, acknowledged, cancelled and orphaned incidents
     */
    public boolean isFinished() {
      return finished;
    }
  }

  /** Checks that every part is present. */
  public TicketLink {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(correlationKey, "correlationKey");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(boardId, "boardId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(lastNoteAt, "lastNoteAt");
    Objects.requireNonNull(ticketLastUpdated, "ticketLastUpdated");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A builder holding this link, to change the fields that may change. The identity (site, alert,
   * incident, correlation key), the creation time and the version stay as read.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes to a {@link TicketLink}; {@link #build()} gives the changed copy to store. */
  public static final class Builder {
    private final TicketLink base;
    private State state;
    private OptionalLong ticketId;
    private OptionalLong boardId;
    private Optional<Instant> openedAt;
    private Optional<Instant> closedAt;
    private Optional<Instant> lastNoteAt;
    private int repeatCount;
    private int pendingNotes;
    private int reopenCount;
    private Optional<Instant> ticketLastUpdated;

    private Builder(TicketLink base) {
      this.base = base;
      this.state = base.state;
      this.ticketId = base.ticketId;
      this.boardId = base.boardId;
      this.openedAt = base.openedAt;
      this.closedAt = base.closedAt;
      this.lastNoteAt = base.lastNoteAt;
      this.repeatCount = base.repeatCount;
      this.pendingNotes = base.pendingNotes;
      this.reopenCount = base.reopenCount;
      this.ticketLastUpdated = base.ticketLastUpdated;
    }

    /**
     * Sets the state.
     *
     * @param state the new state
     * @return this builder
     */
    public Builder state(State state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * Sets the ticket's ID.
     *
     * @param ticketId the ID ConnectWise gave the ticket
     * @return this builder
     */
    public Builder ticketId(long ticketId) {
      this.ticketId = OptionalLong.of(ticketId);
      return this;
    }

    /**
     * Forgets the ticket's ID, such as when the ticket is gone and will be created again.
     *
     * @return this builder
     */
    public Builder clearTicketId() {
      this.ticketId = OptionalLong.empty();
      return this;
    }

    /**
     * Sets the ticket's service board.
     *
     * @param boardId the board's ID
     * @return this builder
     */
    public Builder boardId(long boardId) {
      this.boardId = OptionalLong.of(boardId);
      return this;
    }

    /**
     * Sets when the ticket was created or adopted.
     *
     * @param openedAt the time
     * @return this builder
     */
    public Builder openedAt(Instant openedAt) {
      this.openedAt = Optional.of(openedAt);
      return this;
    }

    /**
     * Sets when the incident was closed.
     *
     * @param closedAt the time, or empty when it is open again
     * @return this builder
     */
    public Builder closedAt(Optional<Instant> closedAt) {
      this.closedAt = Objects.requireNonNull(closedAt, "closedAt");
      return this;
    }

    /**
     * Sets when a note was last added.
     *
     * @param lastNoteAt the time
     * @return this builder
     */
    public Builder lastNoteAt(Instant lastNoteAt) {
      this.lastNoteAt = Optional.of(lastNoteAt);
      return this;
    }

    /**
     * Sets how many times the alert repeated.
     *
     * @param repeatCount the count, 0 or more
     * @return this builder
     */
    public Builder repeatCount(int repeatCount) {
      this.repeatCount = nonNegative(repeatCount, "repeatCount");
      return this;
    }

    /**
     * Sets how many repeats wait to be written as a note.
     *
     * @param pendingNotes the count, 0 or more
     * @return this builder
     */
    public Builder pendingNotes(int pendingNotes) {
      this.pendingNotes = nonNegative(pendingNotes, "pendingNotes");
      return this;
    }

    /**
     * Sets how many times the ticket was reopened.
     *
     * @param reopenCount the count, 0 or more
     * @return this builder
     */
    public Builder reopenCount(int reopenCount) {
      this.reopenCount = nonNegative(reopenCount, "reopenCount");
      return this;
    }

    /**
     * Sets the ticket's {@code _info/lastUpdated} as last seen or written.
     *
     * @param ticketLastUpdated the time ConnectWise reported
     * @return this builder
     */
    public Builder ticketLastUpdated(Instant ticketLastUpdated) {
      this.ticketLastUpdated = Optional.of(ticketLastUpdated);
      return this;
    }

    /**
     * The changed link, still carrying the version it was read with.
     *
     * @return the link to pass to {@link TicketLinks#update(TicketLink)}
     */
    public TicketLink build() {
      return new TicketLink(
          base.site,
          base.alertId,
          base.incident,
          base.correlationKey,
          state,
          ticketId,
          boardId,
          base.createdAt,
          openedAt,
          closedAt,
          lastNoteAt,
          repeatCount,
          pendingNotes,
          reopenCount,
          ticketLastUpdated,
          base.updatedAt,
          base.version);
    }

    private static int nonNegative(int value, String field) {
      if (value < 0) {
        throw new IllegalArgumentException(field + " must be 0 or more, was " + value);
      }
      return value;
    }
  }
}
