package com.axcient.connectwise.integration.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageReportTest {

  @Test
  void dataReplicatedToSeveralVaultsCountsOncePerVault() {
    StorageReport report =
        StorageReport.builder()
            .reportId("r-1")
            .applianceId("appliance-1")
            .protectedSystem("FS01", Map.of("local", 100L, "cloud-east", 100L, "cloud-west", 100L))
            .protectedSystem("SQL01", Map.of("local", 50L))
            .build();

    assertThat(report.protectedSystems().get(0).totalBytes()).isEqualTo(BigInteger.valueOf(300));
    assertThat(report.totalBytes()).isEqualTo(BigInteger.valueOf(350));
  }

  @Test
  void totalsBeyondLongMaxValueAreExact() {
    StorageReport report =
        StorageReport.builder()
            .reportId("r-1")
            .applianceId("appliance-1")
            .protectedSystem("FS01", Map.of("local", Long.MAX_VALUE, "cloud", Long.MAX_VALUE))
            .protectedSystem("SQL01", Map.of("local", Long.MAX_VALUE))
            .build();

    assertThat(report.totalBytes())
        .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)));
  }

  @Test
  void anEmptyReportBillsNothing() {
    StorageReport report = new StorageReport("r-1", "appliance-1", List.of());

    assertThat(report.totalBytes()).isZero();
  }

  @Test
  void keepsTheVaultOrderAndCannotBeChangedAfterwards() {
    Map<String, Long> vaults = new LinkedHashMap<>();
    vaults.put("z-vault", 1L);
    vaults.put("a-vault", 2L);
    StorageReport.ProtectedSystem system = StorageReport.ProtectedSystem.of("FS01", vaults);
    vaults.put("late", 3L);

    assertThat(system.bytesPerVault()).containsOnlyKeys("z-vault", "a-vault");
    assertThat(system.bytesPerVault().keySet()).containsExactly("z-vault", "a-vault");
    assertThatThrownBy(() -> system.bytesPerVault().put("x", BigInteger.ONE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesTheMissingId() {
    assertThatThrownBy(() -> StorageReport.builder().applianceId("appliance-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reportId is missing");
    assertThatThrownBy(() -> StorageReport.builder().reportId("r-1").applianceId(" ").build())
        .hasMessageContaining("applianceId is missing");
  }

  @Test
  void readsFromJsonIncludingCountsBeyondLong() throws Exception {
    String json =
        "{\"reportId\":\"r-9\",\"applianceId\":\"appliance-9\",\"protectedSystems\":["
            + "{\"name\":\"FS01\",\"bytesPerVault\":{\"local\":18446744073709551615}}]}";

    StorageReport report = new ObjectMapper().readValue(json, StorageReport.class);

    // Read as sent; BillingService.plan rejects the wrapped-around counter with a clear error.
    assertThat(report.protectedSystems().get(0).bytesPerVault().get("local"))
        .isEqualTo(new BigInteger("18446744073709551615"));
  }
}
