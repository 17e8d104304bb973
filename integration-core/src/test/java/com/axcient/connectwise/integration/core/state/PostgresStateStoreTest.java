package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The state store contract on a real PostgreSQL (embedded, started by the test). */
class PostgresStateStoreTest extends StateStoreContract {

  private DataSource database;

  @Override
  void createDatabase() {
    database = EmbeddedPostgresDatabases.newDatabase();
  }

  @Override
  StateStore openStore() {
    return JdbcStateStore.open(database, clock);
  }

  @Override
  DataSource dataSource() {
    return database;
  }

  @Test
  void instancesStartingAtOnceOnAnEmptyDatabaseApplyTheSchemaOnce() throws Exception {
    DataSource empty = EmbeddedPostgresDatabases.newDatabase();

    List<JdbcStateStore> stores = race(4, i -> JdbcStateStore.open(empty, clock));

    try (Connection connection = empty.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(2);
    } finally {
      stores.forEach(JdbcStateStore::close);
    }
    assertThat(stores).allSatisfy(s -> assertThat(s.schemaVersion()).isEqualTo(2));
  }

  @Test
  void backupIsLeftToPostgresqlTools() {
    assertThatThrownBy(() -> ((JdbcStateStore) store).backupTo(Path.of("backup.zip")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("pg_dump");
  }
}
