package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.testkit.internal.ApiSchema;
import com.axcient.connectwise.testkit.internal.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every body the simulator returns for every resource, validated against the official schema
 * shipped in the jar (field names, types, formats, enum values), or against the supplement for
 * the four resources the GET-only official subset lacks.
 */
class SchemaConformanceTest {

  private static final SchemaValidator VALIDATOR = new SchemaValidator(ApiSchema.get());
  private static ConnectWiseSimulator cw;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    cw = ConnectWiseSimulator.builder().cloud(true).build().start();
    http = new RawHttp(cw);
    // Records written through the API with many optional fields, so their shapes are checked too.
    http.post("/service/tickets", "{\"summary\":\"Full ticket\",\"company\":{\"id\":251},"
        + "\"board\":{\"id\":1},\"status\":{\"id\":2},\"team\":{\"id\":21},\"owner\":{\"identifier\":\"jsmith\"},"
        + "\"priority\":{\"id\":1},\"type\":{\"id\":101},\"subType\":{\"id\":203},\"item\":{\"id\":300},"
        + "\"contact\":{\"id\":301,\"name\":\"Alice Ng\"},\"contactName\":\"Alice Ng\","
        + "\"contactEmailAddress\":\"alice@acme.example\",\"externalXRef\":\"cwsync:x:1:1\","
        + "\"requiredDate\":\"2025-07-01T00:00:00Z\",\"budgetHours\":2,\"integratorTags\":[\"backup\"],"
        + "\"customFields\":[{\"id\":3,\"caption\":\"Region\",\"type\":\"Text\",\"entryMethod\":\"EntryField\","
        + "\"numberOfDecimals\":0,\"value\":\"EU\"}],\"initialDescription\":\"d\",\"initialResolution\":\"r\"}");
    http.post("/finance/agreements/10/additions", "{\"product\":{\"id\":63},\"billCustomer\":\"NoCharge\","
        + "\"quantity\":3,\"invoiceDescription\":\"Labour\",\"serialNumber\":\"SN1\"}");
    http.post("/system/callbacks", "{\"url\":\"https://receiver.example/cw\",\"objectId\":1,"
        + "\"type\":\"ticket\",\"level\":\"owner\",\"description\":\"all tickets\",\"inactiveFlag\":true}");
    http.post("/company/companies", "{\"identifier\":\"SchemaCo\",\"name\":\"Schema Co\",\"zip\":\"12345\","
        + "\"website\":\"schema.example\",\"phoneNumber\":\"555\",\"types\":[{\"id\":1,\"name\":\"Client\"}]}");
  }

  @AfterAll
  static void stop() {
    cw.close();
  }

  static Stream<Arguments> collections() {
    return Stream.of(
        Arguments.of("/system/members", "Member"),
        Arguments.of("/system/securityroles", "SecurityRole"),
        Arguments.of("/system/callbacks", "CallbackEntry"),
        Arguments.of("/service/boards", "Board"),
        Arguments.of("/service/boards/1/statuses", "BoardStatus"),
        Arguments.of("/service/boards/1/teams", "BoardTeam"),
        Arguments.of("/service/boards/1/types", "BoardType"),
        Arguments.of("/service/boards/1/subtypes", "BoardSubType"),
        Arguments.of("/service/boards/1/items", "BoardItem"),
        Arguments.of("/service/boards/1/typeSubTypeItemAssociations", "BoardTypeSubTypeItemAssociation"),
        Arguments.of("/service/priorities", "Priority"),
        Arguments.of("/service/tickets", "Ticket"),
        Arguments.of("/service/tickets/41001/notes", "ServiceNote"),
        Arguments.of("/service/tickets/41004/notes", "ServiceNote"),
        Arguments.of("/company/companies", "Company"),
        Arguments.of("/company/companies/statuses", "CompanyStatus"),
        Arguments.of("/finance/agreements", "Agreement"),
        Arguments.of("/finance/agreements/10/additions", "Addition"),
        Arguments.of("/procurement/catalog", "CatalogItem"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("collections")
  void everyListedAndFetchedRecordMatchesTheSchema(String path, String schema) {
    RawHttp.Reply list = http.get(path + "?pageSize=1000");
    assertThat(list.status).isEqualTo(200);
    assertThat(list.json()).isNotEmpty();
    for (JsonNode record : list.json()) {
      assertThat(VALIDATOR.validate(record, schema)).as(path + " " + record).isEmpty();
      RawHttp.Reply one = http.get(path + "/" + record.path("id").asLong());
      assertThat(one.status).isEqualTo(200);
      assertThat(VALIDATOR.validate(one.json(), schema)).isEmpty();
    }
    assertThat(VALIDATOR.validate(http.get(path + "/count").json(), "Count")).isEmpty();
  }

  @Test
  void theSupplementCoversOnlyWhatTheOfficialSubsetLacks() {
    List<String> supplemented = Stream.of("Info", "CallbackEntry", "SecurityRole", "BoardTypeSubTypeItemAssociation")
        .filter(name -> !ApiSchema.get().isOfficial(name)).toList();

    assertThat(supplemented).hasSize(4);
    assertThat(collections().map(a -> (String) a.get()[1]).filter(ApiSchema.get()::isOfficial))
        .contains("Ticket", "ServiceNote", "BoardStatus", "Company", "Addition", "Member");
  }

  @Test
  void systemInfoMatchesItsSchema() {
    assertThat(VALIDATOR.validate(http.get("/system/info").json(), "Info")).isEmpty();
  }

  @Test
  void theValidatorCatchesWrongNamesAndTypes() throws Exception {
    JsonNode bad = RawHttp.MAPPER.readTree("{\"id\":\"7\",\"inactiveFlag\":true,\"closedStatus\":1,"
        + "\"board\":{\"id\":1,\"colour\":\"red\"}}");

    assertThat(VALIDATOR.validate(bad, "BoardStatus")).hasSize(4);
  }

  @Test
  void errorBodiesHaveConnectWisesShape() {
    JsonNode error = http.post("/service/tickets", "{\"summary\":\"\"}").json();

    assertThat(error.fieldNames()).toIterable().containsExactly("code", "message", "errors");
    assertThat(error.path("errors").get(0).fieldNames()).toIterable()
        .containsExactly("code", "message", "resource", "field");
  }
}
