package com.axcient.connectwise.integration.billing;

import static com.axcient.connectwise.integration.billing.Simulated.ACME;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_APPLIANCE;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry.Outcome;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The billing audit in the product's durable state: the embedded H2 state store. */
class JdbcBillingAuditTest {

  static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static ConnectWiseSimulatorExtension simulator =
      ConnectWiseSimulatorExtension.perTest().configure(builder -> builder.clock(CLOCK));

  @Test
  void writtenAndFailedWritesAreInTheStateStoreAfterARestart(
      ConnectWiseSimulator cw, @TempDir Path folder) {
    cw.faults().on("PATCH", "/finance/agreements/10/additions/501").always().respondStatus(503);
    BillingResult result;
    try (JdbcStateStore state = JdbcStateStore.h2File(folder, CLOCK);
        ConnectWiseClient client = Simulated.client(cw)) {
      BillingService billing =
          BillingService.builder()
              .client(client)
              .auditLog(state.billingAudit())
              .mappings(
                  List.of(
                      new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
                      new BillingMapping("appliance-2", ACME, ACME_AGREEMENT, ACME_APPLIANCE)))
              .clock(CLOCK)
              .site("acme-msp")
              .build();
      result =
          billing.apply(
              List.of(
                  report("r-1", "appliance-1", 1_234_567_890_123L),
                  report("r-2", "appliance-2", 5_000_000_000L)));
    }

    try (JdbcStateStore reopened = JdbcStateStore.h2File(folder, CLOCK)) {
      List<BillingAuditEntry> written = reopened.billingAudit().forAddition("acme-msp", ACME_CLOUD_GB);
      assertThat(written).singleElement().satisfies(entry -> {
        assertThat(entry.at()).isEqualTo(NOW);
        assertThat(entry.agreementId()).isEqualTo(ACME_AGREEMENT);
        assertThat(entry.oldQuantity()).isEqualByComparingTo(new BigDecimal("512.5"));
        assertThat(entry.newQuantity()).isEqualByComparingTo(new BigDecimal("1234.57"));
        assertThat(entry.runId()).isEqualTo(result.plan().runId());
        assertThat(entry.sourceReport()).isEqualTo("appliance-1:r-1");
        assertThat(entry.outcome()).isEqualTo(Outcome.WRITTEN);
        assertThat(entry.failure()).isEmpty();
      });
      List<BillingAuditEntry> failed = reopened.billingAudit().forAddition("acme-msp", ACME_APPLIANCE);
      assertThat(failed).singleElement().satisfies(entry -> {
        assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(entry.newQuantity()).isEqualByComparingTo(new BigDecimal("5.00"));
        assertThat(entry.failure()).hasValueSatisfying(reason -> assertThat(reason)
            .contains("503")
            .doesNotContain(cw.privateKey()));
      });
      assertThat(reopened.billingAudit().since(NOW)).hasSize(2);
    }
  }

  @Test
  void aSiteNameTooLongForTheAuditIsRefusedBeforeAnyWrite() {
    assertThatThrownBy(() -> BillingService.builder().site("s".repeat(300)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "site is 300 characters, more than the 255 the billing audit keeps: use a shorter name"
                + " for the site");
  }

  @Test
  void aDefaultSiteNameTooLongForTheAuditIsRefusedWhenBuilt(ConnectWiseSimulator cw) {
    // A host name as long as a URL allows, and a long company id: over 255 together.
    String host = ("a".repeat(60) + ".").repeat(3) + "example.com";
    try (ConnectWiseClient client =
        ConnectWiseClient.builder()
            .site("https://" + host)
            .companyId("c".repeat(60))
            .publicKey(cw.publicKey())
            .privateKey(Secret.of(cw.privateKey()))
            .clientId(cw.clientId())
            .build()) {
      BillingService.Builder builder =
          BillingService.builder()
              .client(client)
              .auditLog(new InMemoryBillingAuditLog())
              .mappings(List.of());

      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("more than the 255 the billing audit keeps")
          .hasMessageEndingWith("name the site with site(...)");
    }
  }

  @Test
  void aCurrentQuantityTooLongForTheAuditIsRefusedBeforeAnyWrite(ConnectWiseSimulator cw) {
    cw.data().replace("/finance/agreements/10/additions/500", "quantity", 1e300);
    try (JdbcStateStore state = JdbcStateStore.h2InMemory("long-quantity", CLOCK);
        ConnectWiseClient client = Simulated.client(cw)) {
      BillingService billing =
          BillingService.builder()
              .client(client)
              .auditLog(state.billingAudit())
              .mappings(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB)))
              .clock(CLOCK)
              .site("acme-msp")
              .build();

      assertThatThrownBy(
              () -> billing.apply(List.of(report("r-1", "appliance-1", 1_000_000_000_000L))))
          .isInstanceOf(InvalidBillingRunException.class)
          .hasMessageContaining("the current quantity 1.0E+300 of addition 500 is longer than the"
              + " billing audit keeps (64 characters written out): correct the quantity in"
              + " ConnectWise by hand");
      assertThat(cw.journal().calls("PATCH", "/finance/agreements/10/additions/500")).isEmpty();
      assertThat(state.billingAudit().since(Instant.EPOCH)).isEmpty();
    }
  }
}
