package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.client.AuthenticationException;
import com.axcient.connectwise.client.CallbackPayload;
import com.axcient.connectwise.client.Conditions;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.integration.core.state.Checkpoint;
import com.axcient.connectwise.integration.core.state.TicketLink;
import com.axcient.connectwise.integration.ticketing.ClosedTicket;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The other direction: finds linked tickets closed in ConnectWise and acknowledges their alerts,
 * by polling changed tickets or on a verified callback.
 */
public final class ClosePoller {

  private static final int BATCH = 200;

  /** Prefix of the checkpoint that keeps a site's watermark across restarts. */
  static final String CHECKPOINT_PREFIX = "ticketing-poll|";

  private final Context cx;

  /** The pass under way, when a poll stopped before it read every batch; guarded by this. */
  private Pass pass;

  /**
   * Creates the poller.
   *
   * @param cx the engine's context
   */
  public ClosePoller(Context cx) {
    this.cx = cx;
  }

  /** How a check of one ticket ended. */
  private enum Outcome {
    ACKNOWLEDGED,
    NOT_CLOSED,
    /** Closed, or maybe closed, but not acknowledged: a later poll must see the ticket again. */
    FAILED
  }

  /**
   * One pass over every open link, in ticket ID order, which may take several polls when the rate
   * limiter holds requests back. Kept in memory only: after a restart a pass starts over.
   */
  private static final class Pass {
    final Instant started;
    final Optional<Checkpoint> stored;
    final Instant since;
    /** The highest ticket ID already read in this pass. */
    long after = Long.MIN_VALUE;
    /** The watermark may not pass this: the earliest change of a ticket not acknowledged. */
    Instant hold;
    /** A ticket not acknowledged had no readable change time: keep the old watermark. */
    boolean keep;

    Pass(Instant started, Optional<Checkpoint> stored, Instant since) {
      this.started = started;
      this.stored = stored;
      this.since = since;
    }

    void failed(Optional<Instant> lastUpdated) {
      if (lastUpdated.isEmpty()) {
        keep = true;
      } else if (hold == null || lastUpdated.get().isBefore(hold)) {
        hold = lastUpdated.get();
      }
    }
  }

  /**
   * Reads the open linked tickets changed since the last complete pass, less the overlap (all of
   * them when the site was never polled), and acknowledges the alerts of those now closed. Links
   * the library changed since then (a ticket adopted, a failed acknowledgement undone) are read
   * whatever their ticket's change time. When the rate limiter stops a poll, the next poll goes
   * on with the links not read yet. The start of a complete pass is kept as a checkpoint in the
   * state store, so a restarted process (or another instance on the same database) carries on
   * from it; it stays before any close that could not be acknowledged, so later polls see that
   * ticket again.
   *
   * @return how many alerts were acknowledged
   */
  public synchronized int pollOnce() {
    if (!cx.settings().enabled()) {
      return 0;
    }
    Instant now = cx.now();
    if (cx.store.sitePauses().active(cx.site, now).isPresent()) {
      return 0;
    }
    String checkpoint = CHECKPOINT_PREFIX + cx.site;
    if (pass == null) {
      Optional<Checkpoint> stored = cx.store.checkpoints().get(checkpoint);
      Instant since =
          stored
              .flatMap(c -> watermark(c.value()))
              .map(w -> w.minus(cx.options.pollOverlap()))
              .orElse(null);
      pass = new Pass(now, stored, since);
    }
    Pass p = pass;
    // Ticket ID order, so a pass can go on where it stopped although the links changed meanwhile.
    // A link opened since with a lower ID changed after the pass started: the next pass reads it.
    TreeMap<Long, TicketLink> open = new TreeMap<>();
    for (TicketLink l : cx.store.ticketLinks().open(cx.site)) {
      if (l.ticketId().isPresent() && l.ticketId().getAsLong() > p.after) {
        open.put(l.ticketId().getAsLong(), l);
      }
    }
    int acknowledged = 0;
    try {
      while (!open.isEmpty()) {
        Map<Long, TicketLink> byTicket = new HashMap<>();
        List<Long> changedLinks = new ArrayList<>();
        while (byTicket.size() < BATCH && !open.isEmpty()) {
          Map.Entry<Long, TicketLink> e = open.pollFirstEntry();
          byTicket.put(e.getKey(), e.getValue());
          if (p.since != null && !e.getValue().updatedAt().isBefore(p.since)) {
            changedLinks.add(e.getKey());
          }
        }
        Conditions conditions = Conditions.field("id").in(new ArrayList<>(byTicket.keySet()));
        if (p.since != null) {
          Conditions recent = Conditions.field("_info/lastUpdated").ge(p.since);
          if (!changedLinks.isEmpty()) {
            // Adopted tickets may have been closed before the link was open: read them anyway.
            recent = recent.or(Conditions.field("id").in(changedLinks));
          }
          conditions = conditions.and(recent);
        }
        Query query = Query.builder().conditions(conditions).pageSize(BATCH).build();
        List<Ticket> tickets =
            cx.call(() -> cx.client().tickets().list(query).collect(Collectors.toList()));
        for (Ticket t : tickets) {
          TicketLink link = byTicket.get(t.id().orElse(-1));
          if (link == null) {
            continue;
          }
          Outcome outcome = check(link, t);
          if (outcome == Outcome.ACKNOWLEDGED) {
            acknowledged++;
          } else if (outcome == Outcome.FAILED) {
            p.failed(Context.lastUpdated(t));
          }
        }
        p.after = Collections.max(byTicket.keySet());
      }
    } catch (Throttled t) {
      return acknowledged;
    } catch (AuthenticationException | PermissionException e) {
      cx.pause(e);
      return acknowledged;
    } catch (ConnectWiseException e) {
      cx.error("polling: " + Context.describe(e));
      cx.log().warn("Polling ConnectWise for closed tickets failed: {}", Context.describe(e));
      return acknowledged;
    }
    pass = null;
    if (!p.keep) {
      advance(checkpoint, p.stored, p.hold != null && p.hold.isBefore(p.started) ? p.hold : p.started);
    }
    return acknowledged;
  }

