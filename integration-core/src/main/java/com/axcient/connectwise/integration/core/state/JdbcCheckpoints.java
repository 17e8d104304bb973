package com.axcient.connectwise.integration.core.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Checkpoints on JDBC, in the table {@code state_checkpoint}. */
final class JdbcCheckpoints implements Checkpoints {

  private final Jdbc jdbc;

  JdbcCheckpoints(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Checkpoint> get(String name) {
    Jdbc.text(name, "name", MAX_NAME);
    return jdbc.transaction(
        "reading a checkpoint",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT checkpoint_value, updated_at FROM state_checkpoint WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
              return row.next()
                  ? Optional.of(
                      new Checkpoint(
                          name, row.getString("checkpoint_value"), Jdbc.instant(row, "updated_at")))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public boolean compareAndSet(
      String name, Optional<String> expected, String value, Instant updatedAt) {
    Jdbc.text(name, "name", MAX_NAME);
    Jdbc.text(value, "value", MAX_VALUE);
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(updatedAt, "updatedAt");
    return jdbc.transaction(
        "storing a checkpoint",
        c -> {
          // A conditional update or an insert that loses to a concurrent one: exactly one of
          // several instances storing from the same expected value wins.
          String sql =
              expected.isPresent()
                  ? "UPDATE state_checkpoint SET checkpoint_value = ?, updated_at = ?"
                      + " WHERE name = ? AND checkpoint_value = ?"
                  : "INSERT INTO state_checkpoint (checkpoint_value, updated_at, name)"
                      + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
          try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, value);
            write.setLong(2, updatedAt.toEpochMilli());
            write.setString(3, name);
            if (expected.isPresent()) {
              write.setString(4, expected.get());
            }
            return write.executeUpdate() == 1;
          }
        });
  }
}
