package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void firstRaiseOpensOneTicketWithTheMembersDefaultBoardStatusAndTeam() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());

    assertThat(h.engine.accept(h.raise("a1"))).isTrue();
    h.engine.drain();

    List<ObjectNode> tickets = h.ticketsOf("a1");
    assertThat(tickets).hasSize(1);
    ObjectNode t = tickets.get(0);
    assertThat(t.path("externalXRef").asText()).isEqualTo("cwsync:install-1:a1:1");
    assertThat(t.path("board").path("name").asText()).isEqualTo("Help Desk");
    assertThat(t.path("status").path("name").asText()).isEqualTo("New");
    assertThat(t.path("team").path("name").asText()).isEqualTo("Tier 1");
    assertThat(t.path("company").path("identifier").asText()).isEqualTo("AcmeDental");
    assertThat(t.path("summary").asText()).isEqualTo("BACKUP_FAILED on ACME-APPLIANCE-7 ACME-FS01");
    assertThat(noteTexts(t.path("id").asLong()))
        .anySatisfy(n -> assertThat(n).contains("Backup of ACME-FS01 failed: snapshot timed out"));
    assertThat(h.engine.status().queued()).isZero();
  }

  @Test
  void theRulesBoardStatusesPriorityTeamTypeSubtypeAndItemAreUsed() {
    long board = h.boardId("Help Desk");
    h.enable(
        TicketRule.builder(EventClass.BACKUP_FAILED)
            .boardId(board)
            .newStatusId(h.statusId("Help Desk", "Assigned"))
            .closedStatusId(h.statusId("Help Desk", "Closed"))
            .priorityId(h.idOf("/service/priorities", "Priority 1 - Emergency Response"))
            .teamId(h.idOf("/service/boards/" + board + "/teams", "Tier 2"))
            .typeId(h.idOf("/service/boards/" + board + "/types", "Backup"))
            .subTypeId(h.idOf("/service/boards/" + board + "/subtypes", "Backup Failed"))
            .itemId(h.idOf("/service/boards/" + board + "/items", "Appliance"))
            .summaryTemplate("{severity}: {message}")
            .build());

    h.engine.accept(h.raise("a1"));
    h.engine.drain();

    ObjectNode t = h.ticketsOf("a1").get(0);
    assertThat(t.path("status").path("name").asText()).isEqualTo("Assigned");
    assertThat(t.path("priority").path("name").asText()).isEqualTo("Priority 1 - Emergency Response");
    assertThat(t.path("team").path("name").asText()).isEqualTo("Tier 2");
    assertThat(t.path("type").path("name").asText()).isEqualTo("Backup");
    assertThat(t.path("subType").path("name").asText()).isEqualTo("Backup Failed");
    assertThat(t.path("item").path("name").asText()).isEqualTo("Appliance");
    assertThat(t.path("summary").asText())
        .isEqualTo("ERROR: Backup of ACME-FS01 failed: snapshot timed out");

    h.clock.advance(Duration.ofMinutes(5));
    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    assertThat(h.cw.data().get("/service/tickets/" + t.path("id").asLong()).orElseThrow()
            .path("status").path("name").asText())
        .isEqualTo("Closed");
  }

  @Test
  void aLongSummaryIsCutTo100CharactersWithoutSplittingASurrogatePairAndTheTextIsKept() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).summaryTemplate("{message}").build());
    String message = "x".repeat(98) + "\uD83D\uDE00" + "tail of the message";

    h.engine.accept(Harness.event("a1", AlertState.RAISED, h.clock.instant()).message(message).build());
    h.engine.drain();

    ObjectNode t = h.ticketsOf("a1").get(0);
    String summary = t.path("summary").asText();
    assertThat(summary).hasSizeLessThanOrEqualTo(100).isEqualTo("x".repeat(98) + "\u2026");
    assertThat(noteTexts(t.path("id").asLong())).anySatisfy(n -> assertThat(n).contains(message));
  }

  @Test
  void repeatsAddAtMostOneNotePerIntervalWithTheCountOfRepeats() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).noteInterval(Duration.ofHours(1)).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    long id = h.ticketsOf("a1").get(0).path("id").asLong();
    int notesAfterOpen = h.notesOf(id).size();

    for (int i = 0; i < 3; i++) {
      h.clock.advance(Duration.ofMinutes(10));
      h.engine.accept(h.repeat("a1"));
      h.engine.drain();
    }
    // The first repeat writes a note at once; the next two fall inside the interval.
    assertThat(h.notesOf(id)).hasSize(notesAfterOpen + 1);

    h.clock.advance(Duration.ofMinutes(45));
    h.engine.accept(h.repeat("a1"));
    h.engine.drain();

    List<String> notes = noteTexts(id);
    assertThat(notes).hasSize(notesAfterOpen + 2);
    assertThat(notes.get(notes.size() - 1)).contains("3 times").contains("4 repeats so far");
    assertThat(h.ticketsOf("a1")).hasSize(1);
  }

  @Test
  void clearSetsTheClosedStatusWithAnAbsolutePatchAndAddsAResolutionNote() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(3));
    h.engine.accept(h.clear("a1"));
    h.engine.drain();

    ObjectNode t = h.ticketsOf("a1").get(0);
    assertThat(t.path("status").path("name").asText()).isEqualTo("Completed");
    assertThat(t.path("closedFlag").asBoolean()).isTrue();
    assertThat(h.cw.journal().calls("PATCH", "/service/tickets/" + t.path("id").asLong()))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).contains("\"op\":\"replace\"").contains("\"path\":\"status\""));
    assertThat(h.notesOf(t.path("id").asLong()))
        .anySatisfy(n -> assertThat(n.path("resolutionFlag").asBoolean()).isTrue());
    assertThat(h.acknowledged).isEmpty();
  }

  @Test
  void aRaiseWithinTheReopenWindowReopensTheTicketAndAfterItOpensANewOne() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).reopenWindow(Duration.ofHours(2)).build());
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    h.engine.accept(h.clear("a1"));
    h.engine.drain();

    h.clock.advance(Duration.ofMinutes(30));
    h.engine.accept(h.raise("a1"));
    h.engine.drain();
    assertThat(h.ticketsOf("a1")).singleElement()
        .satisfies(t -> assertThat(t.path("status").path("name").asText()).isEqualTo("New"));
    assertThat(noteTexts(h.ticketsOf("a1").get(0).path("id").asLong()))
        .anySatisfy(n -> assertThat(n).contains("reopened"));

    h.engine.accept(h.clear("a1"));
    h.engine.drain();
    h.clock.advance(Duration.ofHours(3));
    h.engine.accept(h.raise("a1"));
    h.engine.drain();

    List<ObjectNode> tickets = h.ticketsOf("a1");
    assertThat(tickets).hasSize(2);
    assertThat(tickets).extracting(t -> t.path("externalXRef").asText())
        .containsExactlyInAnyOrder("cwsync:install-1:a1:1", "cwsync:install-1:a1:2");
  }

  @Test
  void aDisabledEventClassOrOneWithoutARuleOpensNothing() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).enabled(false).build());
    h.engine.accept(h.raise("a1"));
    h.engine.accept(
        Harness.event("a2", AlertState.RAISED, h.clock.instant()).eventClass(EventClass.DISK_SPACE_LOW).build());
    h.engine.drain();

    assertThat(h.ticketPosts()).isZero();
    assertThat(h.engine.status().queued()).isZero();
  }

  @Test
  void ticketingIsOffUntilTheUserTurnsItOn() {
    assertThat(h.engine.settings().enabled()).isFalse();
    assertThat(h.engine.accept(h.raise("a1"))).isFalse();
    assertThat(h.engine.drain()).isZero();
    assertThat(h.ticketPosts()).isZero();
  }

  @Test
  void anOpenDelaySuppressesAFlapAndOpensTheTicketWhenTheAlertStays() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).openDelay(Duration.ofMinutes(10)).build());

    h.engine.accept(h.raise("flap"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(2));
    h.engine.accept(h.clear("flap"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(20));
    h.engine.drain();
    assertThat(h.ticketsOf("flap")).isEmpty();

    h.engine.accept(h.raise("stays"));
    h.engine.drain();
    assertThat(h.ticketsOf("stays")).isEmpty();
    h.clock.advance(Duration.ofMinutes(10));
    h.engine.drain();
    assertThat(h.ticketsOf("stays")).hasSize(1);
    assertThat(h.engine.status().queued()).isZero();
  }

  @Test
  void theOpeningOfAnAlertThatClearedDoesNotOpenTheNextIncidentEarly() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).openDelay(Duration.ofMinutes(10)).build());
    h.engine.accept(h.raise("flap"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(1));
    h.engine.accept(h.clear("flap"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(7));
    h.engine.accept(h.raise("flap"));
    h.engine.drain();

    // The first raise's opening comes due 2 minutes after the second raise: too early for it.
    h.clock.advance(Duration.ofMinutes(3));
    h.engine.drain();
    assertThat(h.ticketsOf("flap")).isEmpty();

    h.clock.advance(Duration.ofMinutes(7));
    h.engine.drain();
    assertThat(h.ticketsOf("flap")).hasSize(1);
    assertThat(h.engine.status().queued()).isZero();
  }

  @Test
  void withoutCloseOnClearAClearOnlyAddsANote() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).closeOnClear(false).build());
    h.engine.accept(h.raise("a1"));
    h.engine.accept(h.clear("a1"));
    h.engine.drain();

    ObjectNode t = h.ticketsOf("a1").get(0);
    assertThat(t.path("closedFlag").asBoolean()).isFalse();
    assertThat(noteTexts(t.path("id").asLong())).anySatisfy(n -> assertThat(n).contains("cleared"));
  }

  @Test
  void theCustomerMappingFindsTheCompanyAndCreatesAMissingOneAsImported() {
    h.engine.applySettings(
        TicketingSettings.builder()
            .enabled(true)
            .rule(TicketRule.builder(EventClass.BACKUP_FAILED).companySource(CompanySource.CUSTOMER_MAPPING).build())
            .customerCompany("contoso", "ContosoLegal")
            .customerCompany("newco", "NewCo")
            .createMissingCompanies(true)
            .build());

    h.engine.accept(Harness.event("a1", AlertState.RAISED, h.clock.instant()).customer("contoso").build());
    h.engine.accept(Harness.event("a2", AlertState.RAISED, h.clock.instant()).customer("newco").build());
    h.engine.drain();

    assertThat(h.ticketsOf("a1").get(0).path("company").path("identifier").asText()).isEqualTo("ContosoLegal");
    JsonNode created = h.cw.data().list("/company/companies", "identifier = \"NewCo\"").get(0);
    assertThat(created.path("status").path("name").asText()).isEqualTo("Imported");
    assertThat(h.ticketsOf("a2").get(0).path("company").path("id").asLong())
        .isEqualTo(created.path("id").asLong());
  }

  @Test
  void aMissingCompanyGetsTheImportedStatusThatAllowsSaving() {
    String statuses = "/company/companies/statuses";
    long first = h.cw.data().list(statuses, "name = \"Imported\"").get(0).path("id").asLong();
    h.cw.data().replace(statuses + "/" + first, "disallowSavingFlag", true);
    long usable =
        h.cw.data()
            .create(statuses, new ObjectMapper().createObjectNode().put("name", "Imported"))
            .path("id")
            .asLong();
    h.engine.applySettings(
        TicketingSettings.builder()
            .enabled(true)
            .rule(TicketRule.builder(EventClass.BACKUP_FAILED).companySource(CompanySource.CUSTOMER_MAPPING).build())
            .customerCompany("newco", "NewCo")
            .createMissingCompanies(true)
            .build());

    h.engine.accept(Harness.event("a1", AlertState.RAISED, h.clock.instant()).customer("newco").build());
    h.engine.drain();

    JsonNode created = h.cw.data().list("/company/companies", "identifier = \"NewCo\"").get(0);
    assertThat(created.path("status").path("id").asLong()).isEqualTo(usable);
  }

  @Test
  void aCompanyCreatedMeanwhileIsFoundAfterTheObjectExistsConflict() {
    h.engine.applySettings(
        TicketingSettings.builder()
            .enabled(true)
            .rule(TicketRule.builder(EventClass.BACKUP_FAILED).companySource(CompanySource.CUSTOMER_MAPPING).build())
            .customerCompany("newco", "NewCo")
            .createMissingCompanies(true)
            .build());
    // Someone creates the company between the engine's search and its create.
    h.cw.faults().on("GET", "/company/companies").times(1).respondStatus(200).body("application/json", "[]");
    ObjectNode company = new ObjectMapper().createObjectNode()
        .put("identifier", "NewCo").put("name", "New Co").put("city", "Tampa");
    h.cw.data().create("/company/companies", company);

    h.engine.accept(Harness.event("a1", AlertState.RAISED, h.clock.instant()).customer("newco").build());
    h.engine.drain();

    assertThat(h.cw.data().list("/company/companies", "identifier = \"NewCo\"")).hasSize(1);
    assertThat(h.ticketsOf("a1")).hasSize(1);
  }

  @Test
  void anUnknownDeviceCompanyBecomesADeadLetterNamingTheFix() {
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.engine.accept(Harness.event("a1", AlertState.RAISED, h.clock.instant()).deviceCompany("NoSuchCo").build());
    h.engine.drain();

    assertThat(h.engine.deadLetters()).singleElement()
        .satisfies(d -> {
          assertThat(d.alertId()).isEqualTo("a1");
          assertThat(d.reason()).contains("no company with the identifier NoSuchCo");
        });
  }

  private List<String> noteTexts(long ticketId) {
    return h.notesOf(ticketId).stream().map(n -> n.path("text").asText()).collect(Collectors.toList());
  }
}
