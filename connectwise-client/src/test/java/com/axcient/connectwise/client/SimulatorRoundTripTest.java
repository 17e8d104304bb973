package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Conditions.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.model.AgreementAddition;
import com.axcient.connectwise.client.model.Board;
import com.axcient.connectwise.client.model.BoardStatus;
import com.axcient.connectwise.client.model.Callback;
import com.axcient.connectwise.client.model.Company;
import com.axcient.connectwise.client.model.CompanyStatus;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.client.model.TicketNote;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the testkit's simulated ConnectWise, which keeps its own JSON records and
 * checks requests against the official schema: an independent check of the client.
 */
class SimulatorRoundTripTest {

  private static ConnectWiseSimulator cw;
  private static ConnectWiseClient client;
  private static final Fixtures.RecordingSleeper SLEEPER = new Fixtures.RecordingSleeper();

  @BeforeAll
  static void start() {
    cw = ConnectWiseSimulator.builder().companyId("acme").build().start();
    client =
        SimulatorClients.builder(cw)
            .retryPolicy(RetryPolicy.builder().sleeper(SLEEPER).random(() -> 0.0).build())
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    cw.close();
  }

  @BeforeEach
  void clearFaultsAndJournal() {
    cw.faults().clear();
    cw.journal().clear();
    SLEEPER.waits.clear();
  }

  @Test
  void discoversTheCodebaseAndReadsBoardsAndStatuses() {
    assertThat(client.codebase()).isEqualTo(cw.codebase());
    assertThat(client.companyInfo().companyId()).hasValue("acme");

    List<String> boards =
        client.boards().list().map(b -> b.name().orElseThrow()).collect(Collectors.toList());
    Board helpDesk = client.boards().list(Query.where(field("name").eq("Help Desk"))).findFirst().orElseThrow();
    List<BoardStatus> statuses =
        client.boardStatuses(helpDesk.id().getAsLong()).list().collect(Collectors.toList());

    assertThat(boards).contains("Help Desk", "Alerts");
    assertThat(statuses).extracting(s -> s.name().orElseThrow()).contains("New", "Completed", "Closed");
    assertThat(statuses).filteredOn(s -> s.closedStatus().orElse(false)).extracting(s -> s.name().orElseThrow())
        .containsExactlyInAnyOrder("Completed", "Closed");
    RecordedCall call = cw.journal().calls("GET", "/service/boards").get(0);
    assertThat(call.header("clientId")).hasValue(cw.clientId());
    assertThat(call.queryParameter("pageSize")).hasValue("1000");
  }

  @Test
  void createsATicketAddsANoteAndPatchesItsStatus() {
    Board helpDesk = client.boards().list(Query.where(field("name").eq("Help Desk"))).findFirst().orElseThrow();
    long boardId = helpDesk.id().getAsLong();
    BoardStatus completed =
        client.boardStatuses(boardId).list(Query.where(field("name").eq("Completed"))).findFirst().orElseThrow();

    Ticket created =
        client
            .tickets()
            .create(
                Ticket.builder()
                    .summary("Backup failed on FS01")
                    .board(Reference.of(boardId))
                    .company(Reference.of(250))
                    .externalXRef("cwsync:test:1:1")
                    .build());
    long ticketId = created.id().getAsLong();
    TicketNote note =
        client
            .ticketNotes(ticketId)
            .create(TicketNote.builder().text("Retried the job").detailDescriptionFlag(true).build());
    Ticket closed =
        client.tickets().patch(ticketId, PatchOperation.replace("status", Reference.of(completed.id().getAsLong())));

    assertThat(created.status()).isPresent();
    assertThat(note.id()).isPresent();
    assertThat(closed.status().map(Reference::id)).hasValue(completed.id().getAsLong());
    assertThat(closed.closedFlag()).hasValue(true);
    assertThat(client.ticketNotes(ticketId).list().map(n -> n.text().orElse("")))
        .contains("Retried the job");
    assertThat(client.tickets().list(Query.where(field("externalXRef").eq("cwsync:test:1:1"))).count())
        .isEqualTo(1);
    assertThat(cw.data().get("/service/tickets/" + ticketId).orElseThrow().path("summary").asText())
        .isEqualTo("Backup failed on FS01");
    assertThat(cw.journal().count("POST", "/service/tickets")).isEqualTo(1);
  }

  @Test
  void pagesThroughManyTicketsAndCountsWithConditions() {
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < 130; i++) {
      ObjectNode ticket = mapper.createObjectNode().put("summary", "Bulk ticket " + i);
      ticket.putObject("company").put("id", 251);
      cw.data().create("/service/tickets", ticket);
    }
    Conditions bulk = field("summary").like("Bulk ticket%");

