package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.client.AuthenticationException;
import com.axcient.connectwise.client.Conditions;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.PatchOperation;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.RateLimitedException;
import com.axcient.connectwise.client.ValidationException;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.client.model.TicketNote;
import com.axcient.connectwise.integration.core.state.NewOutboxItem;
import com.axcient.connectwise.integration.core.state.NewTicketLink;
import com.axcient.connectwise.integration.core.state.OutboxFilter;
import com.axcient.connectwise.integration.core.state.OutboxItem;
import com.axcient.connectwise.integration.core.state.StateStoreException;
import com.axcient.connectwise.integration.core.state.TicketLink;
import com.axcient.connectwise.integration.core.state.TicketLink.State;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.InvalidRulesException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The outbox worker: claims alert events and makes ConnectWise match them, following the
 * idempotent creation flow (claim the link, mark the attempt, post with the correlation key, search
 * by the key after any unclear outcome).
 */
public final class AlertWorker {

  /** The outbox kind of an accepted alert event. */
  public static final String KIND_EVENT = "alert-event";

  /** The outbox kind of a delayed ticket opening (flap suppression). */
  public static final String KIND_OPEN = "alert-open";

  /** Suffix of the partition of delayed openings, so they do not hold back the alert's events. */
  public static final String OPEN_PARTITION_SUFFIX = "#open";

  private static final Duration SOON = Duration.ZERO;

