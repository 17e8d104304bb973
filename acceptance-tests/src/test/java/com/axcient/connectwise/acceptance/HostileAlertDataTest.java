package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertSeverity;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.CompanySource;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import com.axcient.connectwise.testkit.MutableClock;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY.md section 3, case 20, end to end: hostile text in alert data flows through
 * ticketing's company lookup and the ticket search by key, and the simulator receives conditions
 * that match only what they should.
 */
class HostileAlertDataTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final Sim sim = new Sim(clock);
  private final StateStore store =
      JdbcStateStore.h2InMemory("hostile" + UUID.randomUUID().toString().replace("-", ""), clock);
  private final TicketingEngine engine = sim.engine(store, "a", o -> o);

  @AfterEach
  void close() {
    engine.close();
    store.close();
    sim.close();
  }

  static Stream<String> hostile() {
    return Stream.of(
        "AcmeDental\" or identifier != \"x",
        "AcmeDental\\\" or 1=1 or identifier=\"",
        "x\\",
        "x') or (1=1",
        "Acme%",
        "Acme_ental",
        "AcmeDental\nor 1=1",
        "AcmeDental\u0000",
        "é\uD83D\uDE00\" or \"\"=\"",
        "y".repeat(10_000));
  }

  private static AlertEvent.Builder alert(String alertId) {
    return AlertEvent.builder()
        .alertId(alertId)
        .eventClass(EventClass.BACKUP_FAILED)
        .severity(AlertSeverity.ERROR)
        .device("dev")
        .protectedSystem("sys")
        .message("m")
        .time(Instant.parse("2026-06-01T08:00:00Z"))
        .state(AlertState.RAISED);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aHostileDeviceCompanyNeverFindsAnotherCompany(String company) {
    engine.applySettings(Sim.settings());
    int before = sim.cw.journal().size();
    boolean accepted = engine.accept(alert("a1").deviceCompany(company).build());
    engine.drain();

    List<RecordedCall> lookups =
        sim.cw.journal().calls().subList(before, sim.cw.journal().size()).stream()
            .filter(c -> c.apiPath().equals("/company/companies"))
            .toList();
    // Refused with the fix named, or looked up literally: never a ticket for another company.
    assertThat(accepted).isTrue();
    assertThat(engine.deadLetters()).singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("company").contains("identifier"));
    assertThat(sim.ticketsWithKeyPrefix(Sim.INSTALL + ":")).isEmpty();
    assertThat(sim.ticketPosts()).isZero();
    for (RecordedCall lookup : lookups) {
      assertThat(lookup.queryParameter("conditions")).hasValue("identifier = " + quoted(company));
    }
  }

  @Test
  void hostileAlertIdsGetTheirOwnTicketsAndTheSearchByKeyMatchesOnlyThem() {
    engine.applySettings(Sim.settings());
    List<String> ids = new ArrayList<>();
    for (String id : hostile().toList()) {
      AlertEvent event;
      try {
        event = alert(id).deviceCompany("AcmeDental").build();
      } catch (IllegalArgumentException refused) {
        assertThat(refused).hasMessageContaining("alertId");
        continue;
      }
      ids.add(id);
      // Every create is applied and its answer lost, so every ticket is found by its key.
      sim.cw.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();
      engine.accept(event);
      engine.drain();
      clock.advance(Duration.ofMinutes(1));
      engine.drain();
    }
    assertThat(ids).hasSizeGreaterThan(5);
    List<ObjectNode> tickets = sim.ticketsWithKeyPrefix(Sim.INSTALL + ":");
    assertThat(tickets).hasSize(ids.size());
    assertThat(tickets).extracting(t -> t.path("externalXRef").asText())
        .doesNotHaveDuplicates()
        .allSatisfy(key -> assertThat(key).matches("cwsync:acceptance:[A-Za-z0-9_-]{1,64}:1").hasSizeLessThanOrEqualTo(100));
    List<RecordedCall> searches =
        sim.cw.journal().calls("GET", "/service/tickets").stream()
            .filter(c -> c.queryParameter("conditions").orElse("").startsWith("externalXRef"))
            .toList();
    assertThat(searches).hasSizeGreaterThanOrEqualTo(ids.size());
    assertThat(searches).allSatisfy(c -> assertThat(c.queryParameter("conditions").orElseThrow())
        .matches("externalXRef = \"cwsync:acceptance:[A-Za-z0-9_-]+:1\"( and .*)?"));
    assertThat(sim.ticketPosts()).isEqualTo(ids.size());
    assertThat(engine.deadLetters()).isEmpty();
  }

  @Test
  void aHostileCustomerNameIsOnlyAKeyOfTheMapping() {
    String customer = "acme\" or 1=1 --\n\\%";
    engine.applySettings(
        TicketingSettings.builder()
            .enabled(true)
            .customerCompany(customer, "AcmeDental")
            .rule(TicketRule.builder(EventClass.BACKUP_FAILED).companySource(CompanySource.CUSTOMER_MAPPING).build())
            .build());
    engine.accept(alert("c1").customer(customer).build());
    engine.drain();
    assertThat(sim.ticketsWithKeyPrefix(Sim.INSTALL + ":c1")).singleElement()
        .satisfies(t -> assertThat(t.path("company").path("identifier").asText()).isEqualTo("AcmeDental"));
    assertThat(sim.cw.journal().calls()).noneSatisfy(c -> assertThat(c.query().toString()).contains("1=1"));
  }

  /** The value as ConnectWise conditions quote it: backslash and double quote escaped. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
