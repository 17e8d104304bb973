package com.axcient.connectwise.integration.ticketing;

import com.axcient.connectwise.client.CallbackPayload;
import com.axcient.connectwise.client.CallbackRejectedException;
import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.integration.core.runtime.IntegrationRuntime;
import com.axcient.connectwise.integration.core.runtime.Job;
import com.axcient.connectwise.integration.core.runtime.JobResult;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.NewOutboxItem;
import com.axcient.connectwise.integration.core.state.OutboxCounts;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.internal.AlertWorker;
import com.axcient.connectwise.integration.ticketing.internal.ClosePoller;
import com.axcient.connectwise.integration.ticketing.internal.Context;
import com.axcient.connectwise.integration.ticketing.internal.EventCodec;
import com.axcient.connectwise.integration.ticketing.internal.RuleResolver;
import com.axcient.connectwise.integration.ticketing.internal.SiteGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns product alerts into ConnectWise service tickets, and tickets closed in ConnectWise into
 * acknowledged alerts. One engine per ConnectWise site; thread-safe.
 *
 * <p>{@link #accept(AlertEvent)} commits the event to the durable outbox and returns; the outbox
 * worker ({@link #drain()}, or the {@code ticketing-outbox} job on an {@link IntegrationRuntime})
 * sends it to ConnectWise with retries, and the poller ({@link #pollOnce()}, or the {@code
 * ticketing-poll} job) finds tickets closed in ConnectWise.
 *
 * <pre>{@code
 * TicketingEngine engine = TicketingEngine.builder()
 *     .psaSettings(psaSettings)
 *     .clientId(REGISTERED_CLIENT_ID)
 *     .stateStore(JdbcStateStore.h2File(dataFolder))
 *     .options(TicketingOptions.builder(installId).build())
 *     .acknowledger((alertId, ticket) -> alerts.acknowledge(alertId))
 *     .build();
 * engine.applySettings(ticketingSettings);   // checked against ConnectWise
 * runtime.register(engine.outboxJob());
 * runtime.register(engine.pollJob());
 * engine.accept(event);                      // durable when it returns
 * }</pre>
 */
public final class TicketingEngine implements AutoCloseable {

  /** The most dead letters {@link #deadLetters()} returns. */
  public static final int MAX_DEAD_LETTERS_LISTED = 1000;

  private static final int MAX_DRAIN_RUNS = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger("com.axcient.connectwise.ticketing");

  private final Context cx;
  private final AlertWorker worker;
  private final ClosePoller poller;
  private final String clientId;
  private final Consumer<ConnectWiseClient.Builder> clientCustomizer;
  private final Clock clock;
  private final SiteGuard guard;
  private volatile PsaSettings psaSettings;

  private TicketingEngine(Builder b) {
    this.psaSettings = Objects.requireNonNull(b.psaSettings, "psaSettings");
    this.clientId = Objects.requireNonNull(b.clientId, "clientId");
    this.clientCustomizer = b.clientCustomizer;
    Objects.requireNonNull(b.stateStore, "stateStore");
    Objects.requireNonNull(b.options, "options");
    Objects.requireNonNull(b.acknowledger, "acknowledger");
    this.clock = b.clock;
    String site = siteKey(psaSettings);
    this.guard = SiteGuard.of(site, b.options);
    ConnectWiseClient client = newClient(psaSettings);
    this.cx =
        new Context(
            site,
            b.stateStore,
            b.options,
            b.clock,
            b.acknowledger,
            client,
            psaSettings.apiMemberIdentifier(),
            b.settings);
    this.worker = new AlertWorker(cx);
    this.poller = new ClosePoller(cx);
  }

  /**
   * A builder; PSA settings, client ID, state store, options and acknowledger are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private ConnectWiseClient newClient(PsaSettings settings) {
    ConnectWiseClient.Builder builder =
        settings
            .clientBuilder(clientId)
            // Short in-process retries of safe requests; long waits belong in the outbox.
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .baseDelay(Duration.ofMillis(500))
                    .maxDelay(Duration.ofSeconds(5))
                    .maxRetryAfter(Duration.ofSeconds(5))
                    // Each repeat the client sends draws a token from the site's rate limiter.
                    .sleeper(
                        delay -> {
                          RetryPolicy.Sleeper.system().sleep(delay);
                          guard.chargeRetry(clock.instant());
                        })
                    .build());
    clientCustomizer.accept(builder);
    return builder.build();
  }

  private static String siteKey(PsaSettings settings) {
    return ConnectWiseClient.siteUrl(settings.site(), settings.allowInsecureHttp())
            .toLowerCase(Locale.ROOT)
        + "|"
        + settings.companyId().toLowerCase(Locale.ROOT);
  }

  /**
   * The site this engine works for, as recorded in the state store: the API host and company ID.
   *
   * @return the site key
   */
  public String site() {
    return cx.site();
  }

  /**
   * Accepts one alert event: when this returns the event is committed to the outbox and will be
   * sent even if the process stops right after. Does nothing while ticketing is off.
   *
   * @param event the event
   * @return {@code true} when accepted, {@code false} when ticketing is off
   * @throws com.axcient.connectwise.integration.core.state.StateStoreException when the database
   *     failed; the event was not accepted
   */
  public boolean accept(AlertEvent event) {
    return acceptAll(List.of(event)) == 1;
  }

  /**
   * Accepts several alert events in one transaction (all or none), in list order.
   *
   * @param events the events
   * @return how many were accepted: all of them, or none while ticketing is off
   */
  public int acceptAll(List<AlertEvent> events) {
    Objects.requireNonNull(events, "events");
    if (!cx.settings().enabled() || events.isEmpty()) {
      return 0;
    }
    List<NewOutboxItem> items =
        events.stream()
            .map(
                e ->
                    NewOutboxItem.of(
                        cx.site(), e.alertId(), AlertWorker.KIND_EVENT, EventCodec.encode(e)))
            .collect(Collectors.toList());
    cx.store().outbox().enqueueAll(items);
    return items.size();
  }

  /**
   * Checks ticketing settings against ConnectWise without applying them.
   *
   * @param settings the settings
   * @return every problem, empty when the settings fit
   * @throws ConnectWiseException when ConnectWise cannot be read
   */
  public List<RuleProblem> validate(TicketingSettings settings) {
    return new RuleResolver(cx.client(), psaSettings.apiMemberIdentifier())
        .resolve(settings)
        .problems();
  }

  /**
   * Checks settings against ConnectWise and, when they fit, applies them; queued events are
   * handled with the new rules. Applying them also resumes the site if it was paused after a 401 or
   * 403, as the pause's reason asks the user to save the settings again once fixed.
   *
   * @param settings the settings
   * @throws InvalidRulesException when a rule does not fit; nothing was applied
   * @throws ConnectWiseException when ConnectWise cannot be read; nothing was applied
   */
  public void applySettings(TicketingSettings settings) {
    RuleResolver.Resolution r =
        new RuleResolver(cx.client(), psaSettings.apiMemberIdentifier()).resolve(settings);
    if (!r.problems().isEmpty()) {
      throw new InvalidRulesException(r.problems());
    }
    cx.settings(settings, r.rules());
    if (cx.store().sitePauses().resume(cx.site())) {
      LOG.info("Ticketing resumed for the site: the settings were saved again");
    }
  }

  /**
   * Applies settings checked before (such as the saved settings at start-up) without contacting
   * ConnectWise; their defaults are looked up when the worker first needs them.
   *
   * @param settings the settings
   */
  public void restoreSettings(TicketingSettings settings) {
    cx.settings(Objects.requireNonNull(settings, "settings"), null);
  }

  /**
   * The settings in force.
   *
   * @return the settings
   */
  public TicketingSettings settings() {
    return cx.settings();
  }

  /**
   * Uses new ConnectWise credentials (same site) and resumes the site if it was paused after a
   * refusal.
   *
   * @param settings the new PSA settings
   * @throws IllegalArgumentException when they are for another site or company
   */
  public void updateConnection(PsaSettings settings) {
    if (!siteKey(settings).equals(cx.site())) {
      throw new IllegalArgumentException(
          "psaSettings: the site or company ID changed; build a new engine for another site");
    }
    ConnectWiseClient client = newClient(settings);
    this.psaSettings = settings;
    cx.client(client).close();
    cx.store().sitePauses().resume(cx.site());
  }

  /**
   * Resumes the site after a pause, such as after the API member's role was fixed in ConnectWise.
   *
   * @return {@code false} when the site was not paused
   */
  public boolean resume() {
    return cx.store().sitePauses().resume(cx.site());
  }

  /**
   * Handles one batch of due events: claims up to {@link TicketingOptions#batchSize()} events and
   * sends them. Never sleeps.
   *
   * @return how many events were claimed
   */
  public int runOnce() {
    return worker.runOnce();
  }

  /**
   * Handles due events until none is left (events waiting for a later time stay queued).
   *
   * @return how many events were claimed in all
   */
  public int drain() {
    int total = 0;
    for (int i = 0; i < MAX_DRAIN_RUNS; i++) {
      int n = worker.runOnce();
      if (n == 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /**
   * Looks for linked tickets closed in ConnectWise and acknowledges their alerts.
   *
   * @return how many alerts were acknowledged
   */
  public int pollOnce() {
    return poller.pollOnce();
  }

  /**
   * Handles a callback ConnectWise posted for a ticket: verifies its signature, then re-reads the
   * ticket and acknowledges its alert if it was closed. Safe to call for any callback.
   *
   * @param rawBody the request body exactly as received
   * @param signature the {@code x-content-signature} header
   * @return whether an alert was acknowledged
   * @throws CallbackRejectedException when the signature is wrong; answer the request with 401
   * @throws ConnectWiseException when the signing key or the ticket cannot be read
   */
  public boolean receiveCallback(byte[] rawBody, String signature) {
    CallbackPayload payload = cx.client().callbackReceiver().receive(rawBody, signature);
    return poller.onCallback(payload);
  }

  /**
   * The job that runs the outbox worker every {@link TicketingOptions#workerInterval()}.
   *
   * @return the job, named {@code ticketing-outbox}
   */
  public Job outboxJob() {
    return Job.every(
        "ticketing-outbox",
        cx.options().workerInterval(),
        () -> JobResult.of(drain() + " alert events handled"));
  }

  /**
   * The job that polls ConnectWise every {@link TicketingOptions#pollInterval()}.
   *
   * @return the job, named {@code ticketing-poll}
   */
  public Job pollJob() {
    return Job.every(
        "ticketing-poll",
        cx.options().pollInterval(),
        () -> JobResult.of(pollOnce() + " alerts acknowledged"));
  }

  /**
   * A snapshot for a status page.
   *
   * @return the status
   */
  public TicketingStatus status() {
    OutboxCounts counts = cx.store().outbox().counts();
    return new TicketingStatus(
        cx.settings().enabled(),
        counts.pending(),
        counts.claimed(),
        counts.dead(),
        counts.oldestPendingSince(),
        cx.store().sitePauses().all().stream()
            .filter(p -> p.isActive(cx.clock().instant()))
            .collect(Collectors.toList()),
        cx.lastErrors(),
        cx.guard().circuitOpen(cx.clock().instant()));
  }

  /**
   * This site's dead letters, oldest first.
   *
   * @return at most {@value #MAX_DEAD_LETTERS_LISTED} dead letters
   */
  public List<DeadLetter> deadLetters() {
    return cx.store().outbox().deadLetters(Optional.of(cx.site()), MAX_DEAD_LETTERS_LISTED).stream()
        .map(
            i ->
                new DeadLetter(
                    i.id(),
                    i.partitionKey().endsWith(AlertWorker.OPEN_PARTITION_SUFFIX)
                        ? i.partitionKey()
                            .substring(
                                0,
                                i.partitionKey().length()
                                    - AlertWorker.OPEN_PARTITION_SUFFIX.length())
                        : i.partitionKey(),
                    i.attempts(),
                    i.createdAt(),
                    i.lastError().orElse("")))
        .collect(Collectors.toList());
  }

  /**
   * Puts all of this site's dead letters back in the queue, due now.
   *
   * @return how many were replayed
   */
  public int replayDeadLetters() {
    return cx.store().outbox().replayDeadLetters(Optional.of(cx.site()), cx.clock().instant());
  }

  /**
   * Puts one dead letter back in the queue, due now.
   *
   * @param id the dead letter's {@link DeadLetter#id()}
   * @return {@code false} when there is no dead letter with that ID
   */
  public boolean replayDeadLetter(long id) {
    return cx.store().outbox().replayDeadLetter(id, cx.clock().instant());
  }

  /** Closes the ConnectWise client; the state store belongs to the caller and stays open. */
  @Override
  public void close() {
    cx.client().close();
  }

  @Override
  public String toString() {
    return "TicketingEngine[site=" + cx.site() + "]";
  }

  /** Builds a {@link TicketingEngine}. */
  public static final class Builder {
    private PsaSettings psaSettings;
    private String clientId;
    private StateStore stateStore;
    private TicketingOptions options;
    private AlertAcknowledger acknowledger;
    private Clock clock = Clock.systemUTC();
    private Consumer<ConnectWiseClient.Builder> clientCustomizer = b -> {};
    private TicketingSettings settings = TicketingSettings.off();

    private Builder() {}

    /**
     * Sets the ConnectWise connection.
     *
     * @param psaSettings the user's PSA settings
     * @return this builder
     */
    public Builder psaSettings(PsaSettings psaSettings) {
      this.psaSettings = psaSettings;
      return this;
    }

    /**
     * Sets the client ID the product registered with ConnectWise.
     *
     * @param clientId the client ID
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the durable state; shared with the other modules, closed by the caller.
     *
     * @param stateStore the store
     * @return this builder
     */
    public Builder stateStore(StateStore stateStore) {
      this.stateStore = stateStore;
      return this;
    }

    /**
     * Sets the options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(TicketingOptions options) {
      this.options = options;
      return this;
    }

    /**
     * Sets the product's acknowledger.
     *
     * @param acknowledger called when a ticket is closed in ConnectWise
     * @return this builder
     */
    public Builder acknowledger(AlertAcknowledger acknowledger) {
      this.acknowledger = acknowledger;
      return this;
    }

    /**
     * Sets the clock; every time the engine records or compares comes from it.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Changes the ConnectWise client before it is built, such as its timeouts or its retry
     * policy. Called again whenever the connection is updated.
     *
     * @param customizer changes to the client builder
     * @return this builder
     */
    public Builder clientCustomizer(Consumer<ConnectWiseClient.Builder> customizer) {
      this.clientCustomizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Sets the ticketing settings to start with, as {@link TicketingEngine#restoreSettings}
     * does; off by default.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(TicketingSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The engine. Makes no request.
     *
     * @return the engine
     * @throws NullPointerException when a required part is missing; the message names it
     */
    public TicketingEngine build() {
      return new TicketingEngine(this);
    }
  }
}
