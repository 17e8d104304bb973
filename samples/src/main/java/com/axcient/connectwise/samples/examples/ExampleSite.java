package com.axcient.connectwise.samples.examples;

import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an example runs. With a site on the command line, the example connects to that ConnectWise
 * site with the credentials in the environment ({@code CW_COMPANY_ID}, {@code CW_PUBLIC_KEY},
 * {@code CW_PRIVATE_KEY}, {@code CW_CLIENT_ID}, {@code CW_MEMBER}); the site may be a simulator
 * started with {@code connectwise-samples simulator}, such as {@code http://127.0.0.1:18080}.
 * Without one it starts a simulated ConnectWise on this machine and stops it at the end, so that an
 * example runs anywhere.
 */
public final class ExampleSite implements AutoCloseable {

  /** Exit code of a missing or wrong setting, as the command-line tool's. */
  static final int WRONG_SETTING = 2;
  /** Exit code when ConnectWise could not be used, as the command-line tool's. */
  static final int FAILED = 3;

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

  private final Optional<ConnectWiseSimulator> simulator;
  private final String url;
  private final String companyId;
  private final String publicKey;
  private final Secret privateKey;
  private final String clientId;
  private final String apiMember;

  private ExampleSite(
      Optional<ConnectWiseSimulator> simulator,
      String url,
      String companyId,
      String publicKey,
      Secret privateKey,
      String clientId,
      String apiMember) {
    this.simulator = simulator;
    this.url = url;
    this.companyId = companyId;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.clientId = clientId;
    this.apiMember = apiMember;
  }

  /**
   * The site named by the first argument, or a simulator started now when there is none.
   *
   * @param args the example's arguments: nothing, or the ConnectWise site such as {@code
   *     na.myconnectwise.net}
   * @return the site; close it to stop the simulator
   * @throws SettingException naming every environment variable that is missing, or a remote site
   *     given with {@code http://}
   */
  public static ExampleSite from(String[] args) {
    if (args.length == 0) {
      ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start();
      return new ExampleSite(
          Optional.of(cw),
          cw.baseUrl(),
          cw.companyId(),
          cw.publicKey(),
          Secret.of(cw.privateKey()),
          cw.clientId(),
          cw.apiMemberIdentifier());
    }
    List<String> missing = new ArrayList<>();
    String companyId = env("CW_COMPANY_ID", missing);
    String publicKey = env("CW_PUBLIC_KEY", missing);
    String privateKey = env("CW_PRIVATE_KEY", missing);
    String clientId = env("CW_CLIENT_ID", missing);
    String member = env("CW_MEMBER", missing);
    if (!missing.isEmpty()) {
      throw new SettingException(
          String.join(", ", missing) + " not set: export the site's credentials as environment"
              + " variables (a simulator prints the line to copy), or run the example without"
              + " arguments to use a simulator");
    }
    if (args[0].strip().toLowerCase(Locale.ROOT).startsWith("http://") && !isLoopback(args[0])) {
      throw new SettingException(
          "site '" + args[0].strip() + "' uses plain http: a remote ConnectWise must be reached"
              + " over https (plain http is allowed only for a simulator on this machine:"
              + " 127.0.0.1, localhost or ::1)");
    }
    return new ExampleSite(
        Optional.empty(), args[0], companyId, publicKey, Secret.of(privateKey), clientId, member);
  }

  /**
   * A value the example needs only on a site given as the argument, such as the company of its
   * tickets.
   *
   * @param variable the environment variable that holds it on such a site
   * @param onSimulator the value that fits the simulator's seeded data
   * @param what what the value is, for the message when it is missing
   * @return the value
   * @throws SettingException when the site is given and the variable is not set
   */
  public String value(String variable, String onSimulator, String what) {
    if (isSimulator()) {
      return onSimulator;
    }
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new SettingException(
          variable + " is not set: export " + what + " (on the simulator: " + onSimulator + ")");
    }
    return value.strip();
  }

  /**
   * A number the example needs only on a site given as the argument, such as the id of an
   * agreement.
   *
   * @param variable the environment variable that holds it on such a site
   * @param onSimulator the value that fits the simulator's seeded data
   * @param what what the value is, for the message when it is missing or not a number
   * @return the number
   * @throws SettingException when the site is given and the variable is not set or not a number
   */
  public long number(String variable, long onSimulator, String what) {
    String value = value(variable, Long.toString(onSimulator), what);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SettingException(
          variable + " is '" + value + "', not a number: export " + what + ", such as " + onSimulator);
    }
  }

  /**
   * Runs an example's {@code main}. A missing or wrong setting, or a ConnectWise that cannot be
   * used, ends it with one line on standard error and exit code 2 or 3 (as the command-line
   * tool's) instead of a stack trace.
   *
   * @param example the example's work
   */
  public static void runOrExit(Runnable example) {
    int exitCode = exitCode(example, System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** Runs the example; its failure as one line on {@code err} and an exit code, 0 on success. */
  static int exitCode(Runnable example, PrintStream err) {
    try {
      example.run();
      return 0;
    } catch (SettingException | IllegalArgumentException wrong) {
      // The settings builders name the field and the fix in their IllegalArgumentException.
      err.println("Error: " + wrong.getMessage());
      return WRONG_SETTING;
    } catch (ConnectWiseException failed) {
      err.println("Error: " + failed.getMessage());
      return FAILED;
    }
  }

  /**
   * Whether this is the simulator the example started.
   *
   * @return {@code true} without a site on the command line
   */
  public boolean isSimulator() {
    return simulator.isPresent();
  }

  /**
   * Whether the site is on this machine: the simulator the example started, or a site at
   * 127.0.0.1, localhost or ::1, such as a simulator started with {@code connectwise-samples
   * simulator}. Only such a site may be reached over plain http.
   *
   * @return {@code true} for the simulator or a loopback host
   */
  public boolean isLocal() {
    return isSimulator() || isLoopback(url);
  }

  /**
   * The simulator, to act in it as a technician would.
   *
   * @return the simulator; empty on a real site
   */
  public Optional<ConnectWiseSimulator> simulator() {
    return simulator;
  }

  /**
   * The site as given (the simulator's is an {@code http://} URL).
   *
   * @return the site
   */
  public String url() {
    return url;
  }

  /**
   * The company ID of ConnectWise's login page.
   *
   * @return the company ID
   */
  public String companyId() {
    return companyId;
  }

  /**
   * The API member's public key.
   *
   * @return the public key
   */
  public String publicKey() {
    return publicKey;
  }

  /**
   * The API member's private key.
   *
   * @return the private key, which never prints
   */
  public Secret privateKey() {
    return privateKey;
  }

  /**
   * The product's client ID.
   *
   * @return the client ID
   */
  public String clientId() {
    return clientId;
  }

  /**
   * The API member's member ID.
   *
   * @return the member ID, such as {@code BackupAPI}
   */
  public String apiMember() {
    return apiMember;
  }

  /** Stops the simulator, if the example started one. */
  @Override
  public void close() {
    simulator.ifPresent(ConnectWiseSimulator::close);
  }

  @Override
  public String toString() {
    return isSimulator() ? "a simulated ConnectWise at " + url : "ConnectWise at " + url;
  }

  /**
   * Whether the site's host is 127.0.0.1, localhost or ::1. Plain http to it never leaves this
   * machine, so a simulator there may speak it; a remote site must be reached over HTTPS.
   */
  static boolean isLoopback(String site) {
    String text = site.strip();
    try {
      String host = new URI(text.contains("://") ? text : "https://" + text).getHost();
      if (host == null) {
        return false;
      }
      host = host.toLowerCase(Locale.ROOT);
      return LOOPBACK.contains(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (URISyntaxException e) {
      return false; // not a URL: the client's builder says what is wrong with it
    }
  }

  private static String env(String name, List<String> missing) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      missing.add(name);
      return "";
    }
    return value.strip();
  }

  /** A missing or wrong setting of an example; the message names the variable and the fix. */
  public static final class SettingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SettingException(String message) {
      super(message);
    }
  }
}
