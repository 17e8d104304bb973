package com.axcient.connectwise.integration.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BillingMappingTest {

  @Test
  void namesTheFieldAndWhereToFindTheId() {
    assertThatThrownBy(() -> new BillingMapping("appliance-1", 251, 0, 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agreementId must be a ConnectWise id (1 or more), was 0")
        .hasMessageContaining("Finance › Agreements");
    assertThatThrownBy(() -> new BillingMapping("appliance-1", -3, 10, 500))
        .hasMessageContaining("companyId");
    assertThatThrownBy(() -> new BillingMapping("appliance-1", 251, 10, 0))
        .hasMessageContaining("additionId");
    assertThatThrownBy(() -> new BillingMapping("  ", 251, 10, 500))
        .hasMessageContaining("applianceId is missing");
  }

  @Test
  void stripsTheApplianceId() {
    assertThat(new BillingMapping(" appliance-1 ", 251, 10, 500).applianceId())
        .isEqualTo("appliance-1");
  }
}
