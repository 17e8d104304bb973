package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.Actor;
import com.axcient.connectwise.testkit.internal.CallbackDispatcher;
import com.axcient.connectwise.testkit.internal.Change;
import com.axcient.connectwise.testkit.internal.FaultTable;
import com.axcient.connectwise.testkit.internal.HttpFront;
import com.axcient.connectwise.testkit.internal.DeliveryRecord;
import com.axcient.connectwise.testkit.internal.Seeder;
import com.axcient.connectwise.testkit.internal.ServerHost;
import com.axcient.connectwise.testkit.internal.Settings;
import com.axcient.connectwise.testkit.internal.Site;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated ConnectWise PSA (Manage) site on a local port: seeded records, authentication and
 * the client ID check, company-info discovery, the resources an integration uses with
 * ConnectWise's query grammar, paging, validation and error bodies, signed callbacks, scripted
 * faults and a journal of what it received.
 *
 * <pre>{@code
 * try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
 *   ConnectWiseClient client = ConnectWiseClient.builder()
 *       .site(cw.baseUrl()).companyId(cw.companyId())
 *       .publicKey(cw.publicKey()).privateKey(Secret.of(cw.privateKey()))
 *       .clientId(cw.clientId())
 *       ...
 * }
 * }</pre>
 *
 * <p>It is thread-safe: requests on many connections at once, and the data, fault and journal
 * APIs from any thread. It speaks plain HTTP on the loopback interface unless told otherwise.
 */
public final class ConnectWiseSimulator implements AutoCloseable {

  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Settings settings;
  private final InetAddress address;
  private final int requestedPort;
  private final Site site;
  private final FaultTable faultTable = new FaultTable();
  private final Faults faults;
  private final Journal journal;
  private final Callbacks callbacks;
  private final CallbackDispatcher dispatcher;
  private final ServerHost host;
  private final Map<Long, RolePermissions> roles = new ConcurrentHashMap<>();
  private volatile boolean started;

  private ConnectWiseSimulator(Builder builder) {
    this.settings = new Settings(builder.companyId, builder.publicKey, builder.privateKey,
        builder.clientId, builder.codebase, builder.cloud);
    this.address = builder.address;
    this.requestedPort = builder.port;
    this.journal = new Journal(builder.journalCapacity);
    this.faults = new Faults(faultTable, this);
    this.site = new Site(builder.clock, this::announce);
    this.dispatcher = new CallbackDispatcher(site, builder.companyId, this::apiUrl, this::recordDelivery);
    this.callbacks = new Callbacks(dispatcher, builder.journalCapacity);
    HttpFront front = new HttpFront(settings, site, faultTable, dispatcher,
        (permission, access) -> apiMemberRole().allows(permission, access), journal::record,
        this::drainServerQueue);
    this.host = new ServerHost(address, front);
  }

  /** The site and the callback dispatcher need each other; saves reach the dispatcher through here. */
  private void announce(Change change) {
    dispatcher.onChange(change);
  }

  private void recordDelivery(DeliveryRecord record) {
    callbacks.record(record);
  }

  private void drainServerQueue() {
    host.drainRecordedRequests();
  }

  /**
   * A builder with a company ID of {@code training}, random keys and client ID, codebase {@code
   * v4_6_release/}, a free loopback port and the system clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Listens and seeds the data. The seeded records are stamped 30 days before the clock's now.
   *
   * @return this simulator
   * @throws IllegalStateException when already started
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  public synchronized ConnectWiseSimulator start() {
    if (started) {
      throw new IllegalStateException("Already started");
    }
    host.start(requestedPort);
    site.apiUrl(apiUrl());
    settings.apiMemberId(Seeder.seed(site));
    started = true;
    return this;
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("Call start() first");
    }
  }

  /**
   * The site URL a client is configured with: scheme, host and port, no path.
   *
   * @return e.g. {@code http://127.0.0.1:54321}
   */
  public String baseUrl() {
    if (host.port() == 0) {
      throw new IllegalStateException("Call start() first");
    }
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + this.host.port();
  }

