package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.RateLimitedException;
import com.axcient.connectwise.client.ServerException;
import com.axcient.connectwise.client.TransportException;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertAcknowledger;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.InvalidRulesException;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the worker and the poller of one engine share. Thread-safe. */
public final class Context {

  private static final Logger LOG = LoggerFactory.getLogger("com.axcient.connectwise.ticketing");

  final String site;
  final StateStore store;
  final TicketingOptions options;
  final Clock clock;
  final SiteGuard guard;
  final AlertAcknowledger acknowledger;
  final String apiMemberIdentifier;
  private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
  private volatile ConnectWiseClient client;
  private volatile TicketingSettings settings;
  private volatile Map<EventClass, ResolvedRule> resolved;

  /**
   * Creates the context.
   *
   * @param site the site key
   * @param store the state store
   * @param options the engine's options
   * @param clock the clock
   * @param acknowledger the product's acknowledger
   * @param client the ConnectWise client
   * @param apiMemberIdentifier the API member whose default board applies
   * @param settings the settings to start with, resolved on first use
   */
  public Context(
      String site,
      StateStore store,
      TicketingOptions options,
      Clock clock,
      AlertAcknowledger acknowledger,
      ConnectWiseClient client,
      String apiMemberIdentifier,
      TicketingSettings settings) {
    this.site = site;
    this.store = store;
    this.options = options;
    this.clock = clock;
    this.acknowledger = acknowledger;
    this.client = client;
    this.apiMemberIdentifier = apiMemberIdentifier;
    this.settings = settings;
    this.guard = SiteGuard.of(site, options);
  }

  /** The current settings. */
  public TicketingSettings settings() {
    return settings;
  }

  /**
   * Replaces the settings with already resolved ones.
   *
   * @param settings the settings
   * @param rules their resolved rules, or {@code null} to resolve on first use
   */
  public void settings(TicketingSettings settings, Map<EventClass, ResolvedRule> rules) {
    this.resolved = rules;
    this.settings = settings;
  }

  /** The current client. */
  public ConnectWiseClient client() {
    return client;
  }

  /**
   * Replaces the client, such as after new credentials; rules are resolved again on first use.
   *
   * @param client the new client
   * @return the old client, to close
   */
  public ConnectWiseClient client(ConnectWiseClient client) {
    ConnectWiseClient old = this.client;
    this.client = client;
    this.resolved = null;
    return old;
  }

  /** The site key. */
  public String site() {
    return site;
  }

  /** The state store. */
  public StateStore store() {
    return store;
  }

  /** The engine's options. */
  public TicketingOptions options() {
    return options;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The site's guard. */
  public SiteGuard guard() {
    return guard;
  }

  /** The last error of each site seen by this engine. */
  public Map<String, String> lastErrors() {
    return Map.copyOf(lastErrors);
  }

  void error(String reason) {
    lastErrors.put(site, clock.instant() + " " + reason);
  }

  Instant now() {
    return clock.instant();
  }

  Logger log() {
    return LOG;
  }

  /**
   * The resolved rules of the current settings, resolving them against ConnectWise if needed.
   *
   * @return the rules
   * @throws InvalidRulesException when ConnectWise no longer fits the settings
   */
  Map<EventClass, ResolvedRule> rules() {
    Map<EventClass, ResolvedRule> rules = resolved;
    if (rules == null) {
      TicketingSettings current = settings;
      RuleResolver.Resolution r =
          call(() -> new RuleResolver(client, apiMemberIdentifier).resolve(current));
      if (!r.problems().isEmpty()) {
        throw new InvalidRulesException(r.problems());
      }
      rules = r.rules();
      if (settings == current) {
        resolved = rules;
      }
    }
    return rules;
  }

  Optional<ResolvedRule> rule(EventClass eventClass) {
    return Optional.ofNullable(rules().get(eventClass));
  }

  /**
   * Sends requests through the site's rate limiter and circuit breaker.
   *
   * @param request the request(s)
   * @param <T> the result type
   * @return the result
   * @throws Throttled when the limiter or breaker holds the request back
   */
  <T> T call(Supplier<T> request) {
    SiteGuard.Permit permit = guard.enter(now());
    try {
      T result = request.get();
      guard.onAnswer(permit, now());
      return result;
    } catch (RateLimitedException e) {
      guard.onRateLimited(permit, now(), e.retryAfter().orElse(Duration.ofSeconds(5)));
      throw e;
    } catch (TransportException | ServerException e) {
      guard.onFailure(permit, now());
      throw e;
    } catch (ConnectWiseException e) {
      // Any other answer, a refusal of the credentials included, shows the site is up.
      guard.onAnswer(permit, now());
      throw e;
    } finally {
      guard.exit(permit);
    }
  }

  void run(Runnable request) {
    call(
        () -> {
          request.run();
          return null;
        });
  }

  /**
   * Pauses the site after ConnectWise refused the credentials or permissions.
   *
   * @param e the refusal
   */
  void pause(ConnectWiseException e) {
    String reason =
        e instanceof PermissionException
            ? "ConnectWise refused a request (403): the API member's security role lacks a"
                + " permission for "
                + e.method()
                + " "
                + e.path()
                + "; grant it and save the settings again"
            : "ConnectWise refused the API keys (401): enter valid keys and save the settings"
                + " again";
    store.sitePauses().pause(site, reason, now(), Optional.empty());
    error(reason);
    LOG.warn("Ticketing paused for the site: {}", reason);
  }

  /**
   * A redacted description of a ConnectWise failure: no payloads, no server text.
   *
   * @param e the failure
   * @return the description
   */
  static String describe(ConnectWiseException e) {
    StringBuilder b =
        new StringBuilder(e.getClass().getSimpleName())
            .append(" on ")
            .append(e.method())
            .append(' ')
            .append(e.path());
    e.status().ifPresent(s -> b.append(" status ").append(s));
    e.errorCode().ifPresent(c -> b.append(" code ").append(Texts.forLog(c)));
    if (!e.fieldErrors().isEmpty()) {
      b.append(" fields ")
          .append(
              e.fieldErrors().stream()
                  .map(f -> Texts.forLog(f.field().orElse("?")))
                  .collect(Collectors.joining(",")));
    }
    e.requestId().ifPresent(r -> b.append(" request ").append(Texts.forLog(r)));
    return b.toString();
  }

  static Optional<Instant> lastUpdated(Ticket ticket) {
    String value = ticket.info().get("lastUpdated");
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
