package com.axcient.connectwise.integration.core.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@link StateStore} on a relational database through plain JDBC: an embedded H2 file database
 * for a single instance, or a shared PostgreSQL database (14 or newer) for several instances.
 *
 * <p>Opening a store creates its tables if they are missing and applies newer schema versions
 * shipped with the library (recorded in a {@code schema_version} table); several stores opening
 * the same database at once is safe. Each operation takes a connection from the data source and
 * commits before it returns.
 *
 * <pre>{@code
 * // One instance: an H2 file in the product's data folder (H2 must be on the class path).
 * StateStore state = JdbcStateStore.h2File(Path.of("/var/lib/backup/connectwise"));
 *
 * // Several instances: a shared PostgreSQL, through the product's connection pool.
 * StateStore state = JdbcStateStore.open(pooledDataSource);
 * }</pre>
 */
public final class JdbcStateStore implements StateStore {

  private final Jdbc jdbc;
  private final Connection keepAlive;
  private final int schemaVersion;
  private final JdbcTicketLinks ticketLinks;
  private final JdbcOutbox outbox;
  private final JdbcBillingAuditLog billingAudit;
  private final JdbcPolicyVersions policyVersions;
  private final JdbcSitePauses sitePauses;
  private final JdbcCheckpoints checkpoints;

  private JdbcStateStore(DataSource dataSource, Clock clock, boolean embedded) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
    Connection first;
    try {
      first = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot open the state database: " + e.getMessage() + hint(e), e);
    }
    Dialect dialect;
    try {
      dialect = Dialect.of(first);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(first);
      throw e instanceof SQLException
          ? new StateStoreException("cannot read the state database's metadata", e)
          : (RuntimeException) e;
    }
    // An embedded database lives as long as one connection is open; this one keeps it open (and
    // its file locked against other processes) until the store is closed.
    this.keepAlive = embedded ? first : null;
    if (!embedded) {
      closeQuietly(first);
    }
    this.jdbc = new Jdbc(dataSource, dialect, clock);
    try {
      this.schemaVersion = SchemaMigrator.migrate(jdbc);
    } catch (RuntimeException e) {
      closeQuietly(keepAlive);
      throw e;
    }
    this.ticketLinks = new JdbcTicketLinks(jdbc);
    this.outbox = new JdbcOutbox(jdbc);
    this.billingAudit = new JdbcBillingAuditLog(jdbc);
    this.policyVersions = new JdbcPolicyVersions(jdbc);
    this.sitePauses = new JdbcSitePauses(jdbc);
    this.checkpoints = new JdbcCheckpoints(jdbc);
  }

  /**
   * Opens (or creates) the embedded H2 database in a folder, with the system clock. Only one
   * process can open it at a time.
   *
   * @param folder the folder for the database file {@code connectwise-state.mv.db}; created if
   *     missing
   * @return the store
   * @throws StateStoreException when the database cannot be opened, such as when another process
   *     has it open
   */
  public static JdbcStateStore h2File(Path folder) {
    return h2File(folder, Clock.systemUTC());
  }

  /**
   * Opens (or creates) the embedded H2 database in a folder.
   *
   * @param folder the folder for the database file; created if missing
   * @param clock the clock for the times the store records
   * @return the store
   * @throws StateStoreException when the database cannot be opened
   */
  public static JdbcStateStore h2File(Path folder, Clock clock) {
    Objects.requireNonNull(folder, "folder");
    return new JdbcStateStore(H2Support.file(folder), clock, true);
  }

  /**
   * Opens an H2 database in memory, for tests and demos. Stores opened with the same name in one
   * JVM share it; it is gone when the last of them is closed.
   *
   * @param name the database's name: 1 to 64 letters, digits, {@code _} or {@code -}
   * @return the store
   */
  public static JdbcStateStore h2InMemory(String name) {
    return h2InMemory(name, Clock.systemUTC());
  }

  /**
   * Opens an H2 database in memory, for tests and demos.
   *
   * @param name the database's name: 1 to 64 letters, digits, {@code _} or {@code -}
   * @param clock the clock for the times the store records
   * @return the store
   */
  public static JdbcStateStore h2InMemory(String name, Clock clock) {
    return new JdbcStateStore(H2Support.memory(name), clock, true);
  }

  /**
   * Opens the store on the caller's data source (PostgreSQL 14 or newer, or H2 in {@code
   * MODE=PostgreSQL}), with the system clock. The data source is not closed with the store.
   *
   * @param dataSource the data source, typically the product's connection pool
   * @return the store
   * @throws StateStoreException when the database cannot be reached or is neither H2 nor
   *     PostgreSQL
   */
  public static JdbcStateStore open(DataSource dataSource) {
    return open(dataSource, Clock.systemUTC());
  }

  /**
   * Opens the store on the caller's data source.
   *
   * @param dataSource the data source
   * @param clock the clock for the times the store records
   * @return the store
   * @throws StateStoreException when the database cannot be reached or is neither H2 nor
   *     PostgreSQL
   */
  public static JdbcStateStore open(DataSource dataSource, Clock clock) {
    return new JdbcStateStore(dataSource, clock, false);
  }

  /**
   * The schema version of the database after opening.
   *
   * @return the version, from 1
   */
  public int schemaVersion() {
    return schemaVersion;
  }

  /**
   * Writes a consistent copy of an H2 database to a zip file while the store is in use. To
   * restore it, stop the product and unzip the file into the state folder.
   *
   * @param zipFile the file to write; replaced if it exists
   * @throws UnsupportedOperationException on PostgreSQL, whose own tools ({@code pg_dump}) back it
   *     up
   * @throws StateStoreException when the file cannot be written
   */
  public void backupTo(Path zipFile) {
    Objects.requireNonNull(zipFile, "zipFile");
    if (jdbc.dialect() != Dialect.H2) {
      throw new UnsupportedOperationException(
          "backupTo works on H2 only; back up PostgreSQL with pg_dump or your database's backups");
    }
    jdbc.transaction(
        "backing up the state database to " + zipFile,
        c -> {
          try (PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, zipFile.toAbsolutePath().toString());
            return backup.execute();
          }
        });
  }

  @Override
  public TicketLinks ticketLinks() {
    return ticketLinks;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public BillingAuditLog billingAudit() {
    return billingAudit;
  }

  @Override
  public PolicyVersions policyVersions() {
    return policyVersions;
  }

  @Override
  public SitePauses sitePauses() {
    return sitePauses;
  }

  @Override
  public Checkpoints checkpoints() {
    return checkpoints;
  }

  @Override
  public void close() {
    jdbc.markClosed();
    closeQuietly(keepAlive);
  }

  @Override
  public String toString() {
    return "JdbcStateStore[" + jdbc.dialect() + ", schema version " + schemaVersion + "]";
  }

  private static String hint(SQLException e) {
    // H2 error 90020: the file is open in another process.
    return e.getErrorCode() == 90020
        ? "; the H2 database is in use by another process (H2 allows one process per database:"
            + " use a shared PostgreSQL for several instances)"
        : "";
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing is best effort: the store is unusable either way.
      }
    }
  }
}
