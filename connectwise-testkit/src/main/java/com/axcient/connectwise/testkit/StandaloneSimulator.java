package com.axcient.connectwise.testkit;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
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

  private StandaloneSimulator() {}

  /**
   * Starts the server, prints how to reach it and waits until the process is stopped.
   *
   * @param args the command-line options; {@code --help} lists them
   * @throws InterruptedException when the waiting main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    ConnectWiseSimulator.Builder builder = ConnectWiseSimulator.builder().port(18080);
    try {
      if (!configure(builder, args, System.out)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    ConnectWiseSimulator simulator = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "connectwise-simulator-shutdown"));
    describe(simulator, System.out);
    stopped.await();
  }

  /** Applies the options; false when only help was asked for. */
  static boolean configure(ConnectWiseSimulator.Builder builder, String[] args, PrintStream out) {
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
          builder.port(parsePort(value(args, ++i, option)));
          break;
        case "--bind":
          builder.bindAddress(address(value(args, ++i, option)));
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
          throw new IllegalArgumentException("Unknown option " + option);
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
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number, not " + text);
    }
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address " + text);
    }
  }
}