  /**
   * Stores the new watermark unless another instance stored a later one meanwhile; the watermark
   * never moves back.
   */
  private void advance(String checkpoint, Optional<Checkpoint> read, Instant started) {
    Optional<Checkpoint> current = read;
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Instant> stored = current.flatMap(c -> watermark(c.value()));
      if (stored.isPresent() && !stored.get().isBefore(started)) {
        return;
      }
      if (cx.store
          .checkpoints()
          .compareAndSet(
              checkpoint, current.map(Checkpoint::value), started.toString(), cx.now())) {
        return;
      }
      current = cx.store.checkpoints().get(checkpoint);
    }
  }

  private static Optional<Instant> watermark(String value) {
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      // Not written by this library: poll everything once and store a valid watermark.
      return Optional.empty();
    }
  }

  /**
   * Handles a verified callback as a hint: re-reads the ticket it names and acknowledges its alert
   * if the ticket is closed.
   *
   * @param payload the verified payload
   * @return whether an alert was acknowledged
   */
  public boolean onCallback(CallbackPayload payload) {
    if (!payload.type().map("ticket"::equalsIgnoreCase).orElse(false)
        || payload.recordId().isEmpty()) {
      return false;
    }
    long ticketId = payload.recordId().getAsLong();
    Optional<TicketLink> link = cx.store.ticketLinks().byTicketId(cx.site, ticketId);
    if (link.isEmpty() || link.get().state() != TicketLink.State.OPEN) {
      return false;
    }
    Ticket ticket;
    try {
      ticket = cx.call(() -> cx.client().tickets().get(ticketId));
    } catch (NotFoundException gone) {
      return false;
    }
    return check(link.get(), ticket) == Outcome.ACKNOWLEDGED;
  }

  private Outcome check(TicketLink link, Ticket ticket) {
    Optional<Boolean> isClosed = closed(ticket);
    if (isClosed.isEmpty()) {
      return Outcome.FAILED;
    }
    if (!isClosed.get()) {
      return Outcome.NOT_CLOSED;
    }
    // The library's own closes never reach here: a clear marks the link closed before it writes
    // the closed status, and the library writes only open statuses to tickets of open links.
    Optional<Instant> lastUpdated = Context.lastUpdated(ticket);
    TicketLink.Builder b =
        link.toBuilder().state(TicketLink.State.ACKNOWLEDGED).closedAt(Optional.of(cx.now()));
    lastUpdated.ifPresent(b::ticketLastUpdated);
    Optional<TicketLink> claimed = cx.store.ticketLinks().update(b.build());
    if (claimed.isEmpty()) {
      // Changed meanwhile: by a clear of this library, another instance's poll, or a repeat. Only
      // in the last case is the close still to acknowledge; holding the watermark costs little.
      return Outcome.FAILED;
    }
    long ticketId = ticket.id().orElseThrow();
    ClosedTicket closed =
        new ClosedTicket(
            ticketId,
            ticket.status().map(Reference::id).orElse(0L),
            ticket.status().flatMap(Reference::name),
            ticket.closedBy(),
            ticket.closedDate());
    try {
      cx.acknowledger.acknowledge(link.alertId(), closed);
    } catch (RuntimeException e) {
      cx.store
          .ticketLinks()
          .update(claimed.get().toBuilder().state(TicketLink.State.OPEN).closedAt(Optional.empty()).build());
      cx.error("the product's acknowledger failed for ticket " + ticketId);
      cx.log().warn("Acknowledging alert {} failed; the next poll tries again", Texts.forLog(link.alertId()), e);
      return Outcome.FAILED;
    }
    cx.log()
        .info("Ticket {} was closed in ConnectWise; acknowledged alert {}", ticketId, Texts.forLog(link.alertId()));
    return Outcome.ACKNOWLEDGED;
  }

  /** Whether the ticket is closed; empty when the rules' closed statuses cannot be read now. */
  private Optional<Boolean> closed(Ticket ticket) {
    if (ticket.closedFlag().orElse(false)) {
      return Optional.of(true);
    }
    Set<Long> closedStatuses;
    try {
      closedStatuses =
          cx.rules().values().stream()
              .flatMap(r -> r.closedStatusIds().stream())
              .collect(Collectors.toSet());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(ticket.status().map(s -> closedStatuses.contains(s.id())).orElse(false));
  }
}
