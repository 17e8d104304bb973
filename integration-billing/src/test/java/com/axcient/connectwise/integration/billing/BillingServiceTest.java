package com.axcient.connectwise.integration.billing;

import static com.axcient.connectwise.integration.billing.Simulated.ACME;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_APPLIANCE;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.additionWrites;
import static com.axcient.connectwise.integration.billing.Simulated.quantity;
import static com.axcient.connectwise.integration.billing.Simulated.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.billing.BillingPlan.AdditionQuantity;
import com.axcient.connectwise.integration.billing.BillingPlan.ApplianceUsage;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry.Outcome;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BillingServiceTest {

  static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static ConnectWiseSimulatorExtension simulator =
      ConnectWiseSimulatorExtension.perTest().configure(builder -> builder.clock(CLOCK));

  ConnectWiseSimulator cw;
  ConnectWiseClient client;
  InMemoryBillingAuditLog audit = new InMemoryBillingAuditLog();

  @BeforeEach
  void connect(ConnectWiseSimulator cw) {
    this.cw = cw;
    this.client = Simulated.client(cw);
  }

  @AfterEach
  void close() {
    client.close();
  }

  BillingService service(BillingMapping... mappings) {
    return BillingService.builder()
        .client(client)
        .auditLog(audit)
        .mappings(List.of(mappings))
        .clock(CLOCK)
        .site("acme-msp")
        .build();
  }

  @Test
  void thePlanShowsCurrentAndProposedQuantitiesAndWritesNothing() {
    BillingService billing =
        service(
            new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
            new BillingMapping("appliance-2", CONTOSO, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB));

    BillingPlan plan =
        billing.plan(
            List.of(
                report("r-1", "appliance-1", 1_500_000_000_000L),
                report("r-2", "appliance-2", 2_048_000_000_000L)));

    assertThat(plan.plannedAt()).isEqualTo(NOW);
    assertThat(plan.policy()).isEqualTo(QuantityPolicy.defaults());
    assertThat(plan.additions()).hasSize(2);
    AdditionQuantity acme = plan.additions().get(0);
    assertThat(acme.additionId()).isEqualTo(ACME_CLOUD_GB);
    assertThat(acme.agreementId()).isEqualTo(ACME_AGREEMENT);
    assertThat(acme.companyId()).isEqualTo(ACME);
    assertThat(acme.product()).hasValue("BACKUP-CLOUD-GB");
    assertThat(acme.currentQuantity()).isEqualByComparingTo("512.5");
    assertThat(acme.proposedQuantity()).hasToString("1500.00");
    assertThat(acme.changed()).isTrue();
    assertThat(acme.appliances())
        .containsExactly(new ApplianceUsage("appliance-1", "r-1", new BigInteger("1500000000000")));
    AdditionQuantity contoso = plan.additions().get(1);
    assertThat(contoso.currentQuantity()).isEqualByComparingTo("2048");
    assertThat(contoso.proposedQuantity()).hasToString("2048.00");
    assertThat(contoso.changed()).isFalse();
    assertThat(plan.changes()).containsExactly(acme);
    assertThat(plan.warnings()).isEmpty();

    assertThat(additionWrites(cw)).isZero();
    assertThat(audit.all()).isEmpty();
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(512.5);
  }

  @Test
  void thePlanDescribesItselfForAPerson() {
    BillingService billing =
        service(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB));

    String text = billing.plan(List.of(report("r-1", "appliance-1", 1_500_000_000_000L))).describe();

    assertThat(text)
        .contains("(GB, 2 decimals, HALF_UP): 1 to change, 0 unchanged")
        .contains("addition 500 (agreement 10, company 251, BACKUP-CLOUD-GB): 512.5 -> 1500.00  change")
        .contains("appliance-1  report r-1  1500000000000 bytes");
  }

  @Test
  void applyWritesTheChangedQuantityAsAnAbsoluteReplaceAndAuditsIt() {
    BillingService billing =
        service(
            new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
            new BillingMapping("appliance-2", CONTOSO, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB));
    BillingPlan plan =
        billing.plan(
            List.of(
                report("r-1", "appliance-1", 1_234_567_890_123L),
                report("r-2", "appliance-2", 2_048_000_000_000L)));

    BillingResult result = billing.apply(plan);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.written()).extracting(AdditionQuantity::additionId).containsExactly(500L);
    assertThat(result.unchanged()).extracting(AdditionQuantity::additionId).containsExactly(503L);
    assertThat(result.failed()).isEmpty();
    assertThat(result.summary()).isEqualTo("1 written, 1 unchanged, 0 failed");
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(1234.57);

    List<RecordedCall> writes = cw.journal().calls("PATCH", "/finance/agreements/10/additions/500");
    assertThat(writes).hasSize(1);
    assertReplacesQuantity(writes.get(0), "1234.57");
    assertThat(additionWrites(cw)).isEqualTo(1);

    assertThat(audit.all())
        .containsExactly(
            new BillingAuditEntry(
                NOW,
                "acme-msp",
                ACME_AGREEMENT,
                ACME_CLOUD_GB,
                new BigDecimal("512.5"),
                new BigDecimal("1234.57"),
                plan.runId(),
                "appliance-1:r-1",
                Outcome.WRITTEN,
                Optional.empty()));
  }

  @Test
  void aRunWhoseQuantitiesAreAlreadyRightWritesNothing() {
    BillingService billing =
        service(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB));
    List<StorageReport> reports = List.of(report("r-1", "appliance-1", 1_234_567_890_123L));
    billing.apply(reports);
    cw.journal().clear();

    BillingResult again = billing.apply(reports);

    assertThat(again.written()).isEmpty();
    assertThat(again.unchanged()).hasSize(1);
    assertThat(additionWrites(cw)).isZero();
    assertThat(audit.all()).hasSize(1);
  }

  @Test
  void aQuantityEqualAtTheScaleIsNotAChange() {
    // 512.5 in ConnectWise; 512.504 GB rounds to 512.50 at 2 decimals.
    BillingService billing =
        service(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB));

    BillingResult result = billing.apply(List.of(report("r-1", "appliance-1", 512_504_000_000L)));

    assertThat(result.unchanged()).hasSize(1);
    assertThat(additionWrites(cw)).isZero();
  }

  @Test
  void aQuantityOffByLessThanHalfAUnitOfTheScaleIsCorrected() {
    // Hand-edited to 1000.4; exactly 1000 GB at scale 0 is 1000, not "unchanged".
    cw.data().replace("/finance/agreements/10/additions/500", "quantity", 1000.4);
    BillingService billing =
        BillingService.builder()
            .client(client)
            .auditLog(audit)
            .mappings(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB)))
            .policy(QuantityPolicy.defaults().withScale(0).withRoundingMode(RoundingMode.CEILING))
            .clock(CLOCK)
            .site("acme-msp")
            .build();

    BillingResult result = billing.apply(List.of(report("r-1", "appliance-1", 1_000_000_000_000L)));

    assertThat(result.written())
        .extracting(AdditionQuantity::additionId)
        .containsExactly(ACME_CLOUD_GB);
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(1000.0);
  }

  @Test
  void aStoredDoubleIsComparedAtItsPrecisionNotBitForBit() {
    AdditionQuantity addition =
        new AdditionQuantity(
            ACME, ACME_AGREEMENT, ACME_CLOUD_GB, Optional.empty(),
            new BigDecimal("1.2300000000000002"), new BigDecimal("1.23"),
            BigInteger.valueOf(1_230_000_000L), List.of());

    assertThat(addition.changed()).isFalse();
  }

  @Test
  void applyingTheSamePlanTwiceLeavesTheSameQuantity() {
    BillingService billing =
        service(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB));
    BillingPlan plan = billing.plan(List.of(report("r-1", "appliance-1", 700_000_000_000L)));

    billing.apply(plan);
    billing.apply(plan);

    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(700.0);
    List<RecordedCall> writes = cw.journal().calls("PATCH", "/finance/agreements/10/additions/500");
    assertThat(writes).hasSize(2);
    writes.forEach(write -> assertReplacesQuantity(write, "700.00"));
  }

  @Test
  void appliancesSharingAnAdditionAddUp() {
    BillingService billing =
        service(
            new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
            new BillingMapping("appliance-2", ACME, ACME_AGREEMENT, ACME_CLOUD_GB));

    BillingPlan plan =
        billing.plan(
            List.of(
                report("r-1", "appliance-1", 1_004_000_000L),
                report("r-2", "appliance-2", 1_004_000_000L)));

    // Bytes add up before rounding: 2.008 GB is 2.01, not 1.00 + 1.00.
    assertThat(plan.additions()).hasSize(1);
    AdditionQuantity shared = plan.additions().get(0);
    assertThat(shared.proposedQuantity()).hasToString("2.01");
    assertThat(shared.bytes()).isEqualTo(BigInteger.valueOf(2_008_000_000L));
    assertThat(shared.appliances())
        .extracting(ApplianceUsage::applianceId)
        .containsExactly("appliance-1", "appliance-2");
    assertThat(shared.sourceReport()).isEqualTo("appliance-1:r-1, appliance-2:r-2");
    assertThat(plan.warnings()).isEmpty();

    billing.apply(plan);
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(2.01);
    assertThat(audit.all()).singleElement()
        .extracting(BillingAuditEntry::sourceReport)
        .isEqualTo("appliance-1:r-1, appliance-2:r-2");
  }

  @Test
  void thePlanWarnsWhenAnAdditionIsAlsoMappedFromAnApplianceWithoutAReport() {
    BillingService billing =
        service(
            new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
            new BillingMapping("appliance-2", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
            new BillingMapping("appliance-3", CONTOSO, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB));

    BillingPlan plan = billing.plan(List.of(report("r-1", "appliance-1", 1_000_000_000L)));

    assertThat(plan.warnings())
        .singleElement()
        .asString()
        .contains("addition 500 is also mapped from appliance appliance-2")
        .contains("no report")
        .contains("1.00");
    assertThat(plan.describe()).contains("warning: addition 500");
  }

  @Test
  void theQuantityFollowsThePolicy() {
    BillingService billing =
        BillingService.builder()
            .client(client)
            .auditLog(audit)
            .mappings(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_APPLIANCE)))
            .policy(
                QuantityPolicy.defaults()
                    .withUnit(QuantityPolicy.Unit.GIB)
                    .withScale(0)
                    .withRoundingMode(RoundingMode.CEILING))
            .clock(CLOCK)
            .build();

    BillingResult result =
        billing.apply(List.of(report("r-1", "appliance-1", 5L * 1_073_741_824L + 1)));

    assertThat(result.written()).singleElement()
        .extracting(AdditionQuantity::proposedQuantity)
        .hasToString("6");
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_APPLIANCE)).isEqualTo(6.0);
  }

  @Test
  void theAuditNamesTheSiteOfTheClientByDefault() {
    BillingService billing =
        BillingService.builder()
            .client(client)
            .auditLog(audit)
            .mappings(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB)))
            .clock(CLOCK)
            .build();

    billing.apply(List.of(report("r-1", "appliance-1", 1L)));

    assertThat(billing.site()).isEqualTo(cw.companyId() + "@" + client.siteUrl());
    assertThat(audit.forAddition(billing.site(), ACME_CLOUD_GB)).hasSize(1);
  }

  @Test
  void readsTheMappingsAtEveryRunFromTheMappingSource() {
    AtomicReference<List<BillingMapping>> settings =
        new AtomicReference<>(
            List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB)));
    BillingService billing =
        BillingService.builder()
            .client(client)
            .auditLog(audit)
            .mappingSource(settings::get)
            .clock(CLOCK)
            .build();
    List<StorageReport> reports = List.of(report("r-1", "appliance-1", 3_000_000_000L));
    assertThat(billing.plan(reports).additions().get(0).additionId()).isEqualTo(ACME_CLOUD_GB);

    settings.set(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_APPLIANCE)));

    assertThat(billing.plan(reports).additions().get(0).additionId()).isEqualTo(ACME_APPLIANCE);
  }

  @Test
  void namesWhatIsMissingWhenBuilt() {
    assertThatThrownBy(
            () -> BillingService.builder().client(client).mappings(List.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("auditLog is required");
  }

  @Test
  void sendsTheValueAsAPlainNumber() {
    BillingService billing =
        service(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB));

    billing.apply(List.of(report("r-1", "appliance-1", 0L)));

    List<RecordedCall> writes = cw.journal().calls("PATCH", "/finance/agreements/10/additions/500");
    assertThat(writes).hasSize(1);
    assertReplacesQuantity(writes.get(0), "0.00");
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isZero();
  }

  /** The request is one {@code replace quantity} with this number, written as a plain number. */
  static void assertReplacesQuantity(RecordedCall write, String quantity) {
    JsonNode operations;
    try {
      operations = new ObjectMapper().readTree(write.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("The PATCH body is not JSON: " + write.body(), e);
    }
    assertThat(operations).hasSize(1);
    JsonNode operation = operations.get(0);
    assertThat(operation.path("op").asText()).isEqualTo("replace");
    assertThat(operation.path("path").asText()).isEqualTo("quantity");
    assertThat(operation.path("value").isNumber()).isTrue();
    assertThat(write.body()).contains("\"value\":" + quantity);
  }
}