  /**
   * The API base URL: the site URL, the codebase and {@code apis/3.0}.
   *
   * @return e.g. {@code http://127.0.0.1:54321/v4_6_release/apis/3.0}
   */
  public String apiUrl() {
    return baseUrl() + "/" + settings.codebase() + "apis/3.0";
  }

  /**
   * The port listened on.
   *
   * @return the port
   */
  public int port() {
    requireStarted();
    return host.port();
  }

  /**
   * The company ID typed at login and sent in the Basic credentials.
   *
   * @return e.g. {@code training}
   */
  public String companyId() {
    return settings.companyId();
  }

  /**
   * The API member's public key.
   *
   * @return the public key
   */
  public String publicKey() {
    return settings.publicKey();
  }

  /**
   * The API member's private key.
   *
   * @return the private key
   */
  public String privateKey() {
    return settings.privateKey();
  }

  /**
   * The one client ID the simulator accepts in the {@code clientId} header.
   *
   * @return a GUID
   */
  public String clientId() {
    return settings.clientId();
  }

  /**
   * The codebase discovery returns and API paths must start with.
   *
   * @return e.g. {@code v4_6_release/}
   */
  public String codebase() {
    return settings.codebase();
  }

  /**
   * Moves the site to another codebase, as hosted sites do on upgrade: from now on discovery
   * returns the new one and requests to the old one answer 404 {@code Cannot route.
   * Codebase/company is invalid}.
   *
   * @param newCodebase e.g. {@code v2026_5/}; a missing trailing {@code /} is added
   */
  public void moveCodebase(String newCodebase) {
    settings.codebase(normaliseCodebase(newCodebase));
    if (started) {
      site.apiUrl(apiUrl());
    }
  }

  /**
   * Whether the simulator answers as a cloud site: bad credentials get a bare HTML 404, and
   * discovery and {@code /system/info} say {@code isCloud}.
   *
   * @return true in cloud mode
   */
  public boolean isCloud() {
    return settings.cloud();
  }

  /**
   * The {@code Authorization} header value for the API member, for raw HTTP requests.
   *
   * @return {@code Basic base64(companyId+publicKey:privateKey)}
   */
  public String authorizationHeader() {
    String credentials = companyId() + "+" + publicKey() + ":" + privateKey();
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The identifier of the API member, the member every API request acts as.
   *
   * @return the identifier
   */
  public String apiMemberIdentifier() {
    return Seeder.API_MEMBER;
  }

  /**
   * The identifier of the seeded technician {@link #data()} acts as by default.
   *
   * @return the identifier
   */
  public String technicianIdentifier() {
    return Seeder.TECHNICIAN;
  }

  /**
   * The clock every timestamp comes from.
   *
   * @return the clock given to the builder
   */
  public Clock clock() {
    return site.clock();
  }

  /**
   * Scripted faults: 429s, 5xx, dropped connections, latency, slow bodies, outages.
   *
   * @return the fault API
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The requests received.
   *
   * @return the journal
   */
  public Journal journal() {
    return journal;
  }

  /**
   * The records, as JSON, acting as the seeded technician.
   *
   * @return the data API
   */
  public SimulatorData data() {
    requireStarted();
    return new SimulatorData(site, () -> Actor.of(site.member(Seeder.TECHNICIAN)
        .orElseThrow(() -> new IllegalStateException("The seeded technician was deleted"))));
  }

  /**
   * Outgoing callbacks: deliveries made, the signing key.
   *
   * @return the callbacks API
   */
  public Callbacks callbacks() {
    return callbacks;
  }

  /**
   * The security role of the API member, to narrow its permissions.
   *
   * @return the role's permissions
   */
  public RolePermissions apiMemberRole() {
    return roleOf(Seeder.API_MEMBER);
  }

  /**
   * The security role of a member.
   *
   * @param memberIdentifier e.g. {@code jsmith}
   * @return the role's permissions, shared by every member with that role
   * @throws IllegalArgumentException when there is no such member
   */
  public RolePermissions roleOf(String memberIdentifier) {
    requireStarted();
    JsonNode member = site.member(memberIdentifier)
        .orElseThrow(() -> new IllegalArgumentException("No member " + memberIdentifier));
    long roleId = member.path("securityRole").path("id").asLong();
    String name = member.path("securityRole").path("name").asText();
    return roles.computeIfAbsent(roleId, id -> new RolePermissions(id, name));
  }

  void restoreRoles() {
    roles.values().forEach(RolePermissions::grantAll);
  }

  Outage beginOutage() {
    requireStarted();
    host.suspend();
    return new Outage(host::resume);
  }

  /** Stops listening and delivering callbacks. Closing twice does nothing. */
  @Override
  public void close() {
    host.close();
    dispatcher.close();
  }

  @Override
  public String toString() {
    return "ConnectWiseSimulator[" + (started ? baseUrl() : "not started") + ", company "
        + companyId() + ", codebase " + codebase() + "]";
  }

  private static String normaliseCodebase(String codebase) {
    Objects.requireNonNull(codebase, "codebase");
    String trimmed = codebase.startsWith("/") ? codebase.substring(1) : codebase;
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("The codebase must not be empty");
    }
    return trimmed.endsWith("/") ? trimmed : trimmed + "/";
  }

