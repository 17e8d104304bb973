package com.axcient.connectwise.integration.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.policy.BillingDefaultsSection.Defaults;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.files.TestRulesSection;
import com.axcient.connectwise.integration.core.settings.files.TestRulesSection.Rules;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merge table: which source each effective value comes from. */
class EffectiveSettingsTest {

  static final TestRulesSection RULES = new TestRulesSection();
  static final BillingDefaultsSection BILLING = new BillingDefaultsSection();
  static final List<SettingsSection<?>> SECTIONS = List.of(RULES, BILLING);

  static PsaSettings credentials(String companyId) {
    return PsaSettings.builder()
        .site("na.myconnectwise.net")
        .companyId(companyId)
        .publicKey("Pub1Key2Abc")
        .privateKey(Secret.of("PrivKey" + companyId))
        .apiMemberIdentifier("BackupAPI")
        .build();
  }

  static final FetchedPolicy POLICY =
      new FetchedPolicy(
          "v1",
          GlobalPolicy.builder()
              .credentials(credentials("policyco"))
              .section(RULES, new Rules(1, true))
              .build());

  static final DeviceSettings DEVICE =
      DeviceSettings.builder()
          .credentials(credentials("deviceco"))
          .section(RULES, new Rules(2, false))
          .section(BILLING, new Defaults("GiB", 3))
          .serviceTicketCompanyId(251)
          .billingTarget(new BillingTarget(251, 10, 7))
          .build();

  @Test
  void anInheritingDeviceTakesWhatThePolicySetsAndKeepsTheRest() {
    EffectiveSettings effective = EffectiveSettings.merge(Optional.of(POLICY), DEVICE, SECTIONS);

    assertThat(effective.inheritPolicy()).isTrue();
    assertThat(effective.policyVersion()).contains("v1");
    assertThat(effective.credentials()).isEqualTo(Sourced.fromPolicy(credentials("policyco")));
    assertThat(effective.section(RULES)).isEqualTo(Sourced.fromPolicy(new Rules(1, true)));
    assertThat(effective.section(BILLING)).isEqualTo(Sourced.fromDevice(new Defaults("GiB", 3)));
    assertThat(effective.serviceTicketCompanyId()).isEqualTo(Sourced.fromDevice(251L));
    assertThat(effective.billingTarget()).isEqualTo(Sourced.fromDevice(new BillingTarget(251, 10, 7)));
  }

  @Test
  void aDeviceThatDoesNotInheritKeepsItsOwnValues() {
    DeviceSettings device = DEVICE.toBuilder().inheritPolicy(false).build();

    EffectiveSettings effective = EffectiveSettings.merge(Optional.of(POLICY), device, SECTIONS);

    assertThat(effective.inheritPolicy()).isFalse();
    assertThat(effective.policyVersion()).isEmpty();
    assertThat(effective.credentials()).isEqualTo(Sourced.fromDevice(credentials("deviceco")));
    assertThat(effective.section(RULES)).isEqualTo(Sourced.fromDevice(new Rules(2, false)));
    assertThat(effective.section(BILLING).source()).isEqualTo(Source.DEVICE);
  }

  @Test
  void whatNobodySetsFallsBackToTheDefault() {
    DeviceSettings bare = DeviceSettings.builder().build();

    EffectiveSettings effective = EffectiveSettings.merge(Optional.empty(), bare, SECTIONS);

    assertThat(effective.credentials()).isEqualTo(Sourced.byDefault(Optional.empty()));
    assertThat(effective.section(RULES)).isEqualTo(Sourced.byDefault(Optional.empty()));
    assertThat(effective.section(BILLING)).isEqualTo(Sourced.byDefault(Optional.of(new Defaults("GB", 2))));
    assertThat(effective.section("billing").value()).hasValueSatisfying(json -> assertThat(json.path("unit").asText()).isEqualTo("GB"));
    assertThat(effective.section("unknown")).isEqualTo(Sourced.byDefault(Optional.empty()));
    assertThat(effective.serviceTicketCompanyId()).isEqualTo(Sourced.byDefault(Optional.empty()));
    assertThat(effective.billingTarget()).isEqualTo(Sourced.byDefault(Optional.empty()));
  }

  @Test
  void aPolicyWithoutCredentialsLeavesTheDevicesCredentialsInForce() {
    FetchedPolicy rulesOnly =
        new FetchedPolicy("v2", GlobalPolicy.builder().section(BILLING, new Defaults("GB", 0)).build());

    EffectiveSettings effective = EffectiveSettings.merge(Optional.of(rulesOnly), DEVICE, SECTIONS);

    assertThat(effective.credentials()).isEqualTo(Sourced.fromDevice(credentials("deviceco")));
    assertThat(effective.section(RULES)).isEqualTo(Sourced.fromDevice(new Rules(2, false)));
    assertThat(effective.section(BILLING)).isEqualTo(Sourced.fromPolicy(new Defaults("GB", 0)));
  }

  @Test
  void deviceOnlySettingsNeverComeFromThePolicy() {
    DeviceSettings withoutDeviceOnly = DeviceSettings.builder().build();

    EffectiveSettings effective =
        EffectiveSettings.merge(Optional.of(POLICY), withoutDeviceOnly, SECTIONS);

    assertThat(effective.serviceTicketCompanyId().source()).isEqualTo(Source.DEFAULT);
    assertThat(effective.billingTarget().source()).isEqualTo(Source.DEFAULT);
  }

  @Test
  void effectiveSettingsAreImmutableAndKeepTheKeyOutOfToString() {
    EffectiveSettings effective = EffectiveSettings.merge(Optional.of(POLICY), DEVICE, SECTIONS);
    ((ObjectNode) effective.section("ticketing").value().orElseThrow()).put("boardId", 99);
    ((ObjectNode) effective.sections().get("ticketing").value().orElseThrow()).put("boardId", 99);

    assertThat(effective.section(RULES).value()).contains(new Rules(1, true));
    assertThat(effective.toString()).doesNotContain("PrivKeypolicyco").doesNotContain("PrivKeydeviceco");
  }
}
