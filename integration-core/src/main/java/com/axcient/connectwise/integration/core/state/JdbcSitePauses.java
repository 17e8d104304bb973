package com.axcient.connectwise.integration.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Site pauses on JDBC. */
final class JdbcSitePauses implements SitePauses {

  private final Jdbc jdbc;

  JdbcSitePauses(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void pause(String site, String reason, Instant pausedAt, Optional<Instant> until) {
    Jdbc.text(site, "site", JdbcOutbox.MAX_SITE);
    Jdbc.text(reason, "reason", 1000);
    Objects.requireNonNull(pausedAt, "pausedAt");
    Objects.requireNonNull(until, "until");
    jdbc.transaction(
        "pausing a site",
        c -> {
          // Update, else insert, else (another instance inserted meanwhile) update: portable upsert.
          if (update(c, site, reason, pausedAt, until) == 0
              && insert(c, site, reason, pausedAt, until) == 0) {
            update(c, site, reason, pausedAt, until);
          }
          return null;
        });
  }

  @Override
  public boolean resume(String site) {
    Objects.requireNonNull(site, "site");
    return jdbc.transaction(
        "resuming a site",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM site_pause WHERE site = ?")) {
            delete.setString(1, site);
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<SitePause> active(String site, Instant now) {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(now, "now");
    return jdbc.transaction(
        "reading a site pause",
        c -> select(c, " WHERE site = ?", site).stream().filter(p -> p.isActive(now)).findFirst());
  }

  @Override
  public List<SitePause> all() {
    return jdbc.transaction("listing site pauses", c -> select(c, " ORDER BY site"));
  }

  private static int update(
      Connection c, String site, String reason, Instant pausedAt, Optional<Instant> until)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE site_pause SET reason = ?, paused_at = ?, pause_until = ? WHERE site = ?")) {
      update.setString(1, reason);
      update.setLong(2, pausedAt.toEpochMilli());
      Jdbc.setInstant(update, 3, until);
      update.setString(4, site);
      return update.executeUpdate();
    }
  }

  private static int insert(
      Connection c, String site, String reason, Instant pausedAt, Optional<Instant> until)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO site_pause (site, reason, paused_at, pause_until) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setString(1, site);
      insert.setString(2, reason);
      insert.setLong(3, pausedAt.toEpochMilli());
      Jdbc.setInstant(insert, 4, until);
      return insert.executeUpdate();
    }
  }

  private static List<SitePause> select(Connection c, String where, String... parameters)
      throws SQLException {
    return Jdbc.select(
        c,
        "SELECT site, reason, paused_at, pause_until FROM site_pause" + where,
        row ->
            new SitePause(
                row.getString("site"),
                row.getString("reason"),
                Jdbc.instant(row, "paused_at"),
                Jdbc.optionalInstant(row, "pause_until")),
        (Object[]) parameters);
  }
}
