package com.axcient.connectwise.integration.core.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store runs on, and the few statements that differ between them. */
enum Dialect {
  H2("h2", "NEXT VALUE FOR outbox_seq"),
  POSTGRESQL("postgresql", "nextval('outbox_seq')");

  private final String scriptFolder;
  private final String nextOutboxSeq;

  Dialect(String scriptFolder, String nextOutboxSeq) {
    this.scriptFolder = scriptFolder;
    this.nextOutboxSeq = nextOutboxSeq;
  }

  /** The folder of this dialect's DDL scripts, next to this class. */
  String scriptFolder() {
    return scriptFolder;
  }

  /** The expression that takes the next outbox ordering number. */
  String nextOutboxSeq() {
    return nextOutboxSeq;
  }

  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String normalized = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (normalized.contains("h2")) {
      return H2;
    }
    if (normalized.contains("postgresql")) {
      return POSTGRESQL;
    }
    throw new StateStoreException(
        "the state store supports H2 and PostgreSQL, not "
            + product
            + "; pass a DataSource for one of them");
  }
}