  /** Configures a {@link ConnectWiseSimulator}; every setting has a working default. */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private String companyId = "training";
    private String publicKey = randomKey();
    private String privateKey = randomKey();
    private String clientId = UUID.randomUUID().toString();
    private String codebase = "v4_6_release/";
    private boolean cloud;
    private int port;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private Clock clock = Clock.systemUTC();
    private int journalCapacity = 10_000;

    private Builder() {}

    private static String randomKey() {
      StringBuilder key = new StringBuilder(16);
      for (int i = 0; i < 16; i++) {
        key.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
      }
      return key.toString();
    }

    /**
     * The company ID (default {@code training}).
     *
     * @param value the company ID
     * @return this builder
     */
    public Builder companyId(String value) {
      this.companyId = requireText(value, "companyId");
      return this;
    }

    /**
     * The API member's public key (default: random).
     *
     * @param value the key
     * @return this builder
     */
    public Builder publicKey(String value) {
      this.publicKey = requireText(value, "publicKey");
      return this;
    }

    /**
     * The API member's private key (default: random).
     *
     * @param value the key
     * @return this builder
     */
    public Builder privateKey(String value) {
      this.privateKey = requireText(value, "privateKey");
      return this;
    }

    /**
     * The client ID the simulator accepts (default: a random GUID).
     *
     * @param value the client ID
     * @return this builder
     */
    public Builder clientId(String value) {
      this.clientId = requireText(value, "clientId");
      return this;
    }

    /**
     * The codebase (default {@code v4_6_release/}).
     *
     * @param value e.g. {@code v2026_4/}; a missing trailing {@code /} is added
     * @return this builder
     */
    public Builder codebase(String value) {
      this.codebase = normaliseCodebase(value);
      return this;
    }

    /**
     * Answers as a cloud site: bad credentials get a bare HTML 404 instead of a 401 (default
     * off).
     *
     * @param value true for cloud mode
     * @return this builder
     */
    public Builder cloud(boolean value) {
      this.cloud = value;
      return this;
    }

    /**
     * The port to listen on (default 0: a free port).
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("Not a port: " + value);
      }
      this.port = value;
      return this;
    }

    /**
     * The address to listen on (default: the loopback address).
     *
     * @param value the address; a wildcard address listens on every interface
     * @return this builder
     */
    public Builder bindAddress(InetAddress value) {
      this.address = Objects.requireNonNull(value, "address");
      return this;
    }

    /**
     * The clock for every timestamp (default: the system clock in UTC); tests pass a clock they
     * can move.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How many requests the journal keeps, and how many callback deliveries are kept (default
     * 10,000 each); older ones are forgotten.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder journalCapacity(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("journalCapacity must be at least 1");
      }
      this.journalCapacity = value;
      return this;
    }

    /**
     * A simulator with these settings, not yet listening.
     *
     * @return the simulator; call {@link ConnectWiseSimulator#start()}
     */
    public ConnectWiseSimulator build() {
      return new ConnectWiseSimulator(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
