package com.axcient.connectwise.integration.ticketing;

import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.MutableClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A simulated ConnectWise, an in-memory H2 state store and an engine, all on one movable clock.
 */
final class Harness implements AutoCloseable {

  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  final ConnectWiseSimulator cw = ConnectWiseSimulator.builder().clock(clock).build().start();
  final List<String> acknowledged = new CopyOnWriteArrayList<>();
  final String dbName = "t" + UUID.randomUUID().toString().replace("-", "");
  StateStore store = JdbcStateStore.h2InMemory(dbName, clock);
  TicketingEngine engine;

  Harness() {
    this(o -> o);
  }

  /**
   * With options changed for the first engine; they also set the site's shared limits (rate,
   * circuit breaker, retry budget), which the first engine of a site creates.
   */
  Harness(UnaryOperator<TicketingOptions.Builder> options) {
    engine = newEngine(store, "instance-a", options);
  }

  PsaSettings psaSettings() {
    return PsaSettings.builder()
        .site(cw.baseUrl())
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .apiMemberIdentifier(cw.apiMemberIdentifier())
        .allowInsecureHttp(true)
        .build();
  }

  TicketingEngine newEngine(
      StateStore state,
      String instanceId,
      UnaryOperator<TicketingOptions.Builder> options) {
    return TicketingEngine.builder()
        .psaSettings(psaSettings())
        .clientId(cw.clientId())
        .stateStore(state)
        .clock(clock)
        .options(
            options
                .apply(
                    TicketingOptions.builder("install-1")
                        .instanceId(instanceId)
                        .rateLimit(10_000, 10_000))
                .build())
        .acknowledger((alertId, ticket) -> acknowledged.add(alertId + "#" + ticket.ticketId()))
        .clientCustomizer(
            b ->
                b.readTimeout(Duration.ofSeconds(5))
                    .connectTimeout(Duration.ofSeconds(2))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> {}).build()))
        .build();
  }

  /** Ticketing on, with one rule per given rule. */
  void enable(TicketRule... rules) {
    TicketingSettings.Builder b = TicketingSettings.builder().enabled(true);
    for (TicketRule r : rules) {
      b.rule(r);
    }
    engine.applySettings(b.build());
  }

  static AlertEvent.Builder event(String alertId, AlertState state, Instant time) {
    return AlertEvent.builder()
        .alertId(alertId)
        .eventClass(EventClass.BACKUP_FAILED)
        .severity(AlertSeverity.ERROR)
        .device("ACME-APPLIANCE-7")
        .protectedSystem("ACME-FS01")
        .customer("acme")
        .deviceCompany("AcmeDental")
        .message("Backup of ACME-FS01 failed: snapshot timed out")
        .time(time)
        .state(state);
  }

  AlertEvent raise(String alertId) {
    return event(alertId, AlertState.RAISED, clock.instant()).build();
  }

  AlertEvent repeat(String alertId) {
    return event(alertId, AlertState.REPEATED, clock.instant()).build();
  }

  AlertEvent clear(String alertId) {
    return event(alertId, AlertState.CLEARED, clock.instant()).build();
  }

  /** The tickets carrying the alert's correlation key (any incident). */
  List<ObjectNode> ticketsOf(String alertId) {
    return cw.data().list("/service/tickets", "externalXRef like \"cwsync:install-1:" + alertId + ":%\"");
  }

  List<ObjectNode> notesOf(long ticketId) {
    return cw.data().list("/service/tickets/" + ticketId + "/notes");
  }

  int ticketPosts() {
    return cw.journal().count("POST", "/service/tickets");
  }

  static long statusId(ObjectNode ticket) {
    return ticket.path("status").path("id").asLong();
  }

  long boardId(String name) {
    return cw.data().list("/service/boards", "name = \"" + name + "\"").get(0).path("id").asLong();
  }

  long statusId(String board, String name) {
    return cw.data()
        .list("/service/boards/" + boardId(board) + "/statuses", "name = \"" + name + "\"")
        .get(0)
        .path("id")
        .asLong();
  }

  long idOf(String collection, String name) {
    return cw.data().list(collection, "name = \"" + name + "\"").get(0).path("id").asLong();
  }

  Map<String, Object> ref(long id) {
    return Map.of("id", id);
  }

  @Override
  public void close() {
    engine.close();
    store.close();
    cw.close();
  }
}
