package com.axcient.connectwise.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a standalone server until the process is stopped:
 * {@code java -jar connectwise-testkit-standalone.jar --port 18080}. It prints the site URL,
 * company ID, keys and client ID to configure a client or a product with.
 */
public final class StandaloneSimulator {

  private static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar connectwise-testkit-standalone.jar [options]",
      "",
      "Runs a simulated ConnectWise PSA site until stopped (Ctrl+C).",
      "",
      "Options:",
      "  --port N             port to listen on (default 18080; 0 picks a free port)",
      "  --bind ADDRESS       address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
      "  --company-id ID      company ID (default training)",
      "  --public-key KEY     API member public key (default: random)",
      "  --private-key KEY    API member private key (default: random)",
      "  --client-id GUID     accepted client ID (default: random)",
      "  --codebase NAME      codebase (default v4_6_release/)",
      "  --cloud              answer bad credentials with a bare 404, as cloud sites do",
      "  --help               show this help");

  /** Exit code when the options are wrong; the message and the usage go to stderr. */
  static final int USAGE_ERROR = 2;

  /** Exit code when the server cannot listen (port taken, address not of this computer). */
  static final int CANNOT_LISTEN = 3;

  private static final int DEFAULT_PORT = 18080;

  /** Waits while the started simulator serves; returning stops it. */
  @FunctionalInterface
  interface Waiter {
    void await(ConnectWiseSimulator simulator) throws InterruptedException;
  }

  /** Where the server listens; kept apart from the builder so that errors can name them. */
  static final class Listen {
    int port = DEFAULT_PORT;
    InetAddress address = InetAddress.getLoopbackAddress();
  }

  private StandaloneSimulator() {}

  /**
   * Starts the server, prints how to reach it and waits until the process is stopped. Wrong
   * options exit with 2 and a port that cannot be used with 3, each after one line on stderr.
   *
   * @param args the command-line options; {@code --help} lists them
   * @throws InterruptedException when the waiting main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int code = run(args, System.out, System.err, StandaloneSimulator::untilProcessStops);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the standalone server: parses the options, starts, describes it on {@code out} and
   * waits on {@code untilStopped}; the simulator is closed when that returns.
   *
   * @return 0, {@link #USAGE_ERROR} or {@link #CANNOT_LISTEN}
   */
  static int run(String[] args, PrintStream out, PrintStream err, Waiter untilStopped)
      throws InterruptedException {
    ConnectWiseSimulator.Builder builder = ConnectWiseSimulator.builder();
    Listen listen = new Listen();
    ConnectWiseSimulator simulator;
    try {
      if (!configure(builder, listen, args, out)) {
        return 0;
      }
      simulator = builder.port(listen.port).bindAddress(listen.address).build();
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println(USAGE);
      err.flush();
      return USAGE_ERROR;
    }
    try {
      simulator.start();
    } catch (UncheckedIOException e) {
      err.println("Error: " + cannotListen(listen, e.getCause()));
      err.flush();
      return CANNOT_LISTEN;
    }
    try (simulator) {
      describe(simulator, out);
      untilStopped.await(simulator);
    }
    return 0;
  }

  private static void untilProcessStops(ConnectWiseSimulator simulator) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    // The hook closes the simulator itself: the JVM may halt before this thread runs again.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "connectwise-simulator-shutdown"));
    stopped.await();
  }

  /** The one line that says why the server cannot listen and which option fixes it. */
  static String cannotListen(Listen listen, IOException cause) {
    String reason = cause == null || cause.getMessage() == null
        ? String.valueOf(cause) : cause.getMessage();
    if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
      return "Port " + listen.port + " cannot be used (" + reason + "): it is probably taken by"
          + " another program or simulator; choose another with --port, or --port 0 for a free one";
    }
    if (!listen.address.isAnyLocalAddress() && !listen.address.isLoopbackAddress()) {
      return "Cannot listen on " + listen.address.getHostAddress() + ":" + listen.port + " ("
          + reason + "): --bind must be an address of this computer, such as 127.0.0.1 or 0.0.0.0";
    }
    return "Port " + listen.port + " cannot be used (" + reason + "): choose another with --port,"
        + " or --port 0 for a free one";
  }

  /** Applies the options; false when only help was asked for. */
  static boolean configure(
      ConnectWiseSimulator.Builder builder, Listen listen, String[] args, PrintStream out) {
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help":
        case "-h":
          out.println(USAGE);
          return false;
        case "--cloud":
          builder.cloud(true);
          break;
        case "--port":
          listen.port = parsePort(value(args, ++i, option));
          break;
        case "--bind":
          listen.address = address(value(args, ++i, option));
          break;
        case "--company-id":
          builder.companyId(value(args, ++i, option));
          break;
        case "--public-key":
          builder.publicKey(value(args, ++i, option));
          break;
        case "--private-key":
          builder.privateKey(value(args, ++i, option));
          break;
        case "--client-id":
          builder.clientId(value(args, ++i, option));
          break;
        case "--codebase":
          builder.codebase(value(args, ++i, option));
          break;
        default:
          throw new IllegalArgumentException("Unknown option " + option + ": see the options below");
      }
    }
    return true;
  }

  static void describe(ConnectWiseSimulator simulator, PrintStream out) {
    out.println("ConnectWise simulator running. Stop it with Ctrl+C.");
    out.println("  Site URL:     " + simulator.baseUrl());
    out.println("  API base URL: " + simulator.apiUrl());
    out.println("  Company ID:   " + simulator.companyId());
    out.println("  Public key:   " + simulator.publicKey());
    out.println("  Private key:  " + simulator.privateKey());
    out.println("  Client ID:    " + simulator.clientId());
    out.println("  API member:   " + simulator.apiMemberIdentifier());
    out.flush();
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int parsePort(String text) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number, not " + text);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "--port must be between 0 and 65535 (0 picks a free port), not " + port);
    }
    return port;
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address " + text);
    }
  }
}
