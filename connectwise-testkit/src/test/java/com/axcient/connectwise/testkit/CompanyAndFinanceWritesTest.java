package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompanyAndFinanceWritesTest {

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

  private long importedStatusId() {
    JsonNode statuses = http.get("/company/companies/statuses?conditions="
        + RawHttp.encode("name = \"Imported\"")).json();
    assertThat(statuses).hasSize(1);
    return statuses.get(0).path("id").asLong();
  }

  @Test
  void aCompanyCanBeCreatedWithTheImportedStatus() {
    RawHttp.Reply reply = http.post("/company/companies", "{\"identifier\":\"Globex\",\"name\":\"Globex Corp\","
        + "\"status\":{\"id\":" + importedStatusId() + "},\"city\":\"Springfield\"}");

    assertThat(reply.status).as(reply.body).isEqualTo(201);
    assertThat(reply.json().path("status").path("name").asText()).isEqualTo("Imported");
    assertThat(reply.json().path("deletedFlag").asBoolean()).isFalse();
  }

  @Test
  void aDuplicateIdentifierIsObjectExistsWhateverItsCase() {
    RawHttp.Reply reply = http.post("/company/companies",
        "{\"identifier\":\"acmedental\",\"name\":\"Another Acme\",\"city\":\"Orlando\"}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("InvalidObject");
    JsonNode error = reply.json().path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("ObjectExists");
    assertThat(error.path("field").asText()).isEqualTo("identifier");
    assertThat(error.path("resource").asText()).isEqualTo("company");
  }

  @Test
  void aNewCompanyNeedsAnAddressField() {
    RawHttp.Reply reply = http.post("/company/companies", "{\"identifier\":\"NoAddress\",\"name\":\"No Address\"}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json().path("errors").get(0).path("code").asText()).isEqualTo("MissingRequiredField");
  }

  @Test
  void companyTypesCanOnlyBeSetOnCreate() {
    long id = http.post("/company/companies", "{\"identifier\":\"Typed\",\"name\":\"Typed\",\"zip\":\"12345\","
        + "\"types\":[{\"id\":1,\"name\":\"Client\"}]}").json().path("id").asLong();

    JsonNode patched = http.patch("/company/companies/" + id,
        "[{\"op\":\"replace\",\"path\":\"types\",\"value\":[{\"id\":2,\"name\":\"Prospect\"}]}]").json();

    assertThat(patched.path("types").get(0).path("name").asText()).isEqualTo("Client");
  }

  @Test
  void aCompanyInUseCannotBeDeleted() {
    RawHttp.Reply reply = http.delete("/company/companies/251");

    assertThat(reply.status).isEqualTo(409);
    assertThat(reply.json().path("code").asText()).isEqualTo("Conflict");
  }

  @Test
  void agreementsCarryTheirStatusAndAdditionsWithOneCancelled() {
    JsonNode agreements = http.get("/finance/agreements").json();
    JsonNode additions = http.get("/finance/agreements/10/additions").json();

    assertThat(agreements).extracting(a -> a.path("agreementStatus").asText()).contains("Active", "Expired");
    assertThat(additions).anySatisfy(a -> assertThat(a.has("cancelledDate")).isTrue());
    assertThat(additions).anySatisfy(a -> assertThat(a.has("cancelledDate")).isFalse());
    assertThat(http.get("/finance/agreements/count").json().path("count").asInt()).isEqualTo(3);
    assertThat(http.get("/finance/agreements/10/additions/count").json().path("count").asInt()).isEqualTo(3);
  }

  @Test
  void additionsAreCreatedFromTheCatalogAndTheirQuantityPatchedAsADouble() {
    RawHttp.Reply created = http.post("/finance/agreements/11/additions",
        "{\"product\":{\"identifier\":\"BACKUP-APPLIANCE\"},\"billCustomer\":\"Billable\",\"quantity\":2}");
    long id = created.json().path("id").asLong();

    RawHttp.Reply patched = http.patch("/finance/agreements/11/additions/" + id,
        "[{\"op\":\"replace\",\"path\":\"quantity\",\"value\":1234.57}]");

    assertThat(created.status).as(created.body).isEqualTo(201);
    assertThat(created.json().path("agreementId").asLong()).isEqualTo(11);
    assertThat(created.json().path("unitPrice").asDouble()).isEqualTo(149.0);
    assertThat(created.json().path("quantity").isDouble()).isTrue();
    assertThat(patched.json().path("quantity").asDouble()).isEqualTo(1234.57);
    assertThat(patched.json().path("extPrice").asDouble()).isEqualTo(1234.57 * 149.0);
    assertThat(http.delete("/finance/agreements/11/additions/" + id).status).isEqualTo(204);
  }

  @Test
  void anAdditionNeedsAProductThatExistsAndABillCustomerValue() {
    RawHttp.Reply noProduct = http.post("/finance/agreements/10/additions", "{\"billCustomer\":\"Billable\"}");
    RawHttp.Reply badProduct = http.post("/finance/agreements/10/additions",
        "{\"product\":{\"identifier\":\"NOPE\"},\"billCustomer\":\"Billable\"}");
    RawHttp.Reply badBill = http.post("/finance/agreements/10/additions",
        "{\"product\":{\"id\":60},\"billCustomer\":\"Sometimes\"}");

    assertThat(noProduct.status).isEqualTo(400);
    assertThat(badProduct.status).isEqualTo(400);
    assertThat(badBill.status).isEqualTo(400);
  }

  @Test
  void boardsHaveStatusesTeamsTypesSubtypesItemsAndValidCombinations() {
    JsonNode statuses = http.get("/service/boards/1/statuses").json();
    JsonNode teams = http.get("/service/boards/1/teams").json();

    assertThat(statuses).filteredOn(s -> s.path("defaultFlag").asBoolean()).hasSize(1);
    assertThat(statuses).filteredOn(s -> s.path("closedStatus").asBoolean()).hasSizeGreaterThan(1);
    assertThat(statuses).filteredOn(s -> s.path("inactive").asBoolean()).hasSize(1);
    assertThat(teams).filteredOn(t -> t.path("defaultFlag").asBoolean()).hasSize(1);
    assertThat(http.get("/service/boards/1/types").json()).isNotEmpty();
    assertThat(http.get("/service/boards/1/subtypes").json()).isNotEmpty();
    assertThat(http.get("/service/boards/1/items").json()).isNotEmpty();
    assertThat(http.get("/service/boards/1/typeSubTypeItemAssociations").json()).hasSize(5);
    assertThat(http.get("/service/boards?conditions=inactiveFlag%3Dtrue").json()).hasSize(1);
    assertThat(http.get("/service/boards/99/statuses").status).isEqualTo(404);
  }

  @Test
  void aNewDefaultStatusTakesOverFromTheOldOne() {
    RawHttp.Reply created = http.post("/service/boards/2/statuses",
        "{\"name\":\"Triage\",\"defaultFlag\":true,\"closedStatus\":false}");

    JsonNode defaults = http.get("/service/boards/2/statuses?conditions=defaultFlag%3Dtrue").json();
    assertThat(created.status).isEqualTo(201);
    assertThat(defaults).hasSize(1);
    assertThat(defaults.get(0).path("name").asText()).isEqualTo("Triage");
    assertThat(created.json().path("board").path("id").asLong()).isEqualTo(2);
  }

  @Test
  void catalogPrioritiesRolesAndMembersAreReadable() {
    assertThat(http.get("/procurement/catalog?conditions=" + RawHttp.encode("identifier = \"BACKUP-CLOUD-GB\"")).json())
        .hasSize(1);
    assertThat(http.get("/service/priorities").json()).hasSize(4);
    assertThat(http.get("/system/securityroles").json()).extracting(r -> r.path("name").asText())
        .contains("API Integration");
    assertThat(http.get("/system/members?conditions=" + RawHttp.encode("licenseClass = \"A\"")).json()).hasSize(1);
    assertThat(http.get("/system/members/count").json().path("count").asInt()).isEqualTo(4);
  }

  @Test
  void callbacksCanBeRegisteredChangedAndRemoved() {
    RawHttp.Reply created = http.post("/system/callbacks", "{\"url\":\"https://receiver.example/cw\","
        + "\"objectId\":1,\"type\":\"ticket\",\"level\":\"owner\",\"description\":\"tickets\"}");
    long id = created.json().path("id").asLong();
    RawHttp.Reply invalid = http.post("/system/callbacks",
        "{\"url\":\"not a url\",\"objectId\":1,\"type\":\"ticket\",\"level\":\"owner\"}");
    RawHttp.Reply patched = http.patch("/system/callbacks/" + id,
        "[{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":true}]");

    assertThat(created.status).isEqualTo(201);
    assertThat(created.json().path("memberId").asLong()).isPositive();
    assertThat(invalid.status).isEqualTo(400);
    assertThat(patched.json().path("inactiveFlag").asBoolean()).isTrue();
    assertThat(http.get("/system/callbacks/count").json().path("count").asInt()).isEqualTo(1);
    assertThat(http.delete("/system/callbacks/" + id).status).isEqualTo(204);
  }
}
