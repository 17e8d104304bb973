package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The snippets of docs/testkit.md, compiled and run so the guide stays true. */
@ExtendWith(ConnectWiseSimulatorExtension.class)
class GuideExamplesTest {

  @Test
  void faultsAndTheJournal(ConnectWiseSimulator cw) {
    RawHttp http = new RawHttp(cw);
    // --- guide: faults
    // The next ticket create is applied, then the connection drops before any answer.
    cw.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();
    // The next two GETs of any ticket answer 429 with Retry-After: 7.
    cw.faults().on("GET", "/service/tickets/*").times(2).rateLimited(Duration.ofSeconds(7));
    // Every request to notes answers 503 with Retry-After: 0 until cleared; nothing is written.
    cw.faults().on("*", "/service/tickets/*/notes").always().respondStatus(503).retryAfter(0);
    // A create that succeeds but answers 500 (the classic duplicate-ticket trap).
    cw.faults().on("POST", "/company/companies").respondStatus(500).afterWrite();
    // Slow answers: latency before the headers, or a body trickling out.
    cw.faults().on("GET", "/service/boards").latency(Duration.ofSeconds(2));
    cw.faults().on("GET", "/procurement/catalog").throttleBody(64, Duration.ofMillis(100));
    // --- end
    assertThat(cw.faults().active()).hasSize(6);
    cw.faults().clear();

    // --- guide: outage
    try (Outage outage = cw.faults().refuseConnections()) {
      // every connection attempt is refused here; the port stays reserved for the simulator
    }
    // --- end

    http.get("/service/tickets?conditions=" + RawHttp.encode("externalXRef = \"cwsync:a:1:1\""));
    // --- guide: journal
    RecordedCall search = cw.journal().calls("GET", "/service/tickets").get(0);
    assertThat(search.queryParameter("conditions")).hasValue("externalXRef = \"cwsync:a:1:1\"");
    assertThat(search.header("clientId")).hasValue(cw.clientId());
    assertThat(search.header("Authorization")).hasValue("[redacted]");
    assertThat(cw.journal().count("POST", "/service/tickets")).isZero();
    // --- end
  }

  @Test
  void dataAndTechnicians(ConnectWiseSimulator cw) {
    // --- guide: data
    ObjectNode ticket = cw.data().list("/service/tickets", "summary contains \"ACME-FS01\"").get(0);
    long ticketId = ticket.path("id").asLong();

    // Jane (the seeded technician) moves the ticket to the closed status "Completed" (id 5):
    // _info.updatedBy becomes jsmith, closedFlag true, and matching callbacks are posted.
    cw.data().replace("/service/tickets/" + ticketId, "status", Map.of("id", 5));

    // Bob, another member, adds a note.
    ObjectNode note = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("text", "Called the customer").put("detailDescriptionFlag", true);
    cw.data().as("bwilson").create("/service/tickets/" + ticketId + "/notes", note);

    // Take a right away from the API member's security role: its next POST answers 403.
    cw.apiMemberRole().revoke(Permission.SERVICE_TICKETS, Access.ADD);
    // --- end
    List<ObjectNode> notes = cw.data().list("/service/tickets/" + ticketId + "/notes");
    assertThat(notes).extracting(n -> n.path("createdBy").asText()).contains("bwilson");
    assertThat(new RawHttp(cw).post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":251}}").status)
        .isEqualTo(403);
  }
}