  private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
  private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);

  private final Context cx;
  private final Companies companies;
  private final String owner;

  /**
   * Creates the worker.
   *
   * @param cx the engine's context
   */
  public AlertWorker(Context cx) {
    this.cx = cx;
    this.companies = new Companies(cx);
    this.owner = cx.options.instanceId() + "/ticketing";
  }

  /**
   * Claims one batch of due events and handles them.
   *
   * @return how many events were claimed
   */
  public int runOnce() {
    if (!cx.settings().enabled()) {
      return 0;
    }
    Instant now = cx.now();
    if (cx.store.sitePauses().active(cx.site, now).isPresent()) {
      return 0;
    }
    // Several engines (one per site) and billing may share one store: claim only our own work.
    List<OutboxItem> items =
        cx.store
            .outbox()
            .claim(
                owner,
                cx.options.lease(),
                cx.options.batchSize(),
                now,
                OutboxFilter.site(cx.site).withKinds(KIND_EVENT, KIND_OPEN));
    for (OutboxItem claimed : items) {
      // The batch's items are handled one after another: renew each claim first, so an item is
      // never worked on after its lease ran out and another instance took the alert over.
      Optional<OutboxItem> held =
          cx.store.outbox().extendLease(claimed, plus(cx.now(), cx.options.lease()));
      if (held.isEmpty()) {
        cx.log()
            .info(
                "Alert {} (work item {}) was taken over after this worker's lease ran out; left"
                    + " to the new owner",
                alertId(claimed),
                claimed.id());
        continue;
      }
      OutboxItem item = held.get();
      if (cx.store.sitePauses().active(cx.site, cx.now()).isPresent()) {
        cx.store.outbox().postpone(item, plus(cx.now(), cx.options.retryDelays().get(0)));
      } else {
        handle(item);
      }
    }
    return items.size();
  }

  /** How handling an item ended, for the retry budget. */
  private enum Outcome {
    /** The work is done. */
    DONE,
    /** The work waits without a failed attempt (held back, paused, postponed). */
    WAITED,
    /** The attempt failed: retried later or given up. */
    FAILED
  }

  private void handle(OutboxItem item) {
    Instant now = cx.now();
    // A fresh or replayed item (no failed attempt) always gets its attempt.
    if (item.attempts() > 0 && pastMaxAge(item, now)) {
      deadLetter(item, "gave up after " + cx.options.maxAge() + ": " + item.lastError().orElse(""));
      return;
    }
    boolean retry = item.attempts() > 0;
    if (retry) {
      Optional<Instant> budget = cx.guard.takeRetry(now);
      if (budget.isPresent()) {
        // The site's retry budget is spent: the retry waits rather than adding to a storm.
        cx.log().debug("Alert {} (work item {}) waits for the retry budget until {}",
            alertId(item), item.id(), budget.get());
        cx.store.outbox().postpone(item, budget.get());
        return;
      }
    }
    Outcome outcome = process(item, now);
    if (retry && outcome != Outcome.FAILED) {
      cx.guard.returnRetry(cx.now());
    } else if (!retry && outcome == Outcome.DONE) {
      cx.guard.onFirstAttemptSucceeded(cx.now());
    }
  }

  private Outcome process(OutboxItem item, Instant now) {
    try {
      if (!item.site().equals(cx.site)) {
        throw new Dead("the work is for another ConnectWise site");
      }
      AlertEvent event = EventCodec.decode(item.payloadJson());
      if (KIND_OPEN.equals(item.kind())) {
        openDelayed(event, EventCodec.incident(item.payloadJson()));
      } else if (KIND_EVENT.equals(item.kind())) {
        onEvent(item, event);
      } else {
        throw new Dead("unknown kind of work: " + item.kind());
      }
      cx.store.outbox().complete(item);
      return Outcome.DONE;
    } catch (Throttled t) {
      cx.store.outbox().postpone(item, t.until);
    } catch (Postpone p) {
      cx.store.outbox().postpone(item, p.until);
    } catch (Dead d) {
      deadLetter(item, d.getMessage());
      return Outcome.FAILED;
    } catch (IllegalArgumentException e) {
      deadLetter(item, e.getMessage());
      return Outcome.FAILED;
    } catch (InvalidRulesException e) {
      cx.error(e.getMessage());
      cx.log().warn("Ticketing rules no longer fit ConnectWise: {}", e.getMessage());
      cx.store.outbox().postpone(item, plus(now, cx.options.retryDelays().get(0)));
    } catch (AuthenticationException | PermissionException e) {
      cx.pause(e);
      cx.store.outbox().postpone(item, plus(now, cx.options.retryDelays().get(0)));
    } catch (ValidationException e) {
      deadLetter(item, "ConnectWise rejected the request: " + Context.describe(e));
      return Outcome.FAILED;
    } catch (RateLimitedException e) {
      Duration wait = e.retryAfter().orElse(Duration.ofSeconds(5));
      cx.error(Context.describe(e));
      cx.store.outbox().postpone(item, plus(now, wait));
    } catch (ConnectWiseException e) {
      retry(item, Context.describe(e));
      return Outcome.FAILED;
    } catch (StateStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      cx.log()
          .error("Unexpected failure handling alert {} (work item {})", alertId(item), item.id(), e);
      retry(item, "unexpected " + e.getClass().getSimpleName());
      return Outcome.FAILED;
    }
    return Outcome.WAITED;
  }

  private void retry(OutboxItem item, String reason) {
    Instant now = cx.now();
    List<Duration> delays = cx.options.retryDelays();
    Instant next = plus(now, delays.get(Math.min(item.attempts(), delays.size() - 1)));
    cx.error(reason);
    if (pastMaxAge(item, next)) {
      deadLetter(item, "gave up after " + cx.options.maxAge() + ": " + reason);
      return;
    }
    cx.log()
        .info(
            "Alert {} (work item {}) will be tried again at {}: {}",
            alertId(item),
            item.id(),
            next,
            reason);
    cx.store.outbox().retryLater(item, next, reason);
  }

  /** Whether an item is too old to try again; a replayed item's age counts from its replay. */
  private boolean pastMaxAge(OutboxItem item, Instant at) {
    return at.isAfter(plus(item.ageStart(), cx.options.maxAge()));
  }

  private void deadLetter(OutboxItem item, String reason) {
    cx.error(reason);
    cx.log().warn("Alert {} (work item {}) is a dead letter: {}", alertId(item), item.id(), reason);
    cx.store.outbox().deadLetter(item, reason);
  }

  private static String alertId(OutboxItem item) {
    String key = item.partitionKey();
    String id =
        key.endsWith(OPEN_PARTITION_SUFFIX)
            ? key.substring(0, key.length() - OPEN_PARTITION_SUFFIX.length())
            : key;
    return Texts.forLog(id);
  }

  // ---------------------------------------------------------------- events

  private void onEvent(OutboxItem item, AlertEvent e) {
    Optional<TicketLink> current = cx.store.ticketLinks().current(cx.site, e.alertId());
    switch (e.state()) {
      case RAISED:
      case REPEATED:
        onRaise(item, e, current);
        break;
      case CLEARED:
        current.ifPresent(link -> onClear(item, e, link));
        break;
      default:
        throw new Dead("unknown alert state " + e.state());
    }
  }

  private void onRaise(OutboxItem item, AlertEvent e, Optional<TicketLink> current) {
    if (current.isPresent() && replayedOutOfOrder(item, e, current.get())) {
      cx.log()
          .info(
              "Alert {}: the replayed {} event of {} is older than incident {} ({}); ignored",
              Texts.forLog(e.alertId()),
              e.state(),
              e.time(),
              current.get().incident(),
              current.get().state());
      return;
    }
    if (current.isPresent() && !current.get().state().isFinished()) {
      TicketLink link = current.get();
      switch (link.state()) {
        case OPEN:
          repeat(item, e, link);
          return;
        case TICKET_MISSING:
          missing(link, true);
          return;
        case PENDING_CREATE:
        case CREATE_UNKNOWN:
          Optional<ResolvedRule> pending = cx.rule(e.eventClass());
          if (pending.isPresent() && !dueToOpen(e, pending.get())) {
            save(link.toBuilder().repeatCount(link.repeatCount() + 1));
          } else {
            openIfEnabled(e, pending, link);
          }
          return;
        default:
          throw new Dead("unexpected link state " + link.state());
      }
    }
    Optional<ResolvedRule> rule = cx.rule(e.eventClass());
    if (rule.isEmpty() || !rule.get().rule().enabled()) {
      cx.log()
          .debug("Alert {} of class {} opens no ticket: no enabled rule", Texts.forLog(e.alertId()), e.eventClass());
      return;
    }
    if (current.isPresent() && mayReopen(current.get(), rule.get())) {
      reopen(item, e, rule.get(), current.get());
      return;
    }
    int incident = current.map(l -> l.incident() + 1).orElse(1);
    NewTicketLink claim =
        NewTicketLink.of(cx.options.installId(), cx.site, e.alertId(), incident)
            .withBoardId(rule.get().boardId());
    Optional<TicketLink> claimed = cx.store.ticketLinks().claimNew(claim);
    if (claimed.isEmpty()) {
      throw new Postpone(cx.now().plus(SOON), "another worker claimed the incident");
    }
    if (dueToOpen(e, rule.get())) {
      open(e, rule.get(), claimed.get());
    } else {
      Instant at = plus(e.time(), rule.get().rule().openDelay());
      cx.store
          .outbox()
          .enqueueAll(
              List.of(
                  new NewOutboxItem(
                      cx.site,
                      e.alertId() + OPEN_PARTITION_SUFFIX,
                      KIND_OPEN,
                      EventCodec.encodeOpening(e, claimed.get().incident()),
                      Optional.of(at))));
      cx.log().info("Alert {} opens a ticket at {} unless it clears", Texts.forLog(e.alertId()), at);
    }
  }

  /**
   * Whether a replayed dead letter was overtaken by the alert's later events: it happened before
   * the current incident began, or before that incident ended. Handled now it would open or
   * reopen a ticket for an alert that has cleared since.
   */
  private static boolean replayedOutOfOrder(OutboxItem item, AlertEvent e, TicketLink link) {
    if (item.replayedAt().isEmpty()) {
      return false;
    }
    boolean beforeStart = e.time().isBefore(link.createdAt());
    boolean beforeEnd =
        link.state().isFinished()
            && link.closedAt().map(closed -> e.time().isBefore(closed)).orElse(false);
    return beforeStart || beforeEnd;
  }

  private boolean dueToOpen(AlertEvent e, ResolvedRule rule) {
    return !cx.now().isBefore(plus(e.time(), rule.rule().openDelay()));
  }

  private boolean mayReopen(TicketLink link, ResolvedRule rule) {
    Duration window = rule.rule().reopenWindow();
    return (link.state() == State.CLOSED || link.state() == State.ACKNOWLEDGED)
        && link.ticketId().isPresent()
        && link.closedAt().isPresent()
        && !window.isZero()
        && !cx.now().isAfter(plus(link.closedAt().get(), window));
  }

  /**
   * Opens the incident's ticket now that its opening is due, unless the rule of the event class
   * was disabled or removed meanwhile: then the incident is cancelled, so a later raise under an
   * enabled rule starts a new one.
   */
  private void openIfEnabled(AlertEvent e, Optional<ResolvedRule> rule, TicketLink link) {
    if (rule.isPresent() && rule.get().rule().enabled()) {
      open(e, rule.get(), link);
      return;
    }
    if (link.state() == State.CREATE_UNKNOWN) {
      // An earlier attempt may have created the ticket: keep it rather than lose track of it.
      Optional<Ticket> existing = searchByKey(link);
      if (existing.isPresent()) {
        adopt(link, existing.get());
        return;
      }
    }
    save(link.toBuilder().state(State.CANCELLED).closedAt(Optional.of(cx.now())));
    cx.log()
        .info(
            "Alert {} opens no ticket: the rule of event class {} was {} before the opening was due",
            Texts.forLog(e.alertId()),
            e.eventClass(),
            rule.isPresent() ? "disabled" : "removed");
  }

  /**
   * A delayed opening came due: open the ticket unless the alert cleared meanwhile. An opening
   * of an incident that ended does nothing: a later incident has an opening of its own, due a
   * full delay after its raise.
   */
  private void openDelayed(AlertEvent e, OptionalInt incident) {
    Optional<TicketLink> current = cx.store.ticketLinks().current(cx.site, e.alertId());
    if (current.isEmpty()
        || (incident.isPresent() && incident.getAsInt() != current.get().incident())) {
      return;
    }
    TicketLink link = current.get();
    if (link.state() == State.PENDING_CREATE || link.state() == State.CREATE_UNKNOWN) {
      openIfEnabled(e, cx.rule(e.eventClass()), link);
    }
  }

  // ---------------------------------------------------------------- create

  private void open(AlertEvent e, ResolvedRule rule, TicketLink link) {
    TicketLink current = link;
    if (link.state() == State.CREATE_UNKNOWN) {
      Optional<Ticket> existing = searchByKey(link);
      if (existing.isPresent()) {
        adopt(link, existing.get());
        return;
      }
      // The search settled it: nothing was created, so a held-back POST needs no new search.
      current = save(link.toBuilder().state(State.PENDING_CREATE));
    }
    long companyId = companies.resolve(e, rule, cx.settings());
    Ticket ticket = newTicket(e, rule, companyId, current.correlationKey());
    // Marked before the POST: whoever sees this state searches by the key before posting again.
    TicketLink attempt = save(current.toBuilder().state(State.CREATE_UNKNOWN));
    Ticket created;
    try {
      created = cx.call(() -> cx.client().tickets().create(ticket));
    } catch (ValidationException | RateLimitedException | Throttled unsent) {
      // Unambiguous: the POST was refused or never sent, so nothing was created.
      save(attempt.toBuilder().state(State.PENDING_CREATE));
      throw unsent;
    }
    long ticketId =
        created.id().orElseThrow(() -> new IllegalStateException("ConnectWise returned no ticket id"));
    TicketLink.Builder open =
        attempt.toBuilder()
            .state(State.OPEN)
            .ticketId(ticketId)
            .boardId(rule.boardId())
            .openedAt(cx.now());
    Context.lastUpdated(created).ifPresent(open::ticketLastUpdated);
    if (cx.store.ticketLinks().update(open.build()).isEmpty()) {
      // Someone took the incident over meanwhile; they will find this ticket by its key.
      throw new Postpone(cx.now(), "the link changed while the ticket was created");
    }
    cx.log().info("Opened ticket {} for alert {}", ticketId, Texts.forLog(e.alertId()));
  }

  private Ticket newTicket(AlertEvent e, ResolvedRule r, long companyId, String key) {
    Ticket.Builder b =
        Ticket.builder()
            .summary(Texts.summary(Texts.fill(r.rule().summaryTemplate(), e)))
            .board(Reference.of(r.boardId()))
            .status(Reference.of(r.newStatusId()))
            .company(Reference.of(companyId))
            .externalXRef(key)
            .initialDescription(Texts.fill(r.rule().descriptionTemplate(), e));
    r.teamId().ifPresent(id -> b.team(Reference.of(id)));
    r.rule().priorityId().ifPresent(id -> b.priority(Reference.of(id)));
    r.rule().typeId().ifPresent(id -> b.type(Reference.of(id)));
    r.rule().subTypeId().ifPresent(id -> b.subType(Reference.of(id)));
    r.rule().itemId().ifPresent(id -> b.item(Reference.of(id)));
    return b.build();
  }

  private Optional<Ticket> searchByKey(TicketLink link) {
    List<Ticket> found =
        cx.call(
            () ->
                cx.client()
                    .tickets()
                    .list(
                        Query.builder()
                            .conditions(Conditions.field("externalXRef").eq(link.correlationKey()))
                            .pageSize(10)
                            .build())
                    .sorted(Comparator.comparingLong(t -> t.id().orElse(Long.MAX_VALUE)))
                    .collect(Collectors.toList()));
    if (found.size() > 1) {
      closeDuplicates(found.get(0), found.subList(1, found.size()));
    }
    return found.stream().findFirst();
  }

  private void closeDuplicates(Ticket kept, List<Ticket> duplicates) {
    long keptId = kept.id().orElse(0);
    Optional<Long> closedStatus =
        cx.rules().values().stream()
            .filter(r -> kept.board().map(Reference::id).orElse(-1L) == r.boardId())
            .map(ResolvedRule::closedStatusId)
            .findFirst();
    for (Ticket dup : duplicates) {
      long id = dup.id().orElse(0);
      cx.log().error("Ticket {} duplicates ticket {} (same correlation key); closing it", id, keptId);
      cx.run(
          () ->
              cx.client()
                  .ticketNotes(id)
                  .create(
                      TicketNote.builder()
                          .text("Duplicate of ticket #" + keptId + "; closed by the integration.")
                          .internalAnalysisFlag(true)
                          .build()));
      closedStatus.ifPresent(
          s ->
              cx.run(
                  () ->
                      cx.client()
                          .tickets()
                          .patch(id, PatchOperation.replace("status", Reference.of(s)))));
    }
  }

  private void adopt(TicketLink link, Ticket ticket) {
    long id = ticket.id().orElseThrow();
    TicketLink.Builder b =
        link.toBuilder().state(State.OPEN).ticketId(id).openedAt(cx.now());
    ticket.board().ifPresent(board -> b.boardId(board.id()));
    Context.lastUpdated(ticket).ifPresent(b::ticketLastUpdated);
    save(b);
    cx.log().info("Adopted ticket {} for alert {} found by its correlation key", id, Texts.forLog(link.alertId()));
  }

  // ---------------------------------------------------------------- repeat, clear, reopen

  private void repeat(OutboxItem item, AlertEvent e, TicketLink link) {
    Optional<ResolvedRule> rule = cx.rule(e.eventClass());
    Duration interval = rule.map(r -> r.rule().noteInterval()).orElse(Duration.ofHours(1));
    int count = link.repeatCount() + 1;
    int pending = link.pendingNotes() + 1;
    Instant now = cx.now();
    boolean due = link.lastNoteAt().map(t -> !now.isBefore(plus(t, interval))).orElse(true);
    if (!due) {
      save(link.toBuilder().repeatCount(count).pendingNotes(pending));
      return;
    }
    long ticketId = link.ticketId().orElseThrow();
    String text =
        "The alert occurred again"
            + (pending > 1 ? " " + pending + " times" : "")
            + " (" + count + " repeats so far). Latest at " + e.time() + ":\n" + e.message();
    try {
      postNote(item, ticketId, text, false);
    } catch (NotFoundException gone) {
      missing(link, true);
      return;
    }
    save(link.toBuilder().repeatCount(count).pendingNotes(0).lastNoteAt(now));
  }

  private void onClear(OutboxItem item, AlertEvent e, TicketLink link) {
    Instant now = cx.now();
    switch (link.state()) {
      case PENDING_CREATE:
        save(link.toBuilder().state(State.CANCELLED).closedAt(Optional.of(now)));
        cx.log().info("Alert {} cleared before its ticket was opened; none will be", Texts.forLog(e.alertId()));
        return;
      case CREATE_UNKNOWN:
        if (now.isBefore(plus(link.updatedAt(), cx.options.lease()))) {
          // A create may be in flight on another worker; let it finish first.
          throw new Postpone(plus(link.updatedAt(), cx.options.lease()), "create in flight");
        }
        Optional<Ticket> found = searchByKey(link);
        if (found.isEmpty()) {
          save(link.toBuilder().state(State.CANCELLED).closedAt(Optional.of(now)));
          return;
        }
        adopt(link, found.get());
        throw new Postpone(now, "adopted the ticket; close it next");
      case OPEN:
        close(item, e, link);
        return;
      case TICKET_MISSING:
        missing(link, false);
        return;
      case CLOSED:
        // Closed by this clear before a failure: closing again is harmless (absolute write). A
        // clear handled for the first time is a duplicate of the one that closed the link (the
        // alert's events are handled in order), so it writes nothing.
        if (handledBefore(item)
            && link.closedAt().map(t -> !t.isBefore(item.createdAt())).orElse(false)) {
          writeClose(item, e, link, cx.rule(e.eventClass()));
        } else {
          cx.log().debug("Alert {} is already closed; the repeated clear changes nothing",
              Texts.forLog(e.alertId()));
        }
        return;
      default:
        return;
    }
  }

  /** Whether an earlier attempt at the item failed, was put off or was dead-lettered. */
  private static boolean handledBefore(OutboxItem item) {
    return item.attempts() > 0
        || item.replayedAt().isPresent()
        || item.notBefore().isAfter(item.createdAt());
  }

  private void close(OutboxItem item, AlertEvent e, TicketLink link) {
    Optional<ResolvedRule> rule = cx.rule(e.eventClass());
    long ticketId = link.ticketId().orElseThrow();
    if (rule.isPresent() && !rule.get().rule().closeOnClear()) {
      try {
        postNote(item, ticketId, "The alert cleared at " + e.time() + ".", false);
      } catch (NotFoundException gone) {
        missing(link, false);
      }
      return;
    }
    // Recorded before the write, so a poll never mistakes this close for one made in ConnectWise.
    TicketLink closed = save(link.toBuilder().state(State.CLOSED).closedAt(Optional.of(cx.now())));
    writeClose(item, e, closed, rule);
  }

  private void writeClose(
      OutboxItem item, AlertEvent e, TicketLink link, Optional<ResolvedRule> rule) {
    if (rule.isEmpty()) {
      throw new Dead("event class " + e.eventClass() + " has no rule any more: close ticket "
          + link.ticketId().orElse(0) + " by hand");
    }
    long ticketId = link.ticketId().orElseThrow();
    Ticket ticket;
    try {
      ticket = writeStatus(ticketId, rule.get().closedStatusId());
      String text =
          "The alert cleared at " + e.time() + "."
              + (link.repeatCount() > 0 ? " It occurred " + (link.repeatCount() + 1) + " times." : "");
      postNote(item, ticketId, text, true);
    } catch (NotFoundException gone) {
      missing(link, false);
      return;
    }
    Context.lastUpdated(ticket)
        .ifPresent(
            t -> cx.store.ticketLinks().current(cx.site, link.alertId())
                .filter(l -> l.incident() == link.incident())
                .ifPresent(l -> cx.store.ticketLinks().update(l.toBuilder().ticketLastUpdated(t).build())));
    cx.log().info("Closed ticket {} for alert {}", ticketId, Texts.forLog(e.alertId()));
  }

  /** An absolute status write, harmless to repeat. */
  private Ticket writeStatus(long ticketId, long statusId) {
    return cx.call(
        () ->
            cx.client()
                .tickets()
                .patch(ticketId, PatchOperation.replace("status", Reference.of(statusId))));
  }

  private void reopen(OutboxItem item, AlertEvent e, ResolvedRule rule, TicketLink link) {
    long ticketId = link.ticketId().orElseThrow();
    // The status is written before the link says OPEN: until then a failed write leaves the link
    // CLOSED, so the retry reopens again (an absolute write), and a poll in between never takes
    // the still-closed ticket for one a technician closed.
    Ticket ticket;
    try {
      ticket = writeStatus(ticketId, rule.newStatusId());
    } catch (NotFoundException gone) {
      missing(link, true);
      return;
    }
    TicketLink.Builder reopened =
        link.toBuilder()
            .state(State.OPEN)
            .closedAt(Optional.empty())
            .reopenCount(link.reopenCount() + 1)
            .pendingNotes(0);
    Context.lastUpdated(ticket).ifPresent(reopened::ticketLastUpdated);
    TicketLink open = save(reopened);
    try {
      postNote(
          item,
          ticketId,
          "The alert was raised again at " + e.time() + "; the ticket was reopened.\n" + e.message(),
          false);
    } catch (NotFoundException gone) {
      missing(open, true);
      return;
    }
    cx.store.ticketLinks().update(open.toBuilder().lastNoteAt(cx.now()).build());
    cx.log().info("Reopened ticket {} for alert {}", ticketId, Texts.forLog(e.alertId()));
  }

  /**
   * The linked ticket answered 404 (deleted or merged): look for the key; adopt what is found,
   * otherwise give the incident up, and let a raise start a new one.
   */
  private void missing(TicketLink link, boolean raise) {
    TicketLink marked =
        link.state() == State.TICKET_MISSING
            ? link
            : save(link.toBuilder().state(State.TICKET_MISSING));
    cx.log().warn("Ticket {} of alert {} is gone from ConnectWise; searching by its key",
        link.ticketId().orElse(0), Texts.forLog(link.alertId()));
    Optional<Ticket> found =
        searchByKey(marked).filter(t -> t.id().orElse(-1) != link.ticketId().orElse(-1));
    if (found.isPresent()) {
      adopt(marked, found.get());
      throw new Postpone(cx.now(), "adopted the ticket found by its key");
    }
    save(marked.toBuilder().state(State.ORPHANED).closedAt(Optional.of(cx.now())));
    if (raise) {
      throw new Postpone(cx.now(), "the ticket is gone; the raise opens a new one");
    }
  }

  /**
   * {@code at} plus {@code d}, held within the times the store can hold (epoch milliseconds)
   * instead of throwing: an overflowing sum, such as from an event dated far in the future, must
   * not fail the alert's work and block its later events.
   */
  static Instant plus(Instant at, Duration d) {
    Instant sum;
    try {
      sum = at.plus(d);
    } catch (DateTimeException | ArithmeticException overflow) {
      sum = d.isNegative() ? Instant.MIN : Instant.MAX;
    }
    if (sum.isAfter(LATEST)) {
      return LATEST;
    }
    return sum.isBefore(EARLIEST) ? EARLIEST : sum;
  }

  private TicketLink save(TicketLink.Builder changed) {
    return cx.store
        .ticketLinks()
        .update(changed.build())
        .orElseThrow(() -> new Postpone(cx.now(), "the link changed meanwhile"));
  }

  /**
   * Adds a note carrying the marker {@code [cwsync:<work item ID>]}. A retried item first
   * searches the ticket's notes for its marker, so a note whose answer was lost is not added twice.
   */
  private void postNote(OutboxItem item, long ticketId, String text, boolean resolution) {
    String marker = noteMarker(item);
    if (item.attempts() > 0 && noteExists(ticketId, marker)) {
      cx.log().info("Ticket {} already has the note of work item {}", ticketId, item.id());
      return;
    }
    cx.run(() -> cx.client().ticketNotes(ticketId).create(note(text + "\n" + marker, resolution)));
  }

  static String noteMarker(OutboxItem item) {
    return "[cwsync:" + item.id() + "]";
  }

  private boolean noteExists(long ticketId, String marker) {
    // Searched without the opening bracket, a wildcard in SQL Server's LIKE behind "contains";
    // the closing bracket keeps item 12 from matching item 123. Checked exactly below.
    String searched = marker.substring(1);
    List<TicketNote> found =
        cx.call(
            () ->
                cx.client()
                    .ticketNotes(ticketId)
                    .list(
                        Query.builder()
                            .conditions(Conditions.field("text").contains(searched))
                            .pageSize(25)
                            .build())
                    .collect(Collectors.toList()));
    return found.stream().anyMatch(n -> n.text().map(t -> t.contains(marker)).orElse(false));
  }

  private static TicketNote note(String text, boolean resolution) {
    TicketNote.Builder b = TicketNote.builder().text(text);
    if (resolution) {
      b.resolutionFlag(true);
    } else {
      b.internalAnalysisFlag(true);
    }
    return b.build();
  }
}
