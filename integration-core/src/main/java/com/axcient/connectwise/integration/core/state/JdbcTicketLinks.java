package com.axcient.connectwise.integration.core.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Ticket links on JDBC; one row per alert incident, keyed by {@code (site, alert_id, incident)}. */
final class JdbcTicketLinks implements TicketLinks {

  static final int MAX_ALERT_ID = 255;

  private static final String COLUMNS =
      "site, alert_id, incident, correlation_key, state, ticket_id, board_id, created_at,"
          + " opened_at, closed_at, last_note_at, repeat_count, pending_notes, reopen_count,"
          + " ticket_last_updated, updated_at, version";

  private final Jdbc jdbc;

  JdbcTicketLinks(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<TicketLink> claimNew(NewTicketLink link) {
    Objects.requireNonNull(link, "link");
    Jdbc.text(link.site(), "site", JdbcOutbox.MAX_SITE);
    Jdbc.text(link.alertId(), "alertId", MAX_ALERT_ID);
    Instant now = Instant.ofEpochMilli(jdbc.now().toEpochMilli());
    TicketLink created =
        new TicketLink(
            link.site(),
            link.alertId(),
            link.incident(),
            link.correlationKey(),
            TicketLink.State.PENDING_CREATE,
            OptionalLong.empty(),
            link.boardId(),
            now,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            0,
            0,
            Optional.empty(),
            now,
            0);
    boolean won =
        jdbc.transaction(
            "claiming a ticket link",
            c -> {
              // No conflict target: H2 rejects one, and both unique keys mean "someone has it".
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO ticket_link (site, alert_id, incident, correlation_key, state,"
                          + " board_id, created_at, repeat_count, pending_notes, reopen_count,"
                          + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0)"
                          + " ON CONFLICT DO NOTHING")) {
                insert.setString(1, link.site());
                insert.setString(2, link.alertId());
                insert.setInt(3, link.incident());
                insert.setString(4, link.correlationKey());
                insert.setString(5, created.state().name());
                Jdbc.setLong(insert, 6, link.boardId());
                insert.setLong(7, now.toEpochMilli());
                insert.setLong(8, now.toEpochMilli());
                return insert.executeUpdate() == 1;
              }
            });
    if (won) {
      return Optional.of(created);
    }
    if (get(link.site(), link.alertId(), link.incident()).isEmpty()) {
      throw new IllegalArgumentException(
          "correlationKey "
              + link.correlationKey()
              + " is already used by another alert incident on this site; correlation keys must be"
              + " unique per site");
    }
    return Optional.empty();
  }

  @Override
  public Optional<TicketLink> current(String site, String alertId) {
    return first(
        "reading a ticket link",
        " WHERE site = ? AND alert_id = ? ORDER BY incident DESC FETCH FIRST 1 ROWS ONLY",
        site,
        alertId);
  }

  @Override
  public Optional<TicketLink> get(String site, String alertId, int incident) {
    return first(
        "reading a ticket link",
        " WHERE site = ? AND alert_id = ? AND incident = ?",
        site,
        alertId,
        incident);
  }

  @Override
  public List<TicketLink> history(String site, String alertId) {
    return query(
        "reading an alert's ticket links",
        " WHERE site = ? AND alert_id = ? ORDER BY incident DESC",
        site,
        alertId);
  }

  @Override
  public Optional<TicketLink> byTicketId(String site, long ticketId) {
    return first(
        "finding a ticket link by ticket",
        " WHERE site = ? AND ticket_id = ? ORDER BY created_at DESC, incident DESC"
            + " FETCH FIRST 1 ROWS ONLY",
        site,
        ticketId);
  }

  @Override
  public Optional<TicketLink> byCorrelationKey(String site, String correlationKey) {
    return first(
        "finding a ticket link by correlation key",
        " WHERE site = ? AND correlation_key = ?",
        site,
        correlationKey);
  }

  @Override
  public Optional<TicketLink> update(TicketLink changed) {
    Objects.requireNonNull(changed, "changed");
    Instant now = Instant.ofEpochMilli(jdbc.now().toEpochMilli());
    boolean updated =
        jdbc.transaction(
            "updating a ticket link",
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE ticket_link SET state = ?, ticket_id = ?, board_id = ?,"
                          + " opened_at = ?, closed_at = ?, last_note_at = ?, repeat_count = ?,"
                          + " pending_notes = ?, reopen_count = ?, ticket_last_updated = ?,"
                          + " updated_at = ?, version = version + 1"
                          + " WHERE site = ? AND alert_id = ? AND incident = ? AND version = ?")) {
                update.setString(1, changed.state().name());
                Jdbc.setLong(update, 2, changed.ticketId());
                Jdbc.setLong(update, 3, changed.boardId());
                Jdbc.setInstant(update, 4, changed.openedAt());
                Jdbc.setInstant(update, 5, changed.closedAt());
                Jdbc.setInstant(update, 6, changed.lastNoteAt());
                update.setInt(7, changed.repeatCount());
                update.setInt(8, changed.pendingNotes());
                update.setInt(9, changed.reopenCount());
                Jdbc.setInstant(update, 10, changed.ticketLastUpdated());
                update.setLong(11, now.toEpochMilli());
                update.setString(12, changed.site());
                update.setString(13, changed.alertId());
                update.setInt(14, changed.incident());
                update.setLong(15, changed.version());
                return update.executeUpdate() == 1;
              }
            });
    if (!updated) {
      return Optional.empty();
    }
    // What this update stored, even if another change follows before the caller reads again.
    return Optional.of(
        new TicketLink(
            changed.site(),
            changed.alertId(),
            changed.incident(),
            changed.correlationKey(),
            changed.state(),
            changed.ticketId(),
            changed.boardId(),
            changed.createdAt(),
            changed.openedAt().map(JdbcTicketLinks::millis),
            changed.closedAt().map(JdbcTicketLinks::millis),
            changed.lastNoteAt().map(JdbcTicketLinks::millis),
            changed.repeatCount(),
            changed.pendingNotes(),
            changed.reopenCount(),
            changed.ticketLastUpdated().map(JdbcTicketLinks::millis),
            now,
            changed.version() + 1));
  }

  /** A time as the store keeps it: whole milliseconds. */
  private static Instant millis(Instant time) {
    return Instant.ofEpochMilli(time.toEpochMilli());
  }

  @Override
  public List<TicketLink> inState(String site, Set<TicketLink.State> states) {
    Objects.requireNonNull(states, "states");
    if (states.isEmpty()) {
      return List.of();
    }
    String placeholders = states.stream().map(s -> "?").collect(Collectors.joining(", "));
    Object[] parameters = new Object[states.size() + 1];
    parameters[0] = site;
    int index = 1;
    for (TicketLink.State state : states) {
      parameters[index++] = state.name();
    }
    return query(
        "listing ticket links by state",
        " WHERE site = ? AND state IN (" + placeholders + ") ORDER BY updated_at, alert_id, incident",
        parameters);
  }

  @Override
  public List<TicketLink> updatedSince(String site, Instant since) {
    Objects.requireNonNull(since, "since");
    return query(
        "listing changed ticket links",
        " WHERE site = ? AND updated_at >= ? ORDER BY updated_at, alert_id, incident",
        site,
        since.toEpochMilli());
  }

  private Optional<TicketLink> first(String what, String where, Object... parameters) {
    List<TicketLink> links = query(what, where, parameters);
    return links.isEmpty() ? Optional.empty() : Optional.of(links.get(0));
  }

  private List<TicketLink> query(String what, String where, Object... parameters) {
    for (Object parameter : parameters) {
      Objects.requireNonNull(parameter, "a lookup value is missing");
    }
    return jdbc.transaction(
        what,
        c ->
            Jdbc.select(
                c, "SELECT " + COLUMNS + " FROM ticket_link" + where, JdbcTicketLinks::link, parameters));
  }

  private static TicketLink link(ResultSet row) throws SQLException {
    return new TicketLink(
        row.getString("site"),
        row.getString("alert_id"),
        row.getInt("incident"),
        row.getString("correlation_key"),
        TicketLink.State.valueOf(row.getString("state")),
        Jdbc.optionalLong(row, "ticket_id"),
        Jdbc.optionalLong(row, "board_id"),
        Jdbc.instant(row, "created_at"),
        Jdbc.optionalInstant(row, "opened_at"),
        Jdbc.optionalInstant(row, "closed_at"),
        Jdbc.optionalInstant(row, "last_note_at"),
        row.getInt("repeat_count"),
        row.getInt("pending_notes"),
        row.getInt("reopen_count"),
        Jdbc.optionalInstant(row, "ticket_last_updated"),
        Jdbc.instant(row, "updated_at"),
        row.getLong("version"));
  }
}
