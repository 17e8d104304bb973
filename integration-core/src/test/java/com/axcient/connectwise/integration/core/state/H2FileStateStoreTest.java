package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store contract on the embedded H2 file database, plus what a file must keep. */
class H2FileStateStoreTest extends StateStoreContract {

  @TempDir Path temp;
  private Path folder;

  @Override
  void createDatabase() {
    // A folder that does not exist yet: the store creates it.
    folder = temp.resolve("data").resolve("connectwise");
  }

  @Override
  StateStore openStore() {
    return JdbcStateStore.h2File(folder, clock);
  }

  @Override
  DataSource dataSource() {
    return H2Support.file(folder);
  }

  @Test
  void createsTheDatabaseFileInTheFolder() {
    assertThat(Files.exists(folder.resolve(H2Support.FILE_NAME + ".mv.db"))).isTrue();
  }

  @Test
  void everythingSurvivesClosingAndReopeningTheFolder() {
    long id = store.outbox().enqueue("acme", "alert-1", "alert-raised", "{\"n\":1}");
    OutboxItem claimed = store.outbox().claim("w", LEASE, 1, T0).get(0);
    TicketLink link =
        store.ticketLinks().claimNew(NewTicketLink.of("inst", "acme", "alert-1", 1)).orElseThrow();
    store.sitePauses().pause("acme", "401", T0, Optional.empty());
    store.policyVersions().put("global", "v1", T0);
    store.close();

    try (StateStore reopened = JdbcStateStore.h2File(folder, clock)) {
      assertThat(reopened.outbox().get(id)).contains(claimed);
      assertThat(reopened.ticketLinks().current("acme", "alert-1")).contains(link);
      assertThat(reopened.sitePauses().active("acme", T0)).isPresent();
      assertThat(reopened.policyVersions().get("global")).isPresent();
      // The lease taken before the restart still runs out and frees the item.
      assertThat(reopened.outbox().claim("after-restart", LEASE, 1, T0.plus(Duration.ofMinutes(1))))
          .extracting(OutboxItem::id)
          .containsExactly(id);
    }
  }

  @Test
  void anOnlineBackupRestoresToAWorkingStore() throws IOException {
    long id = store.outbox().enqueue("acme", "alert-1", "alert-raised", "{}");
    Path zip = temp.resolve("backup.zip");

    ((JdbcStateStore) store).backupTo(zip);
    store.outbox().enqueue("acme", "alert-2", "alert-raised", "{}");

    Path restored = temp.resolve("restored");
    Files.createDirectories(restored);
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Files.copy(entries, restored.resolve(Path.of(entry.getName()).getFileName()));
      }
    }
    try (StateStore fromBackup = JdbcStateStore.h2File(restored, clock)) {
      assertThat(fromBackup.outbox().get(id)).isPresent();
      assertThat(fromBackup.outbox().counts().pending()).isEqualTo(1);
    }
  }
}
