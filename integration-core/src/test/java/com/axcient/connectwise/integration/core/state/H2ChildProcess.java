package com.axcient.connectwise.integration.core.state;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link H2ProcessTest}: {@code enqueue <folder> <n>} enqueues n items and
 * halts the JVM at once (no shutdown hooks, no close), as a crash would; {@code open <folder>}
 * tries to open the store and prints the error.
 */
public final class H2ChildProcess {

  private H2ChildProcess() {}

  /**
   * Entry point.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    Path folder = Path.of(args[1]);
    if (args[0].equals("enqueue")) {
      StateStore store = JdbcStateStore.h2File(folder);
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        store.outbox().enqueue("acme", "alert-" + i, "alert-raised", "{\"n\":" + i + "}");
      }
      System.out.println("ENQUEUED");
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
    try (StateStore store = JdbcStateStore.h2File(folder)) {
      System.out.println("OPENED");
    } catch (StateStoreException e) {
      System.out.println("FAILED " + e.getMessage());
    }
  }
}
