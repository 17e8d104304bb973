package com.axcient.connectwise.integration.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/** Connections, transactions and value conversions shared by the store's parts. */
final class Jdbc {

  /** Work done with a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Turns the current row of a result into a value. */
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  Jdbc(DataSource dataSource, Dialect dialect, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
  }

  Dialect dialect() {
    return dialect;
  }

  Instant now() {
    return clock.instant();
  }

  void markClosed() {
    closed.set(true);
  }

  /** Runs work in one transaction, committed when it returns; rolled back when it throws. */
  <T> T transaction(String what, Work<T> work) {
    if (closed.get()) {
      throw new IllegalStateException("the state store is closed");
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StateStoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  static void setLong(PreparedStatement statement, int index, OptionalLong value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.getAsLong());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
      throws SQLException {
    setLong(
        statement,
        index,
        value.isPresent() ? OptionalLong.of(value.get().toEpochMilli()) : OptionalLong.empty());
  }

  static void setText(PreparedStatement statement, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setString(index, value.get());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  /** Runs {@code sql} with the parameters bound in order and reads every row. */
  static <T> List<T> select(Connection c, String sql, RowReader<T> reader, Object... parameters)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      return rows(select, reader);
    }
  }

  /** Runs a prepared select and reads every row. */
  static <T> List<T> rows(PreparedStatement select, RowReader<T> reader) throws SQLException {
    List<T> values = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        values.add(reader.read(row));
      }
    }
    return values;
  }

  static OptionalLong optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    return Instant.ofEpochMilli(row.getLong(column));
  }

  /**
   * Checks a text value before it reaches the database, so a bad value is reported by its field
   * name instead of as a driver error.
   */
  static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          field + " must be at most " + maxLength + " characters, was " + value.length());
    }
    return value;
  }

  /** Shortens free text such as a failure reason to what its column holds. */
  static String cut(String value, int maxLength) {
    return value.length() <= maxLength ? value : value.substring(0, maxLength);
  }
}
