package com.axcient.connectwise.integration.core.state;

import java.util.UUID;
import javax.sql.DataSource;

/** The state store contract on an in-memory H2 database. */
class H2InMemoryStateStoreTest extends StateStoreContract {

  private String name;

  @Override
  void createDatabase() {
    name = "state-" + UUID.randomUUID();
  }

  @Override
  StateStore openStore() {
    return JdbcStateStore.h2InMemory(name, clock);
  }

  @Override
  DataSource dataSource() {
    return H2Support.memory(name);
  }
}
