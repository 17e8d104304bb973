package com.axcient.connectwise.integration.core.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the shipped DDL scripts that a database has not seen yet, recording each in {@code
 * schema_version}. Safe when several stores start at once: on PostgreSQL a transaction-scoped
 * advisory lock serialises them; on H2 (one process per database) a lock in this JVM does, and
 * every statement is idempotent besides.
 */
final class SchemaMigrator {

  /** The schema versions this library ships, oldest first. */
  static final int LATEST_VERSION = 2;

  /** An arbitrary key for {@code pg_advisory_xact_lock}, the same in every instance. */
  private static final long ADVISORY_LOCK_KEY = 0x63775F7374617465L;

  private static final Object H2_LOCK = new Object();

  private SchemaMigrator() {}

  static int migrate(Jdbc jdbc) {
    if (jdbc.dialect() == Dialect.H2) {
      synchronized (H2_LOCK) {
        return jdbc.transaction("applying the state schema", c -> apply(c, jdbc));
      }
    }
    return jdbc.transaction("applying the state schema", c -> apply(c, jdbc));
  }

  private static int apply(Connection connection, Jdbc jdbc) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (jdbc.dialect() == Dialect.POSTGRESQL) {
        statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
      }
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
    }
    int current = currentVersion(connection);
    if (current > LATEST_VERSION) {
      throw new StateStoreException(
          "the state database has schema version "
              + current
              + " but this library knows versions up to "
              + LATEST_VERSION
              + "; upgrade the library to the version that wrote this database");
    }
    for (int version = current + 1; version <= LATEST_VERSION; version++) {
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements(jdbc.dialect(), version)) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO schema_version (version, applied_at) VALUES (?, ?) "
                  + "ON CONFLICT DO NOTHING")) {
        insert.setInt(1, version);
        insert.setLong(2, jdbc.now().toEpochMilli());
        insert.executeUpdate();
      }
    }
    return Math.max(current, LATEST_VERSION);
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static List<String> statements(Dialect dialect, int version) {
    String resource = dialect.scriptFolder() + "/V" + version + "__state.sql";
    String script;
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the library jar lacks its schema script " + resource);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the schema script " + resource, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }
}
