package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database written by the first release (schema version 1) is upgraded in place. */
class SchemaUpgradeTest {

  private static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void anH2VersionOneDatabaseIsUpgradedKeepingItsData() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v1-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    upgradesInPlace(h2, "h2");
  }

  @Test
  void aPostgresqlVersionOneDatabaseIsUpgradedKeepingItsData() throws Exception {
    upgradesInPlace(EmbeddedPostgresDatabases.newDatabase(), "postgresql");
  }

  private static void upgradesInPlace(DataSource dataSource, String dialect) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : versionOneScript(dialect).split(";\\s*\\n")) {
        if (!sql.strip().isEmpty()) {
          s.execute(sql);
        }
      }
      s.execute("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
      s.execute("INSERT INTO schema_version VALUES (1, 0)");
      s.execute(
          "INSERT INTO outbox_item (seq, site, partition_key, kind, payload, state, attempts,"
              + " created_at, not_before, last_error, finished_at, version) VALUES (1, 'acme',"
              + " 'a', 'alert-event', '{}', 'DEAD', 9, "
              + CREATED.toEpochMilli() + ", 0, 'gave up', " + CREATED.toEpochMilli() + ", 3)");
      s.execute("ALTER SEQUENCE outbox_seq RESTART WITH 2");
    }
    MutableClock clock = new MutableClock(NOW);

    try (JdbcStateStore store = JdbcStateStore.open(dataSource, clock)) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      OutboxItem dead = store.outbox().deadLetters(Optional.empty(), 10).get(0);
      assertThat(dead.attempts()).isEqualTo(9);
      assertThat(dead.replayedAt()).isEmpty();
      assertThat(dead.ageStart()).isEqualTo(CREATED);

      assertThat(store.outbox().replayDeadLetter(dead.id(), NOW)).isTrue();
      assertThat(store.outbox().claim("w", Duration.ofMinutes(1), 10, NOW))
          .singleElement()
          .satisfies(i -> assertThat(i.ageStart()).isEqualTo(NOW));
      assertThat(store.checkpoints().compareAndSet("poll", Optional.empty(), "x", NOW)).isTrue();
    }
    try (JdbcStateStore again = JdbcStateStore.open(dataSource, clock);
        Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet versions = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      assertThat(again.checkpoints().get("poll")).isPresent();
      assertThat(versions.next()).isTrue();
      assertThat(versions.getInt(1)).isEqualTo(1);
      assertThat(versions.next()).isTrue();
      assertThat(versions.getInt(1)).isEqualTo(2);
      assertThat(versions.next()).isFalse();
    }
  }

  private static String versionOneScript(String dialect) throws IOException, SQLException {
    String resource =
        "/com/axcient/connectwise/integration/core/state/" + dialect + "/V1__state.sql";
    try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream(resource)) {
      StringBuilder script = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.strip().startsWith("--")) {
          script.append(line).append('\n');
        }
      }
      return script.toString();
    }
  }
}
