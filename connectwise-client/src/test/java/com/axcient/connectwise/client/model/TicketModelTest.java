package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.fixture;
import static com.axcient.connectwise.client.model.ModelJson.read;
import static com.axcient.connectwise.client.model.ModelJson.text;
import static com.axcient.connectwise.client.model.ModelJson.tree;
import static com.axcient.connectwise.client.model.ModelJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Tickets, ticket notes and custom field values, read from ConnectWise's JSON and written back. */
class TicketModelTest {

  @Test
  void readsTicketWithReferencesCustomFieldsAndInfo() {
    Ticket ticket = fixture("ticket.json", Ticket.class);

    assertThat(ticket.id()).hasValue(48211);
    assertThat(ticket.summary()).hasValue("Backup job failed on FS01");
    assertThat(ticket.recordType()).hasValue(Ticket.RecordType.SERVICE_TICKET);
    assertThat(ticket.board().orElseThrow().id()).isEqualTo(1);
    assertThat(ticket.board().orElseThrow().name()).hasValue("Help Desk");
    assertThat(ticket.board().orElseThrow().info())
        .containsEntry(
            "board_href",
            "https://api-na.myconnectwise.net/v4_6_release/apis/3.0/service/boards/1");
    assertThat(ticket.status().orElseThrow().name()).hasValue("New (not responded)");
    assertThat(ticket.company().orElseThrow().identifier()).hasValue("ContosoLtd");
    assertThat(ticket.owner().orElseThrow().identifier()).hasValue("jdoe");
    assertThat(ticket.priority().orElseThrow().id()).isEqualTo(4);
    assertThat(ticket.country().orElseThrow().identifier()).hasValue("US");
    assertThat(ticket.agreement().orElseThrow().name()).hasValue("Managed Backup");
    assertThat(ticket.mergedParentTicket().orElseThrow().id()).isEqualTo(48100);
    assertThat(ticket.contactEmailAddress()).hasValue("dana.whitfield@contoso.example");
    assertThat(ticket.zip()).hasValue("33602");
    assertThat(ticket.requiredDate()).hasValue(Instant.parse("2024-05-03T17:00:00Z"));
    assertThat(ticket.closedDate()).hasValue(Instant.parse("2024-05-02T15:30:12Z"));
    assertThat(ticket.closedBy()).hasValue("jdoe");
    assertThat(ticket.closedFlag()).hasValue(true);
    assertThat(ticket.isInSla()).hasValue(true);
    assertThat(ticket.parentTicketId()).hasValue(48200);
    assertThat(ticket.severity()).hasValue(Ticket.Severity.MEDIUM);
    assertThat(ticket.billTime()).hasValue(BillingOption.NO_DEFAULT);
    assertThat(ticket.billExpenses()).hasValue(BillingOption.BILLABLE);
    assertThat(ticket.automaticEmailCc()).hasValue("");
    assertThat(ticket.integratorTags()).containsExactly("axcient");
    assertThat(ticket.info())
        .containsEntry("lastUpdated", "2024-05-02T15:30:12Z")
        .containsEntry("enteredBy", "AxcientApi");
    assertThat(ticket.initialDescription()).isEmpty();
  }

  @Test
  void readsHoursExactly() {
    Ticket ticket = fixture("ticket.json", Ticket.class);

    // Equal including the scale: the text "1.50" is not rounded through a double.
    assertThat(ticket.budgetHours()).hasValue(new BigDecimal("1.50"));
    assertThat(ticket.actualHours()).hasValue(new BigDecimal("0.25"));
  }

  @Test
  void readsAnUnknownEnumValueAsUnknown() {
    Ticket ticket = fixture("ticket.json", Ticket.class);

    assertThat(ticket.impact()).hasValue(Ticket.Impact.UNKNOWN);
  }

  @Test
  void readsTicketCustomFields() {
    List<CustomFieldValue> fields = fixture("ticket.json", Ticket.class).customFields();

    assertThat(fields).extracting(CustomFieldValue::id).containsExactly(7L, 8L, 9L);
    assertThat(fields.get(0).caption()).hasValue("Region");
    assertThat(fields.get(0).type()).hasValue(CustomFieldValue.Type.TEXT);
    assertThat(fields.get(0).entryMethod()).hasValue(CustomFieldValue.EntryMethod.LIST);
    assertThat(fields.get(0).value().map(JsonNode::textValue)).hasValue("EU");
    assertThat(fields.get(1).value().map(JsonNode::longValue)).hasValue(12L);
    assertThat(fields.get(2).value()).isEmpty();
  }

  @Test
  void writesNewTicketWithoutIdEmptyOptionalsOrEmptyLists() {
    Ticket ticket =
        Ticket.builder()
            .summary("Backup job failed on FS01")
            .company(Reference.of(250))
            .board(Reference.builder().id(1).name("Help Desk").build())
            .severity(Ticket.Severity.HIGH)
            .impact(Ticket.Impact.MEDIUM)
            .budgetHours(new BigDecimal("0.75"))
            .requiredDate(Instant.parse("2024-05-03T17:00:00Z"))
            .initialDescription("Job 9f61 failed: destination unreachable.")
            .processNotifications(false)
            .skipCallback(true)
            .addCustomFields(CustomFieldValue.of(7, "EU"))
            .addIntegratorTags("axcient")
            .build();

    assertThat(written(ticket))
        .isEqualTo(
            tree(
                """
                {
                  "summary": "Backup job failed on FS01",
                  "company": {"id": 250},
                  "board": {"id": 1, "name": "Help Desk"},
                  "severity": "High",
                  "impact": "Medium",
                  "budgetHours": 0.75,
                  "requiredDate": "2024-05-03T17:00:00Z",
                  "initialDescription": "Job 9f61 failed: destination unreachable.",
                  "processNotifications": false,
                  "skipCallback": true,
                  "customFields": [{"id": 7, "value": "EU"}],
                  "integratorTags": ["axcient"]
                }
                """));
    assertThat(read(text(ticket), Ticket.class)).isEqualTo(ticket);
  }

