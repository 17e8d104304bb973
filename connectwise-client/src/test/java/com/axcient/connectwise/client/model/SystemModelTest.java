package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.fixture;
import static com.axcient.connectwise.client.model.ModelJson.read;
import static com.axcient.connectwise.client.model.ModelJson.text;
import static com.axcient.connectwise.client.model.ModelJson.tree;
import static com.axcient.connectwise.client.model.ModelJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Members, callback registrations and system information. */
class SystemModelTest {

  @Test
  void readsMember() {
    Member member = fixture("member.json", Member.class);

    assertThat(member.id()).hasValue(190);
    assertThat(member.identifier()).hasValue("axcient-api");
    assertThat(member.licenseClass()).hasValue(Member.LicenseClass.API);
    assertThat(member.firstName()).hasValue("Axcient");
    assertThat(member.middleInitial()).hasValue("");
    assertThat(member.lastName()).hasValue("Integration");
    assertThat(member.title()).hasValue("Service account");
    assertThat(member.hireDate()).hasValue(Instant.parse("2023-09-01T00:00:00Z"));
    assertThat(member.inactiveFlag()).hasValue(false);
    assertThat(member.officeEmail()).hasValue("integrations@contoso.example");
    assertThat(member.defaultEmail()).hasValue(Member.ContactChannel.OFFICE);
    assertThat(member.defaultPhone()).hasValue(Member.ContactChannel.UNKNOWN);
    assertThat(member.securityRole().orElseThrow().name()).hasValue("API Member");
    assertThat(member.type().orElseThrow().name()).hasValue("Integration");
    assertThat(member.reportsTo().orElseThrow().identifier()).hasValue("jdoe");
    assertThat(member.defaultDepartment().orElseThrow().identifier()).hasValue("Services");
    assertThat(member.serviceDefaultBoard().orElseThrow().id()).isEqualTo(1);
    assertThat(member.customFields())
        .extracting(CustomFieldValue::caption)
        .containsExactly(Optional.of("Owner team"));
    assertThat(member.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void writesNewMember() {
    Member member =
        Member.builder()
            .identifier("jsmith")
            .licenseClass(Member.LicenseClass.FULL)
            .firstName("Jo")
            .lastName("Smith")
            .hireDate(Instant.parse("2024-06-03T00:00:00Z"))
            .defaultEmail(Member.ContactChannel.OFFICE)
            .defaultPhone(Member.ContactChannel.MOBILE)
            .securityRole(Reference.of(61))
            .build();

    assertThat(written(member))
        .isEqualTo(
            tree(
                """
                {
                  "identifier": "jsmith",
                  "licenseClass": "F",
                  "firstName": "Jo",
                  "lastName": "Smith",
                  "hireDate": "2024-06-03T00:00:00Z",
                  "defaultEmail": "Office",
                  "defaultPhone": "Mobile",
                  "securityRole": {"id": 61}
                }
                """));
    assertThat(read(text(member), Member.class)).isEqualTo(member);
  }

  @Test
  void readsCallback() {
    Callback callback = fixture("callback.json", Callback.class);

    assertThat(callback.id()).hasValue(12);
    assertThat(callback.description()).hasValue("Axcient ticket sync");
    assertThat(callback.url())
        .hasValue("https://hooks.axcient.example/connectwise/tickets?token=abc");
    assertThat(callback.objectId()).hasValue(1);
    assertThat(callback.type()).hasValue("ticket");
    assertThat(callback.level()).hasValue("owner");
    assertThat(callback.memberId()).hasValue(190);
    assertThat(callback.payloadVersion()).hasValue("2020.3");
    assertThat(callback.inactiveFlag()).hasValue(false);
    assertThat(callback.isSoapCallbackFlag()).hasValue(false);
    assertThat(callback.isSelfSuppressedFlag()).hasValue(true);
    assertThat(callback.connectWiseId()).hasValue("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(callback.info()).containsEntry("updatedBy", "axcient-api");
  }

  @Test
  void writesNewCallback() {
    Callback callback =
        Callback.builder()
            .description("Axcient ticket sync")
            .url("https://hooks.axcient.example/connectwise/tickets")
            .type("ticket")
            .level("owner")
            .objectId(1)
            .inactiveFlag(false)
            .build();

    assertThat(written(callback))
        .isEqualTo(
            tree(
                """
                {
                  "description": "Axcient ticket sync",
                  "url": "https://hooks.axcient.example/connectwise/tickets",
                  "type": "ticket",
                  "level": "owner",
                  "objectId": 1,
                  "inactiveFlag": false
                }
                """));
    assertThat(read(text(callback), Callback.class)).isEqualTo(callback);
  }

  @Test
  void writesCallbackConnectWiseIdUnderItsJsonName() {
    Callback callback = Callback.builder().connectWiseId("3f2504e0").build();

    assertThat(written(callback)).isEqualTo(tree("{\"connectWiseID\": \"3f2504e0\"}"));
  }

  @Test
  void readsSystemInfo() {
    SystemInfo info = fixture("system-info.json", SystemInfo.class);

    assertThat(info.version()).hasValue("v2025.1.95418");
    assertThat(info.isCloud()).hasValue(true);
    assertThat(info.serverTimeZone()).hasValue("Eastern Standard Time");
    assertThat(info.cloudRegion()).hasValue("NA");
    assertThat(info.maxWorkFlowRecordsAllowed()).hasValue(2000);
    assertThat(info.licenseBits())
        .containsExactly(
            SystemInfo.LicenseBit.builder().name("Procurement").activeFlag(true).build(),
            SystemInfo.LicenseBit.builder().name("Sandbox").activeFlag(false).build());
  }

  @Test
  void writesSystemInfo() {
    SystemInfo info =
        SystemInfo.builder()
            .version("v2025.1.95418")
            .isCloud(false)
            .addLicenseBits(SystemInfo.LicenseBit.builder().name("Procurement").build())
            .build();

    assertThat(written(info))
        .isEqualTo(
            tree(
                """
                {"version": "v2025.1.95418", "isCloud": false,
                 "licenseBits": [{"name": "Procurement"}]}
                """));
    assertThat(read(text(info), SystemInfo.class)).isEqualTo(info);
  }
}
