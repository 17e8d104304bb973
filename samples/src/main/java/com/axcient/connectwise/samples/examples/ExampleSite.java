package com.axcient.connectwise.samples.examples;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an example runs. With a site on the command line, the example connects to that ConnectWise
 * site with the credentials in the environment ({@code CW_COMPANY_ID}, {@code CW_PUBLIC_KEY},
 * {@code CW_PRIVATE_KEY}, {@code CW_CLIENT_ID}, {@code CW_MEMBER}). Without one it starts a
 * simulated ConnectWise on this machine and stops it at the end, so that an example runs anywhere.
 */
public final class ExampleSite implements AutoCloseable {

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
   * @throws IllegalStateException naming every environment variable that is missing
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
      throw new IllegalStateException(
          String.join(", ", missing) + " not set: export the site's credentials as environment"
              + " variables, or run the example without arguments to use a simulator");
    }
    return new ExampleSite(
        Optional.empty(), args[0], companyId, publicKey, Secret.of(privateKey), clientId, member);
  }

  /**
   * A value the example needs only on a real site, such as the company of its tickets.
   *
   * @param variable the environment variable that holds it on a real site
   * @param onSimulator the value that fits the simulator's seeded data
   * @param what what the value is, for the message when it is missing
   * @return the value
   * @throws IllegalStateException when the site is real and the variable is not set
   */
  public String value(String variable, String onSimulator, String what) {
    if (isSimulator()) {
      return onSimulator;
    }
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(variable + " is not set: export " + what);
    }
    return value.strip();
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

  private static String env(String name, List<String> missing) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      missing.add(name);
      return "";
    }
    return value.strip();
  }
}