  @Test
  void copiesTicketWithChanges() {
    Ticket ticket = fixture("ticket.json", Ticket.class);

    Ticket changed = Ticket.builder().from(ticket).summary("Resolved: backup job").build();

    assertThat(changed.summary()).hasValue("Resolved: backup job");
    assertThat(changed.customFields()).isEqualTo(ticket.customFields());
    assertThat(changed.id()).isEqualTo(ticket.id());
  }

  @Test
  void readsTicketNote() {
    TicketNote note = fixture("ticket-note.json", TicketNote.class);

    assertThat(note.id()).hasValue(9001);
    assertThat(note.ticketId()).hasValue(48211);
    assertThat(note.text()).hasValue("Restarted the backup agent; the next job succeeded.");
    assertThat(note.detailDescriptionFlag()).hasValue(false);
    assertThat(note.internalAnalysisFlag()).hasValue(true);
    assertThat(note.resolutionFlag()).hasValue(true);
    assertThat(note.member().orElseThrow().identifier()).hasValue("jdoe");
    assertThat(note.contact()).isEmpty();
    assertThat(note.dateCreated()).hasValue(Instant.parse("2024-05-02T15:29:58Z"));
    assertThat(note.sentimentScore()).hasValue(new BigDecimal("0.62"));
    assertThat(note.info()).containsEntry("updatedBy", "jdoe");
  }

  @Test
  void writesNewTicketNote() {
    TicketNote note =
        TicketNote.builder()
            .text("Restarted the backup agent.")
            .internalAnalysisFlag(true)
            .processNotifications(false)
            .build();

    assertThat(written(note))
        .isEqualTo(
            tree(
                """
                {
                  "text": "Restarted the backup agent.",
                  "internalAnalysisFlag": true,
                  "processNotifications": false
                }
                """));
    assertThat(read(text(note), TicketNote.class)).isEqualTo(note);
  }

  @Test
  void readsCustomFieldValuesOfEveryKind() {
    CustomFieldValue[] fields = fixture("custom-fields.json", CustomFieldValue[].class);

    assertThat(fields[0].value()).hasValue(tree("\"EU\""));
    assertThat(fields[0].numberOfDecimals()).hasValue(0);
    assertThat(fields[1].type()).hasValue(CustomFieldValue.Type.CURRENCY);
    // Money stays exact: read as a decimal, not a double.
    assertThat(fields[1].value())
        .hasValue(DecimalNode.valueOf(new BigDecimal("1234567890123.10")));
    assertThat(fields[2].type()).hasValue(CustomFieldValue.Type.CHECKBOX);
    assertThat(fields[2].value().map(JsonNode::booleanValue)).hasValue(true);
    assertThat(fields[3].value().map(JsonNode::isNull)).hasValue(true);
    assertThat(fields[4].id()).isEqualTo(13);
    assertThat(fields[4].type()).hasValue(CustomFieldValue.Type.UNKNOWN);
    assertThat(fields[4].entryMethod()).hasValue(CustomFieldValue.EntryMethod.UNKNOWN);
    assertThat(fields[4].value()).isEmpty();
  }

  @Test
  void writesCustomFieldValuesOfEveryKind() {
    List<CustomFieldValue> fields =
        List.of(
            CustomFieldValue.of(7, "EU"),
            CustomFieldValue.of(11, new BigDecimal("1234567890123.10")),
            CustomFieldValue.of(9, true),
            CustomFieldValue.cleared(12),
            CustomFieldValue.of(14, ""));

    assertThat(text(fields))
        .isEqualTo(
            "[{\"id\":7,\"value\":\"EU\"},"
                + "{\"id\":11,\"value\":1234567890123.10},"
                + "{\"id\":9,\"value\":true},"
                + "{\"id\":12,\"value\":null},"
                + "{\"id\":14,\"value\":\"\"}]");
    assertThat(read(text(fields), CustomFieldValue[].class)).containsExactlyElementsOf(fields);
  }

  @Test
  void leavesOutAnAbsentCustomFieldValue() {
    CustomFieldValue field = CustomFieldValue.builder().id(7).caption("Region").build();

    assertThat(field.value()).isEqualTo(Optional.empty());
    assertThat(written(field)).isEqualTo(tree("{\"id\": 7, \"caption\": \"Region\"}"));
  }

  @Test
  void readsJsonNullsAsAbsent() {
    Ticket ticket =
        read(
            """
            {"id": null, "summary": null, "board": null, "integratorTags": null,
             "customFields": null, "_info": null}
            """,
            Ticket.class);

    assertThat(ticket).isEqualTo(Ticket.builder().build());
  }

  @Test
  void leavesOutAbsentIdOfNewRecords() {
    assertThat(Ticket.builder().build().id()).isEqualTo(OptionalLong.empty());
    assertThat(written(Ticket.builder().build())).isEqualTo(tree("{}"));
  }
}
