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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /**
   * Creates the poller.
   *
   * @param cx the engine's context
   */
  public ClosePoller(Context cx) {
    this.cx = cx;
  }

  /**
   * Reads the open linked tickets changed since the last complete poll, less the overlap (all of
   * them when the site was never polled), and acknowledges the alerts of those now closed. The
   * start of a complete poll is kept as a checkpoint in the state store, so a restarted process
   * (or another instance on the same database) carries on from it.
   *
   * @return how many alerts were acknowledged
   */
  public int pollOnce() {
    if (!cx.settings().enabled()) {
      return 0;
    }
    Instant started = cx.now();
    if (cx.store.sitePauses().active(cx.site, started).isPresent()) {
      return 0;
    }
    List<TicketLink> open =
        cx.store.ticketLinks().open(cx.site).stream()
            .filter(l -> l.ticketId().isPresent())
            .collect(Collectors.toList());
    String checkpoint = CHECKPOINT_PREFIX + cx.site;
    Optional<Checkpoint> stored = cx.store.checkpoints().get(checkpoint);
    Instant since =
        stored.flatMap(c -> watermark(c.value())).map(w -> w.minus(cx.options.pollOverlap())).orElse(null);
    int acknowledged = 0;
    try {
      for (int from = 0; from < open.size(); from += BATCH) {
        List<TicketLink> batch = open.subList(from, Math.min(open.size(), from + BATCH));
        Map<Long, TicketLink> byTicket = new HashMap<>();
        batch.forEach(l -> byTicket.put(l.ticketId().getAsLong(), l));
        Conditions conditions = Conditions.field("id").in(new ArrayList<>(byTicket.keySet()));
        if (since != null) {
          conditions = conditions.and(Conditions.field("_info/lastUpdated").ge(since));
        }
        Query query = Query.builder().conditions(conditions).pageSize(BATCH).build();
        List<Ticket> tickets =
            cx.call(() -> cx.client().tickets().list(query).collect(Collectors.toList()));
        for (Ticket t : tickets) {
          TicketLink link = byTicket.get(t.id().orElse(-1));
          if (link != null && check(link, t)) {
            acknowledged++;
          }
        }
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
    advance(checkpoint, stored, started);
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
    return check(link.get(), ticket);
  }

  private boolean check(TicketLink link, Ticket ticket) {
    if (!closed(ticket)) {
      return false;
    }
    // The library's own closes never reach here: a clear marks the link closed before it writes
    // the closed status, and the library writes only open statuses to tickets of open links.
    Optional<Instant> lastUpdated = Context.lastUpdated(ticket);
    TicketLink.Builder b =
        link.toBuilder().state(TicketLink.State.ACKNOWLEDGED).closedAt(Optional.of(cx.now()));
    lastUpdated.ifPresent(b::ticketLastUpdated);
    Optional<TicketLink> claimed = cx.store.ticketLinks().update(b.build());
    if (claimed.isEmpty()) {
      return false; // changed meanwhile: by a clear of this library or another instance's poll
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
      return false;
    }
    cx.log()
        .info("Ticket {} was closed in ConnectWise; acknowledged alert {}", ticketId, Texts.forLog(link.alertId()));
    return true;
  }

  private boolean closed(Ticket ticket) {
    if (ticket.closedFlag().orElse(false)) {
      return true;
    }
    Set<Long> closedStatuses;
    try {
      closedStatuses =
          cx.rules().values().stream()
              .flatMap(r -> r.closedStatusIds().stream())
              .collect(Collectors.toSet());
    } catch (RuntimeException e) {
      return false;
    }
    return ticket.status().map(s -> closedStatuses.contains(s.id())).orElse(false);
  }
}
