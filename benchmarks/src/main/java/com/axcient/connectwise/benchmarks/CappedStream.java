package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2: the ticket stream in a child JVM capped at a small heap. The simulator stays in the
 * parent (its 100,000 records alone need more than the cap); the child streams from it over
 * loopback with the same classpath. The connection reaches the child through its environment, so
 * the private key is never on a command line.
 */
final class CappedStream {

  /** The argument that makes the runner act as the child. */
  static final String CHILD_COMMAND = "stream-child";

  private static final String RESULT = "RESULT ";
  private static final String SITE = "CW_BENCH_SITE";
  private static final String COMPANY = "CW_BENCH_COMPANY";
  private static final String PUBLIC_KEY = "CW_BENCH_PUBLIC_KEY";
  private static final String PRIVATE_KEY = "CW_BENCH_PRIVATE_KEY";
  private static final String CLIENT_ID = "CW_BENCH_CLIENT_ID";

  /** What the child reported, or why it failed. */
  record Outcome(int exitCode, long records, long wallNanos, long peakHeapBytes, long maxHeapBytes,
      String failure) {
    boolean completed() {
      return exitCode == 0 && failure.isEmpty();
    }
  }

  private CappedStream() {}

  /**
   * Starts the child with {@code -Xmx<heapMb>m}, waits for it and reads its result line.
   *
   * @param siteUrl the site the child lists from
   * @param cw the simulator whose credentials the child uses
   */
  static Outcome launch(String siteUrl, ConnectWiseSimulator cw, int heapMb) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
        BenchmarkRunner.class.getName(), CHILD_COMMAND));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put(SITE, siteUrl);
    env.put(COMPANY, cw.companyId());
    env.put(PUBLIC_KEY, cw.publicKey());
    env.put(PRIVATE_KEY, cw.privateKey());
    env.put(CLIENT_ID, cw.clientId());
    try {
      Process process = builder.start();
      Optional<String> result = Optional.empty();
      StringBuilder other = new StringBuilder();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith(RESULT)) {
            result = Optional.of(line.substring(RESULT.length()));
          } else if (other.length() < 2000) {
            other.append(line).append(' ');
          }
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Outcome(-1, 0, 0, 0, 0, "did not finish in 10 minutes");
      }
      int exit = process.exitValue();
      if (result.isEmpty()) {
        return new Outcome(exit, 0, 0, 0, 0, "exit " + exit + ": " + other.toString().trim());
      }
      String[] f = result.get().split(" ");
      return new Outcome(exit, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
          Long.parseLong(f[3]), exit == 0 ? "" : "exit " + exit);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the capped child JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the capped child JVM", e);
    }
  }

  /** The child: streams every ticket once through the client and prints one result line. */
  static int runChild(PrintStream out) {
    ConnectWiseClient client = ConnectWiseClient.builder()
        .site(env(SITE))
        .allowInsecureHttp(true)
        .companyId(env(COMPANY))
        .publicKey(env(PUBLIC_KEY))
        .privateKey(Secret.of(env(PRIVATE_KEY)))
        .clientId(env(CLIENT_ID))
        .build();
    try (client) {
      ListingPasses.Pass pass = ListingPasses.client(client);
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      out.println(RESULT + pass.records() + " " + pass.wallNanos() + " " + peak + " "
          + Runtime.getRuntime().maxMemory());
    }
    return 0;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: the stream child is started by the runner");
    }
    return value;
  }
}
