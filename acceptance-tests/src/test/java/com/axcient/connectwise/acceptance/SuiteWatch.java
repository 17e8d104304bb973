package com.axcient.connectwise.acceptance;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What the whole suite watches while it runs: java.util.logging (OkHttp's) routed into the
 * TRACE log, and the name of every thread seen, sampled every few milliseconds, for the canary
 * check.
 */
final class SuiteWatch {

  private static final Set<String> THREAD_NAMES = ConcurrentHashMap.newKeySet();
  private static boolean started;

  private SuiteWatch() {}

  /** Starts watching; later calls do nothing. */
  static synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(Level.ALL);
    Thread sampler =
        new Thread(
            () -> {
              while (true) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                  THREAD_NAMES.add(t.getName());
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "acceptance-thread-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The names of every thread seen since {@link #start()}. */
  static Set<String> threadNames() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      THREAD_NAMES.add(t.getName());
    }
    return Set.copyOf(THREAD_NAMES);
  }

  /** The folder the suite and its child processes log into, and exports go to. */
  static Path logFolder() {
    return Path.of(System.getProperty("acceptance.logs", "target/acceptance-logs"));
  }
}
