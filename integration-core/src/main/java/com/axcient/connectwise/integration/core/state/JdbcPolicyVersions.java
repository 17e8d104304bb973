package com.axcient.connectwise.integration.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Applied policy versions on JDBC. */
final class JdbcPolicyVersions implements PolicyVersions {

  private final Jdbc jdbc;

  JdbcPolicyVersions(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<AppliedPolicy> get(String key) {
    Objects.requireNonNull(key, "key");
    return jdbc.transaction(
        "reading a policy version",
        c -> {
          List<AppliedPolicy> found = select(c, " WHERE policy_key = ?", key);
          return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
  }

  @Override
  public void put(String key, String version, Instant appliedAt) {
    check(key, version, appliedAt);
    jdbc.transaction(
        "recording a policy version",
        c -> {
          // Update, else insert, else (another instance inserted meanwhile) update: portable upsert.
          if (update(c, key, version, appliedAt, Optional.empty()) == 0
              && insert(c, key, version, appliedAt) == 0) {
            update(c, key, version, appliedAt, Optional.empty());
          }
          return null;
        });
  }

  @Override
  public boolean compareAndSet(
      String key, Optional<String> expected, String version, Instant appliedAt) {
    check(key, version, appliedAt);
    Objects.requireNonNull(expected, "expected");
    return jdbc.transaction(
        "recording a policy version",
        c ->
            expected.isPresent()
                ? update(c, key, version, appliedAt, expected) == 1
                : insert(c, key, version, appliedAt) == 1);
  }

  @Override
  public List<AppliedPolicy> all() {
    return jdbc.transaction(
        "listing policy versions", c -> select(c, " ORDER BY policy_key"));
  }

  private static void check(String key, String version, Instant appliedAt) {
    Jdbc.text(key, "key", 255);
    Jdbc.text(version, "version", 255);
    Objects.requireNonNull(appliedAt, "appliedAt");
  }

  private static int update(
      Connection c, String key, String version, Instant appliedAt, Optional<String> expected)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE policy_version SET version = ?, applied_at = ? WHERE policy_key = ?"
                + (expected.isPresent() ? " AND version = ?" : ""))) {
      update.setString(1, version);
      update.setLong(2, appliedAt.toEpochMilli());
      update.setString(3, key);
      if (expected.isPresent()) {
        update.setString(4, expected.get());
      }
      return update.executeUpdate();
    }
  }

  private static int insert(Connection c, String key, String version, Instant appliedAt)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO policy_version (policy_key, version, applied_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setString(1, key);
      insert.setString(2, version);
      insert.setLong(3, appliedAt.toEpochMilli());
      return insert.executeUpdate();
    }
  }

  private static List<AppliedPolicy> select(Connection c, String where, String... parameters)
      throws SQLException {
    return Jdbc.select(
        c,
        "SELECT policy_key, version, applied_at FROM policy_version" + where,
        row ->
            new AppliedPolicy(
                row.getString("policy_key"),
                row.getString("version"),
                Jdbc.instant(row, "applied_at")),
        (Object[]) parameters);
  }
}
