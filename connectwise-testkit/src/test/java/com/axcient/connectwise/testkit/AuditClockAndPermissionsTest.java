package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditClockAndPermissionsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
  private ConnectWiseSimulator cw;
  private RawHttp http;

  @BeforeEach
  void start() {
    cw = ConnectWiseSimulator.builder().clock(clock).build().start();
    http = new RawHttp(cw);
  }

  @AfterEach
  void stop() {
    cw.close();
  }

  @Test
  void seededRecordsLookAMonthOld() {
    JsonNode info = http.get("/service/tickets/41001").json().path("_info");

    assertThat(info.path("dateEntered").asText()).isEqualTo("2025-05-02T08:00:00Z");
  }

  @Test
  void everyWriteStampsLastUpdatedAndUpdatedByFromTheInjectedClock() {
    JsonNode created = http.post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":251}}").json();
    long id = created.path("id").asLong();
    clock.advance(Duration.ofMinutes(90));

    JsonNode patched = cw.data().replace("/service/tickets/" + id, "summary", "changed by Jane");

    assertThat(created.path("_info").path("dateEntered").asText()).isEqualTo("2025-06-01T08:00:00Z");
    assertThat(created.path("_info").path("updatedBy").asText()).isEqualTo(cw.apiMemberIdentifier());
    assertThat(patched.path("_info").path("lastUpdated").asText()).isEqualTo("2025-06-01T09:30:00Z");
    assertThat(patched.path("_info").path("dateEntered").asText()).isEqualTo("2025-06-01T08:00:00Z");
    assertThat(patched.path("_info").path("updatedBy").asText()).isEqualTo("jsmith");
    assertThat(patched.path("_info").path("enteredBy").asText()).isEqualTo(cw.apiMemberIdentifier());
  }

  @Test
  void aTechnicianClosingATicketShowsAsThatMember() {
    JsonNode closed = cw.data().as("bwilson").replace("/service/tickets/41001", "status", Map.of("id", 5));

    assertThat(closed.path("closedFlag").asBoolean()).isTrue();
    assertThat(closed.path("closedBy").asText()).isEqualTo("bwilson");
    assertThat(http.get("/service/tickets?conditions=" + RawHttp.encode("_info/updatedBy = \"bwilson\""))
        .json()).hasSize(1);
  }

  @Test
  void theDataApiRefusesWhatTheApiWouldRefuse() {
    ObjectNode tooLong = RawHttp.MAPPER.createObjectNode();
    tooLong.put("summary", "x".repeat(101));
    tooLong.putObject("company").put("id", 251);

    assertThatThrownBy(() -> cw.data().create("/service/tickets", tooLong))
        .isInstanceOf(SimulatorException.class)
        .satisfies(e -> assertThat(((SimulatorException) e).status()).isEqualTo(400))
        .satisfies(e -> assertThat(((SimulatorException) e).body()).contains("summary"));
    assertThat(cw.data().get("/service/tickets/1")).isEmpty();
    assertThat(cw.data().list("/service/tickets", "closedFlag = true")).hasSize(1);
    assertThatThrownBy(() -> cw.data().as("nobody")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNarrowedRoleAnswers403ForWhatItLacksOnly() {
    cw.apiMemberRole().revoke(Permission.SERVICE_TICKETS, Access.ADD);

    RawHttp.Reply denied = http.post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":251}}");
    RawHttp.Reply read = http.get("/service/tickets/41001");

    assertThat(denied.status).isEqualTo(403);
    assertThat(denied.json().path("message").asText()).contains("Add").contains("Service Tickets");
    assertThat(read.status).isEqualTo(200);
    assertThat(cw.apiMemberRole().roleName()).isEqualTo("API Integration");

    cw.apiMemberRole().grant(Permission.SERVICE_TICKETS, Access.ADD);
    assertThat(http.post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":251}}").status).isEqualTo(201);
  }

  @Test
  void revokingAWholeFunctionBlocksEveryMethod() {
    cw.apiMemberRole().revoke(Permission.AGREEMENTS);

    assertThat(http.get("/finance/agreements").status).isEqualTo(403);
    assertThat(http.get("/finance/agreements/10/additions").status).isEqualTo(403);
    assertThat(http.get("/service/tickets").status).isEqualTo(200);
    assertThat(cw.roleOf("jsmith").allows(Permission.AGREEMENTS, Access.INQUIRE)).isTrue();
  }
}
