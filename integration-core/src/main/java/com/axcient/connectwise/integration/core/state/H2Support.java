package com.axcient.connectwise.integration.core.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 databases. Kept apart from {@link JdbcStateStore} so that a product using
 * PostgreSQL need not ship H2.
 */
final class H2Support {

  /** The database file's name (H2 adds {@code .mv.db}). */
  static final String FILE_NAME = "connectwise-state";

  /**
   * PostgreSQL mode for {@code ON CONFLICT DO NOTHING}; a write delay of 0 so a commit is on disk
   * when it returns; a lock timeout longer than any of the store's short transactions.
   */
  private static final String SETTINGS = ";MODE=PostgreSQL;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

  private static final String MEMORY_NAME = "[A-Za-z0-9_-]{1,64}";

  private H2Support() {}

  static DataSource file(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    if (absolute.toString().contains(";")) {
      throw new IllegalArgumentException(
          "the state folder's path must not contain ';' (H2 reads it as a setting): " + absolute);
    }
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot create the state folder " + absolute + "; check that it is writable", e);
    }
    return dataSource("jdbc:h2:file:" + absolute.resolve(FILE_NAME) + SETTINGS);
  }

  static DataSource memory(String name) {
    if (name == null || !name.matches(MEMORY_NAME)) {
      throw new IllegalArgumentException(
          "the in-memory database name must be 1 to 64 letters, digits, '_' or '-'");
    }
    return dataSource("jdbc:h2:mem:" + name + SETTINGS);
  }

  private static DataSource dataSource(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    dataSource.setPassword("");
    return dataSource;
  }
}
