package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketWritesTest {

  private ConnectWiseSimulator cw;
  private RawHttp http;

  @BeforeEach
  void start() {
    cw = ConnectWiseSimulator.builder().build().start();
    http = new RawHttp(cw);
  }

  @AfterEach
  void stop() {
    cw.close();
  }

  private JsonNode create(String json) {
    RawHttp.Reply reply = http.post("/service/tickets", json);
    assertThat(reply.status).as(reply.body).isEqualTo(201);
    return reply.json();
  }

  private static void assertFieldError(RawHttp.Reply reply, String code, String field) {
    assertThat(reply.status).as(reply.body).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("InvalidObject");
    assertThat(reply.json().path("message").asText()).isEqualTo("ticket object is invalid");
    JsonNode error = reply.json().path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("field").asText()).isEqualTo(field);
    assertThat(error.path("resource").asText()).isEqualTo("ticket");
    assertThat(error.path("message").asText()).isNotBlank();
  }

  @Test
  void aCreatedTicketGetsTheApiMembersDefaultBoardAndTheBoardsDefaultStatus() {
    JsonNode ticket = create("{\"summary\":\"Backup failed\",\"company\":{\"id\":251},"
        + "\"externalXRef\":\"cwsync:a1:alert-1:1\"}");

    assertThat(ticket.path("id").asLong()).isPositive();
    assertThat(ticket.path("board").path("name").asText()).isEqualTo("Help Desk");
    assertThat(ticket.path("status").path("name").asText()).isEqualTo("New");
    assertThat(ticket.path("priority").path("name").asText()).isEqualTo("Priority 3 - Normal Response");
    assertThat(ticket.path("company").path("identifier").asText()).isEqualTo("AcmeDental");
    assertThat(ticket.path("closedFlag").asBoolean()).isFalse();
    assertThat(ticket.path("_info").path("updatedBy").asText()).isEqualTo(cw.apiMemberIdentifier());
    assertThat(http.get("/service/tickets/" + ticket.path("id").asLong()).json()).isEqualTo(ticket);
  }

  @Test
  void initialDescriptionBecomesTheFirstNoteAndIsNotReturned() {
    JsonNode ticket = create("{\"summary\":\"Disk low\",\"company\":{\"identifier\":\"AcmeDental\"},"
        + "\"initialDescription\":\"Vault at 95%\",\"initialInternalAnalysis\":\"Check retention\"}");

    JsonNode notes = http.get("/service/tickets/" + ticket.path("id").asLong() + "/notes").json();
    assertThat(ticket.has("initialDescription")).isFalse();
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).path("text").asText()).isEqualTo("Vault at 95%");
    assertThat(notes.get(0).path("detailDescriptionFlag").asBoolean()).isTrue();
    assertThat(notes.get(1).path("internalAnalysisFlag").asBoolean()).isTrue();
  }

  @Test
  void summaryAndCompanyAreRequired() {
    RawHttp.Reply reply = http.post("/service/tickets", "{\"summary\":\"  \"}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json().path("errors")).extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("summary", "company");
    assertThat(reply.json().path("errors")).allSatisfy(
        e -> assertThat(e.path("code").asText()).isEqualTo("MissingRequiredField"));
  }

  @Test
  void summaryOver100CharactersIsRefusedWithTheSchemasLimit() {
    String summary = "x".repeat(101);
    RawHttp.Reply reply = http.post("/service/tickets", "{\"summary\":\"" + summary + "\",\"company\":{\"id\":251}}");

    assertFieldError(reply, "InvalidField", "summary");
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("100");
    assertThat(create("{\"summary\":\"" + "x".repeat(100) + "\",\"company\":{\"id\":251}}")
        .path("summary").asText()).hasSize(100);
  }

  @Test
  void referencesMustExist() {
    assertFieldError(http.post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":99999}}"),
        "InvalidField", "company");
    assertFieldError(http.post("/service/tickets",
        "{\"summary\":\"s\",\"company\":{\"id\":251},\"priority\":{\"id\":77}}"), "InvalidField", "priority");
  }

  @Test
  void aStatusMustBelongToTheTicketsBoard() {
    RawHttp.Reply reply = http.post("/service/tickets",
        "{\"summary\":\"s\",\"company\":{\"id\":251},\"board\":{\"id\":1},\"status\":{\"id\":8}}");

    assertFieldError(reply, "InvalidField", "status");
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("does not belong");
  }

  @Test
  void inactiveBoardsAndStatusesAreRefused() {
    assertFieldError(http.post("/service/tickets",
        "{\"summary\":\"s\",\"company\":{\"id\":251},\"board\":{\"id\":3}}"), "InvalidField", "board");
    assertFieldError(http.post("/service/tickets",
        "{\"summary\":\"s\",\"company\":{\"id\":251},\"status\":{\"id\":7}}"), "InvalidField", "status");
  }

  @Test
  void typeSubtypeAndItemMustBeAValidCombination() {
    create("{\"summary\":\"ok\",\"company\":{\"id\":251},\"type\":{\"id\":100},"
        + "\"subType\":{\"id\":200},\"item\":{\"id\":302}}");
    assertFieldError(http.post("/service/tickets", "{\"summary\":\"bad\",\"company\":{\"id\":251},"
        + "\"type\":{\"id\":100},\"subType\":{\"id\":203}}"), "InvalidField", "subType");
  }

  @Test
  void wrongTypesAndEnumValuesAreFieldErrors() {
    assertFieldError(http.post("/service/tickets", "{\"summary\":5,\"company\":{\"id\":251}}"),
        "InvalidField", "summary");
    assertFieldError(http.post("/service/tickets",
        "{\"summary\":\"s\",\"company\":{\"id\":251},\"severity\":\"Huge\"}"), "InvalidField", "severity");
  }

  @Test
  void unknownFieldsAreIgnored() {
    JsonNode ticket = create("{\"summary\":\"s\",\"company\":{\"id\":251},\"colour\":\"blue\"}");

    assertThat(ticket.has("colour")).isFalse();
  }

  @Test
  void patchReplacesNestedPathsAndKeepsClosedFlagInStepWithTheStatus() {
    long id = create("{\"summary\":\"s\",\"company\":{\"id\":251}}").path("id").asLong();

    RawHttp.Reply closed = http.patch("/service/tickets/" + id,
        "[{\"op\":\"replace\",\"path\":\"status/id\",\"value\":6},"
            + "{\"op\":\"replace\",\"path\":\"/summary\",\"value\":\"done\"}]");
    RawHttp.Reply reopened = http.patch("/service/tickets/" + id,
        "[{\"op\":\"replace\",\"path\":\"status\",\"value\":{\"id\":2}}]");

    assertThat(closed.status).isEqualTo(200);
    assertThat(closed.json().path("status").path("name").asText()).isEqualTo("Closed");
    assertThat(closed.json().path("summary").asText()).isEqualTo("done");
    assertThat(closed.json().path("closedFlag").asBoolean()).isTrue();
    assertThat(closed.json().path("closedBy").asText()).isEqualTo(cw.apiMemberIdentifier());
    assertThat(reopened.json().path("closedFlag").asBoolean()).isFalse();
    assertThat(reopened.json().has("closedDate")).isFalse();
  }

  @Test
  void patchAcceptsNameReferencesAndRemoveOperations() {
    long id = create("{\"summary\":\"s\",\"company\":{\"id\":251},\"externalXRef\":\"k\"}").path("id").asLong();

    JsonNode patched = http.patch("/service/tickets/" + id,
        "[{\"op\":\"replace\",\"path\":\"status\",\"value\":{\"name\":\"In Progress\"}},"
            + "{\"op\":\"remove\",\"path\":\"externalXRef\"}]").json();

    assertThat(patched.path("status").path("id").asLong()).isEqualTo(3);
    assertThat(patched.has("externalXRef")).isFalse();
  }

  @Test
  void patchBodiesThatAreNotOperationsAreBadRequests() {
    long id = create("{\"summary\":\"s\",\"company\":{\"id\":251}}").path("id").asLong();

    assertThat(http.patch("/service/tickets/" + id, "{\"summary\":\"x\"}").status).isEqualTo(400);
    assertThat(http.patch("/service/tickets/" + id, "[{\"op\":\"move\",\"path\":\"summary\"}]").status).isEqualTo(400);
    assertThat(http.patch("/service/tickets/" + id, "[{\"op\":\"replace\",\"path\":\"nosuch\",\"value\":1}]").status)
        .isEqualTo(400);
    assertThat(http.patch("/service/tickets/" + id, "[{\"op\":\"replace\",\"path\":\"id\",\"value\":1}]").status)
        .isEqualTo(400);
    assertFieldError(http.patch("/service/tickets/" + id,
        "[{\"op\":\"replace\",\"path\":\"summary\",\"value\":\"" + "y".repeat(101) + "\"}]"), "InvalidField", "summary");
  }

  @Test
  void aPatchPathOfOnlySlashesIsAnInvalidField() {
    long id = create("{\"summary\":\"s\",\"company\":{\"id\":251}}").path("id").asLong();

    RawHttp.Reply reply = http.patch("/service/tickets/" + id, "[{\"op\":\"replace\",\"path\":\"//\",\"value\":1}]");

    assertFieldError(reply, "InvalidField", "//");
  }

  @Test
  void putReplacesTheWholeRecord() {
    long id = create("{\"summary\":\"s\",\"company\":{\"id\":251},\"externalXRef\":\"k\"}").path("id").asLong();

    JsonNode replaced = http.put("/service/tickets/" + id,
        "{\"summary\":\"replaced\",\"company\":{\"id\":252},\"board\":{\"id\":2}}").json();

    assertThat(replaced.path("id").asLong()).isEqualTo(id);
    assertThat(replaced.has("externalXRef")).isFalse();
    assertThat(replaced.path("status").path("name").asText()).isEqualTo("New");
    assertThat(replaced.path("board").path("name").asText()).isEqualTo("Alerts");
  }

  @Test
  void deleteAnswers204AndTheTicketAndItsNotesAreGone() {
    long id = create("{\"summary\":\"s\",\"company\":{\"id\":251},\"initialDescription\":\"d\"}").path("id").asLong();

    RawHttp.Reply deleted = http.delete("/service/tickets/" + id);

    assertThat(deleted.status).isEqualTo(204);
    assertThat(deleted.body).isEmpty();
    RawHttp.Reply gone = http.get("/service/tickets/" + id);
    assertThat(gone.status).isEqualTo(404);
    assertThat(gone.json().path("code").asText()).isEqualTo("NotFound");
    assertThat(http.get("/service/tickets/" + id + "/notes").status).isEqualTo(404);
  }

  @Test
  void notesNeedTextAndOneTypeFlag() {
    String notes = "/service/tickets/41001/notes";

    RawHttp.Reply noFlag = http.post(notes, "{\"text\":\"hello\"}");
    RawHttp.Reply noText = http.post(notes, "{\"detailDescriptionFlag\":true}");
    RawHttp.Reply created = http.post(notes, "{\"text\":\"Repeated failure\",\"internalAnalysisFlag\":true}");

    assertThat(noFlag.status).isEqualTo(400);
    assertThat(noText.status).isEqualTo(400);
    assertThat(created.status).isEqualTo(201);
    assertThat(created.json().path("ticketId").asLong()).isEqualTo(41001);
    assertThat(created.json().path("member").path("identifier").asText()).isEqualTo(cw.apiMemberIdentifier());
    assertThat(created.json().path("internalFlag").asBoolean()).isTrue();
  }

  @Test
  void notesCanBeCountedSearchedPatchedAndDeleted() {
    String notes = "/service/tickets/41001/notes";
    long id = http.post(notes, "{\"text\":\"[cwsync:evt-9] again\",\"detailDescriptionFlag\":true}").json().path("id").asLong();

    int count = http.get(notes + "/count").json().path("count").asInt();
    JsonNode found = http.get(notes + "?conditions=" + RawHttp.encode("text contains \"evt-9\"")).json();
    JsonNode patched = http.patch(notes + "/" + id, "[{\"op\":\"replace\",\"path\":\"text\",\"value\":\"edited\"}]").json();
    int deleted = http.delete(notes + "/" + id).status;

    assertThat(count).isEqualTo(2);
    assertThat(found).hasSize(1);
    assertThat(patched.path("text").asText()).isEqualTo("edited");
    assertThat(deleted).isEqualTo(204);
    assertThat(http.get(notes + "/" + id).status).isEqualTo(404);
    assertThat(http.get("/service/tickets/41002/notes/" + (id - 1)).status).isEqualTo(404);
  }

  @Test
  void aNoteOfAMissingTicketIsNotFound() {
    assertThat(http.post("/service/tickets/1/notes", "{\"text\":\"x\",\"detailDescriptionFlag\":true}").status)
        .isEqualTo(404);
  }

  @Test
  void malformedJsonAndWrongMediaTypesAreRefused() {
    RawHttp.Reply malformed = http.post("/service/tickets", "{\"summary\":");
    RawHttp.Reply array = http.post("/service/tickets", "[]");
    RawHttp.Reply text = http.with("Content-Type", "text/plain").send("POST", "/service/tickets", "{}");

    assertThat(malformed.status).isEqualTo(400);
    assertThat(array.status).isEqualTo(400);
    assertThat(text.status).isEqualTo(415);
  }

  @Test
  void unsupportedMethodsAnswer405() {
    assertThat(http.post("/service/tickets/41001", "{}").status).isEqualTo(405);
    assertThat(http.delete("/service/tickets").status).isEqualTo(405);
    assertThat(http.post("/system/securityroles", "{\"name\":\"x\"}").status).isEqualTo(405);
    assertThat(http.post("/system/info", "{}").status).isEqualTo(405);
  }
}
