package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** References and tickets are read straight into their builders; what ConnectWise sends still reads. */
class ReferenceReadingTest {

  @Test
  void aReferenceKeepsItsInfoAndIgnoresFieldsItDoesNotKnow() throws Exception {
    Reference board =
        MAPPER.readValue(
            "{\"id\": 1, \"name\": \"Help Desk\", \"newField\": {\"deep\": [1, 2]},"
                + " \"_info\": {\"board_href\": \"https://cw/apis/3.0/service/boards/1\"}}",
            Reference.class);

    assertThat(board.id()).isEqualTo(1);
    assertThat(board.name()).contains("Help Desk");
    assertThat(board.info()).containsEntry("board_href", "https://cw/apis/3.0/service/boards/1");
  }

  @Test
  void aStringIdIsReadAsItsNumber() throws Exception {
    assertThat(MAPPER.readValue("{\"id\": \"17\"}", Reference.class).id()).isEqualTo(17);
  }

  @Test
  void aReferenceWithoutAnIdIsRefusedNamingReference() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"name\": \"Help Desk\"}", Reference.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Reference");
  }

  @Test
  void aTicketWithNullListsAndNullReferencesReadsAsEmpty() throws Exception {
    Ticket ticket =
        MAPPER.readValue(
            "{\"id\": 5, \"summary\": \"s\", \"team\": null, \"customFields\": null,"
                + " \"_info\": null, \"board\": {\"id\": 1}, \"unknownThing\": true}",
            Ticket.class);

    assertThat(ticket.id()).hasValue(5);
    assertThat(ticket.team()).isEmpty();
    assertThat(ticket.customFields()).isEmpty();
    assertThat(ticket.info()).isEmpty();
    assertThat(ticket.board().map(Reference::id)).contains(1L);
  }
}