    List<Long> ids =
        client.tickets()
            .list(Query.builder().conditions(bulk).orderBy("id", Query.Direction.ASC).pageSize(50).build())
            .map(t -> t.id().getAsLong())
            .collect(Collectors.toList());
    List<Long> forwardOnly =
        client.tickets()
            .list(Query.builder().conditions(bulk).pageSize(40).forwardOnly(true).build())
            .map(t -> t.id().getAsLong())
            .collect(Collectors.toList());

    assertThat(ids).hasSize(130).doesNotHaveDuplicates().isSorted();
    assertThat(forwardOnly).isEqualTo(ids);
    assertThat(cw.journal().count("GET", "/service/tickets")).isEqualTo(3 + 4);
    assertThat(client.tickets().count(bulk)).isEqualTo(130);
    assertThat(client.tickets().countAsync(bulk.and(field("company/id").eq(251))).join()).isEqualTo(130);
    assertThat(client.tickets().count(bulk.and(field("company/id").eq(250)))).isZero();
  }

  @Test
  void aDuplicateCompanyIdentifierIsAConflict() {
    CompanyStatus imported =
        client.companyStatuses().list(Query.where(field("name").eq("Imported"))).findFirst().orElseThrow();
    Company company =
        Company.builder()
            .identifier("RoundTripCo")
            .name("Round Trip Co")
            .city("Leeds")
            .status(Reference.of(imported.id().getAsLong()))
            .build();

    Company created = client.companies().create(company);

    assertThat(created.id()).isPresent();
    assertThat(created.status().map(Reference::id)).hasValue(imported.id().getAsLong());
    assertThatThrownBy(() -> client.companies().create(Company.builder().from(company).identifier("roundtripco").build()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.status()).hasValue(400);
              assertThat(e.fieldErrors()).anyMatch(f -> f.field().equals(java.util.Optional.of("identifier")));
              assertThat(e.requestId()).isPresent();
            });
  }

  @Test
  void patchesTheQuantityOfAnAgreementAddition() {
    AgreementAddition cloud =
        client.agreementAdditions(10)
            .list(Query.where(field("product/identifier").eq("BACKUP-CLOUD-GB")))
            .findFirst()
            .orElseThrow();
    long additionId = cloud.id().getAsLong();

    AgreementAddition patched =
        client.agreementAdditions(10).patch(additionId, PatchOperation.replace("quantity", new BigDecimal("734.25")));

    assertThat(patched.quantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("734.25"));
    assertThat(client.agreementAdditions(10).get(additionId).quantity())
        .hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("734.25"));
    assertThat(cw.journal().calls("PATCH", "/finance/agreements/10/additions/" + additionId).get(0).body())
        .isEqualTo("[{\"op\":\"replace\",\"path\":\"quantity\",\"value\":734.25}]");
  }

  @Test
  void waitsOutA429AndThenSucceeds() {
    cw.faults().on("GET", "/service/tickets/*").times(1).rateLimited(Duration.ofSeconds(2));

    Ticket ticket = client.tickets().get(41001);

    assertThat(ticket.id()).hasValue(41001);
    assertThat(SLEEPER.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(cw.journal().calls("GET", "/service/tickets/41001"))
        .extracting(RecordedCall::status)
        .containsExactly(429, 200);
  }

  @Test
  void managesCallbackRegistrations() {
    Callback created =
        client
            .callbacks()
            .create(
                Callback.builder()
                    .description("Ticket changes")
                    .url("https://hooks.example.com/cw")
                    .type("ticket")
                    .level("owner")
                    .objectId(1)
                    .build());
    long id = created.id().getAsLong();

    assertThat(client.callbacks().get(id).url()).hasValue("https://hooks.example.com/cw");
    assertThat(client.callbacks().list().map(c -> c.id().getAsLong())).contains(id);
    Callback inactive = client.callbacks().patch(id, PatchOperation.replace("inactiveFlag", true));
    assertThat(inactive.inactiveFlag()).hasValue(true);
    Callback replaced = client.callbacks().update(id, Callback.builder().from(created).description("Renamed").build());
    assertThat(replaced.description()).hasValue("Renamed");
    client.callbacks().delete(id);
    assertThatThrownBy(() -> client.callbacks().get(id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void wrongCredentialsAreAnAuthenticationProblem() {
    try (ConnectWiseClient wrong = SimulatorClients.builder(cw).privateKey(Secret.of("wrong-key")).build()) {
      assertThatThrownBy(() -> wrong.tickets().get(41001))
          .isInstanceOfSatisfying(
              AuthenticationException.class, e -> assertThat(e.status()).hasValue(401));
    }
  }
}
