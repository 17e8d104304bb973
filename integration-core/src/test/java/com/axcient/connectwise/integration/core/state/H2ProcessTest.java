package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file store across processes: what a crash keeps, and one process per database. */
class H2ProcessTest {

  @TempDir Path folder;

  @Test
  void everyEnqueueThatReturnedSurvivesAProcessKilledRightAfter() throws Exception {
    String output = runChild("enqueue", folder.toString(), "25");
    assertThat(output).contains("ENQUEUED");

    try (StateStore store = JdbcStateStore.h2File(folder)) {
      assertThat(store.outbox().counts().pending()).isEqualTo(25);
      List<OutboxItem> items =
          store.outbox().claim("w", Duration.ofMinutes(1), 100, Instant.now().plusSeconds(1));
      assertThat(items).extracting(OutboxItem::partitionKey).contains("alert-0", "alert-24");
    }
  }

  @Test
  void aSecondProcessCannotOpenTheDatabaseAndIsToldWhy() throws Exception {
    try (StateStore store = JdbcStateStore.h2File(folder)) {
      store.outbox().enqueue("acme", "a", "alert-raised", "{}");

      String output = runChild("open", folder.toString());

      assertThat(output).contains("FAILED").contains("another process").contains("PostgreSQL");
    }
  }

  private static String runChild(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2ChildProcess.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(output, StandardCharsets.UTF_8);
  }
}
