package com.axcient.connectwise.integration.core.state;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The billing audit on JDBC. Quantities are stored as their decimal text so the scale the billing
 * run chose survives the round trip exactly.
 */
final class JdbcBillingAuditLog implements BillingAuditLog {

  private static final String COLUMNS =
      "written_at, site, agreement_id, addition_id, old_quantity, new_quantity, run_id,"
          + " source_report, outcome, failure";

  private final Jdbc jdbc;

  JdbcBillingAuditLog(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(BillingAuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Jdbc.text(entry.site(), "site", JdbcOutbox.MAX_SITE);
    Jdbc.text(entry.runId(), "runId", 255);
    if (entry.sourceReport().length() > JdbcOutbox.MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "sourceReport must be at most " + JdbcOutbox.MAX_PAYLOAD + " characters");
    }
    jdbc.transaction(
        "recording a billing audit entry",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO billing_audit (" + COLUMNS + ")"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.at().toEpochMilli());
            insert.setString(2, entry.site());
            insert.setLong(3, entry.agreementId());
            insert.setLong(4, entry.additionId());
            insert.setString(5, entry.oldQuantity().toPlainString());
            insert.setString(6, entry.newQuantity().toPlainString());
            insert.setString(7, entry.runId());
            insert.setString(8, entry.sourceReport());
            insert.setString(9, entry.outcome().name());
            Jdbc.setText(
                insert, 10, entry.failure().map(f -> Jdbc.cut(f, JdbcOutbox.MAX_PAYLOAD)));
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public List<BillingAuditEntry> forAddition(String site, long additionId) {
    Objects.requireNonNull(site, "site");
    return jdbc.transaction(
        "reading the billing audit",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM billing_audit"
                      + " WHERE site = ? AND addition_id = ? ORDER BY written_at, id")) {
            select.setString(1, site);
            select.setLong(2, additionId);
            return Jdbc.rows(select, JdbcBillingAuditLog::entry);
          }
        });
  }

  @Override
  public List<BillingAuditEntry> since(Instant since) {
    Objects.requireNonNull(since, "since");
    return jdbc.transaction(
        "reading the billing audit",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM billing_audit"
                      + " WHERE written_at >= ? ORDER BY written_at, id")) {
            select.setLong(1, since.toEpochMilli());
            return Jdbc.rows(select, JdbcBillingAuditLog::entry);
          }
        });
  }

  private static BillingAuditEntry entry(ResultSet row) throws SQLException {
    return new BillingAuditEntry(
        Jdbc.instant(row, "written_at"),
        row.getString("site"),
        row.getLong("agreement_id"),
        row.getLong("addition_id"),
        new BigDecimal(row.getString("old_quantity")),
        new BigDecimal(row.getString("new_quantity")),
        row.getString("run_id"),
        row.getString("source_report"),
        BillingAuditEntry.Outcome.valueOf(row.getString("outcome")),
        Optional.ofNullable(row.getString("failure")));
  }
}
