package com.axcient.connectwise.acceptance;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertSeverity;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A simulated ConnectWise with the canary credentials, and engines and clients for it. */
final class Sim implements AutoCloseable {

  static final String INSTALL = "acceptance";

  final Clock clock;
  final ConnectWiseSimulator cw;

  Sim(Clock clock) {
    this(clock, b -> {});
  }

  Sim(Clock clock, Consumer<ConnectWiseSimulator.Builder> configure) {
    SuiteWatch.start();
    this.clock = clock;
    ConnectWiseSimulator.Builder builder =
        ConnectWiseSimulator.builder()
            .companyId(Canary.COMPANY)
            .publicKey(Canary.PUBLIC_KEY)
            .privateKey(Canary.PRIVATE_KEY)
            .clock(clock)
            .journalCapacity(500_000);
    configure.accept(builder);
    this.cw = builder.build().start();
  }

  PsaSettings psaSettings() {
    return psaSettings(cw.baseUrl(), cw.apiMemberIdentifier());
  }

  static PsaSettings psaSettings(String baseUrl, String apiMember) {
    return PsaSettings.builder()
        .site(baseUrl)
        .companyId(Canary.COMPANY)
        .publicKey(Canary.PUBLIC_KEY)
        .privateKey(Secret.of(Canary.PRIVATE_KEY))
        .apiMemberIdentifier(apiMember)
        .allowInsecureHttp(true)
        .build();
  }

  /** A client whose in-process retries do not sleep. */
  ConnectWiseClient client(UnaryOperator<ConnectWiseClient.Builder> customize) {
    return customize
        .apply(
            psaSettings()
                .clientBuilder(cw.clientId())
                .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build()))
        .build();
  }

  /** An engine builder for this site with the given options and no-op acknowledger. */
  TicketingEngine.Builder engineBuilder(StateStore store, TicketingOptions options) {
    return TicketingEngine.builder()
        .psaSettings(psaSettings())
        .clientId(cw.clientId())
        .stateStore(store)
        .clock(clock)
        .options(options)
        .acknowledger((alertId, ticket) -> {});
  }

  TicketingEngine engine(
      StateStore store, String instance, UnaryOperator<TicketingOptions.Builder> options) {
    return engineBuilder(
            store,
            options
                .apply(TicketingOptions.builder(INSTALL).instanceId(instance).rateLimit(10_000, 10_000))
                .build())
        .clientCustomizer(
            b ->
                b.readTimeout(Duration.ofSeconds(5))
                    .connectTimeout(Duration.ofSeconds(2))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> {}).build()))
        .build();
  }

  static TicketingSettings settings() {
    return TicketingSettings.builder()
        .enabled(true)
        .rule(TicketRule.builder(EventClass.BACKUP_FAILED).build())
        .build();
  }

  static AlertEvent event(String alertId, AlertState state, Instant time) {
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
        .state(state)
        .build();
  }

  /** The tickets whose correlation key starts with the prefix (after {@code cwsync:}). */
  List<ObjectNode> ticketsWithKeyPrefix(String prefix) {
    return cw.data().list("/service/tickets", "externalXRef like \"cwsync:" + prefix + "%\"");
  }

  int ticketPosts() {
    return cw.journal().count("POST", "/service/tickets");
  }

  @Override
  public void close() {
    cw.close();
  }
}
