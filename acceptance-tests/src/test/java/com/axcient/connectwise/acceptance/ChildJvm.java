package com.axcient.connectwise.acceptance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ChildTicketRun} in its own JVM, with the test's class path. Its stdout lines are
 * collected as they come; its log goes to the suite's log folder for the canary check.
 */
final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // The process was killed: what was read is what it printed.
              }
            },
            "acceptance-child-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(String logName, List<String> args) throws IOException {
    Path logs = SuiteWatch.logFolder().toAbsolutePath();
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dacceptance.logs=" + logs);
    command.add("-Dacceptance.logName=" + logName);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildTicketRun.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CW_PRIVATE_KEY", Canary.PRIVATE_KEY);
    builder.redirectError(logs.resolve(logName + ".stderr").toFile());
    return new ChildJvm(builder.start());
  }

  /** The indexes the child printed as accepted, so far. */
  List<Integer> accepted() {
    List<Integer> out = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("ACCEPTED ")) {
        out.add(Integer.parseInt(line.substring(9).trim()));
      }
    }
    return out;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the JVM at once, as a power cut would, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(5000);
  }

  /** Waits for the child to end by itself. */
  int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return -1;
    }
    reader.join(5000);
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
