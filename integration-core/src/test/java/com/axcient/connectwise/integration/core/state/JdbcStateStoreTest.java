package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: supported databases, schema versions and bad input. */
class JdbcStateStoreTest {

  @Test
  void opensOnACallersH2DataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:callers-ds;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");

    try (JdbcStateStore store = JdbcStateStore.open(dataSource)) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      assertThat(store.outbox().enqueue("acme", "a", "raised", "{}")).isPositive();
    }
  }

  @Test
  void refusesADatabaseThatIsNeitherH2NorPostgresql() {
    DataSource oracle = dataSourceReporting("Oracle");

    assertThatThrownBy(() -> JdbcStateStore.open(oracle))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("H2 and PostgreSQL, not Oracle");
  }

  @Test
  void refusesADatabaseWrittenByANewerLibrary() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:newer-schema;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    JdbcStateStore.open(dataSource).close();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
    }

    assertThatThrownBy(() -> JdbcStateStore.open(dataSource))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("upgrade the library");
  }

  @Test
  void rejectsAnInMemoryNameThatCouldCarrySettings() {
    assertThatThrownBy(() -> JdbcStateStore.h2InMemory("x;INIT=RUNSCRIPT FROM 'evil'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in-memory database name");
  }

  @Test
  void rejectsAFolderWhosePathHoldsASemicolon(@TempDir Path temp) {
    assertThatThrownBy(() -> JdbcStateStore.h2File(temp.resolve("a;b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("';'");
  }

  private static DataSource dataSourceReporting(String product) {
    DatabaseMetaData metaData =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                JdbcStateStoreTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) ->
                    method.getName().equals("getDatabaseProductName") ? product : null);
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                JdbcStateStoreTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("getMetaData") ? metaData : null);
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcStateStoreTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) ->
                method.getName().equals("getConnection") ? connection : null);
  }
}
