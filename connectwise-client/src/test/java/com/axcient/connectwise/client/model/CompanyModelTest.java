package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.fixture;
import static com.axcient.connectwise.client.model.ModelJson.read;
import static com.axcient.connectwise.client.model.ModelJson.text;
import static com.axcient.connectwise.client.model.ModelJson.tree;
import static com.axcient.connectwise.client.model.ModelJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Companies, company statuses and the unauthenticated company information answer. */
class CompanyModelTest {

  @Test
  void readsCompany() {
    Company company = fixture("company.json", Company.class);

    assertThat(company.id()).hasValue(250);
    assertThat(company.identifier()).hasValue("ContosoLtd");
    assertThat(company.name()).hasValue("Contoso Ltd.");
    assertThat(company.status().orElseThrow().name()).hasValue("Active");
    assertThat(company.types()).extracting(Reference::id).containsExactly(1L, 5L);
    assertThat(company.types().get(0).name()).hasValue("Client");
    assertThat(company.addressLine2()).hasValue("Suite 400");
    assertThat(company.state()).hasValue("FL");
    assertThat(company.country().orElseThrow().identifier()).hasValue("US");
    assertThat(company.faxNumber()).hasValue("");
    assertThat(company.website()).hasValue("www.contoso.example");
    assertThat(company.territory().orElseThrow().id()).isEqualTo(2);
    assertThat(company.defaultContact().orElseThrow().name()).hasValue("Dana Whitfield");
    assertThat(company.dateAcquired()).hasValue(Instant.parse("2019-03-01T00:00:00Z"));
    assertThat(company.annualRevenue()).hasValue(new BigDecimal("12500000.00"));
    assertThat(company.numberOfEmployees()).hasValue(140);
    assertThat(company.billingTerms().orElseThrow().name()).hasValue("Net 30 days");
    assertThat(company.territoryManager().orElseThrow().identifier()).hasValue("jdoe");
    assertThat(company.deletedFlag()).hasValue(false);
    assertThat(company.dateDeleted()).isEmpty();
    assertThat(company.isVendorFlag()).hasValue(false);
    assertThat(company.integratorTags()).containsExactly("axcient", "msp-portal");
    assertThat(company.info())
        .containsEntry("dateEntered", "2019-03-01T14:12:00Z")
        .containsKey("tickets_href");
  }

  @Test
  void readsCompanyCustomFieldsWithAnUnknownType() {
    Company company = fixture("company.json", Company.class);

    assertThat(company.customFields()).hasSize(2);
    assertThat(company.customFields().get(1).type()).hasValue(CustomFieldValue.Type.UNKNOWN);
    assertThat(company.customFields().get(1).value().map(JsonNode::textValue)).hasValue("Gold");
  }

  @Test
  void writesNewCompany() {
    Company company =
        Company.builder()
            .identifier("Fabrikam")
            .name("Fabrikam, Inc.")
            .addressLine1("5 Market Street")
            .city("Tampa")
            .state("FL")
            .status(Reference.of(6))
            .addTypes(Reference.of(1))
            .addCustomFields(CustomFieldValue.of(7, "US"))
            .build();

    assertThat(written(company))
        .isEqualTo(
            tree(
                """
                {
                  "identifier": "Fabrikam",
                  "name": "Fabrikam, Inc.",
                  "addressLine1": "5 Market Street",
                  "city": "Tampa",
                  "state": "FL",
                  "status": {"id": 6},
                  "types": [{"id": 1}],
                  "customFields": [{"id": 7, "value": "US"}]
                }
                """));
    assertThat(read(text(company), Company.class)).isEqualTo(company);
  }

  @Test
  void readsCompanyStatus() {
    CompanyStatus status = fixture("company-status.json", CompanyStatus.class);

    assertThat(status.id()).hasValue(6);
    assertThat(status.name()).hasValue("Imported");
    assertThat(status.defaultFlag()).hasValue(false);
    assertThat(status.inactiveFlag()).hasValue(false);
    assertThat(status.notifyFlag()).hasValue(true);
    assertThat(status.disallowSavingFlag()).hasValue(false);
    assertThat(status.notificationMessage())
        .hasValue("Imported by the Axcient integration; check the address.");
    assertThat(status.track().orElseThrow().name()).hasValue("Onboarding");
    assertThat(status.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void writesCompanyStatus() {
    CompanyStatus status =
        CompanyStatus.builder().name("Imported").notifyFlag(false).inactiveFlag(false).build();

    assertThat(written(status))
        .isEqualTo(
            tree("{\"name\": \"Imported\", \"notifyFlag\": false, \"inactiveFlag\": false}"));
    assertThat(read(text(status), CompanyStatus.class)).isEqualTo(status);
  }

  @Test
  void readsCompanyInfoWithItsCapitalisedNames() {
    CompanyInfo info = fixture("company-info.json", CompanyInfo.class);

    assertThat(info.companyName()).hasValue("Contoso Managed Services");
    assertThat(info.codebase()).hasValue("v2025_1/");
    assertThat(info.versionCode()).hasValue("v2025.1");
    assertThat(info.versionNumber()).hasValue("v4.6.88123");
    assertThat(info.companyId()).hasValue("contoso");
    assertThat(info.isCloud()).hasValue(true);
    assertThat(info.siteUrl()).hasValue("na.myconnectwise.net");
  }

  @Test
  void writesCompanyInfoWithItsCapitalisedNames() {
    CompanyInfo info =
        CompanyInfo.builder().codebase("v4_6_release/").companyId("contoso").isCloud(false).build();

    assertThat(written(info))
        .isEqualTo(
            tree(
                """
                {"Codebase": "v4_6_release/", "CompanyID": "contoso", "IsCloud": false}
                """));
    assertThat(read(text(info), CompanyInfo.class)).isEqualTo(info);
  }
}
