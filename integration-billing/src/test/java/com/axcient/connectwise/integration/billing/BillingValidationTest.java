package com.axcient.connectwise.integration.billing;

import static com.axcient.connectwise.integration.billing.Simulated.ACME;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_APPLIANCE;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_LEGACY_CANCELLED;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.NORTHWIND;
import static com.axcient.connectwise.integration.billing.Simulated.NORTHWIND_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.NORTHWIND_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.additionWrites;
import static com.axcient.connectwise.integration.billing.Simulated.quantity;
import static com.axcient.connectwise.integration.billing.Simulated.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import com.axcient.connectwise.testkit.Outage;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input gets a clear error, and nothing is written: the run is checked before any write. */
class BillingValidationTest {

  static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static ConnectWiseSimulatorExtension simulator =
      ConnectWiseSimulatorExtension.perTest().configure(builder -> builder.clock(CLOCK));

  static final BillingMapping ACME_MAPPING =
      new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB);
  static final BillingMapping CONTOSO_MAPPING =
      new BillingMapping("appliance-2", CONTOSO, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB);

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

  BillingService service(QuantityPolicy policy, BillingMapping... mappings) {
    return BillingService.builder()
        .client(client)
        .auditLog(audit)
        .mappings(List.of(mappings))
        .policy(policy)
        .clock(CLOCK)
        .build();
  }

  /** Applies the reports, expects the run to be refused, and checks that nothing was written. */
  List<BillingProblem> refused(List<BillingMapping> mappings, StorageReport... reports) {
    return refused(QuantityPolicy.defaults(), mappings, reports);
  }

  List<BillingProblem> refused(
      QuantityPolicy policy, List<BillingMapping> mappings, StorageReport... reports) {
    BillingService billing = service(policy, mappings.toArray(BillingMapping[]::new));
    InvalidBillingRunException refusal =
        catchThrowableOfType(InvalidBillingRunException.class, () -> billing.apply(List.of(reports)));
    assertThat(refusal).as("the run is refused").isNotNull();
    assertThat(refusal).hasMessageStartingWith("The billing run wrote nothing");
    assertThat(additionWrites(cw)).as("quantity writes").isZero();
    assertThat(audit.all()).as("audit entries").isEmpty();
    return refusal.problems();
  }

  static StorageReport reportWithBytes(String reportId, String applianceId, BigInteger bytes) {
    return new StorageReport(
        reportId,
        applianceId,
        List.of(new StorageReport.ProtectedSystem("FS01", Map.of("local", bytes))));
  }

  @Test
  void negativeByteCounts() {
    List<BillingProblem> problems =
        refused(List.of(ACME_MAPPING), reportWithBytes("r-1", "appliance-1", BigInteger.valueOf(-5)));

    assertThat(problems)
        .containsExactly(
            new BillingProblem(
                "report r-1 (appliance appliance-1)",
                "protected system FS01, vault local: -5 bytes is negative: report the bytes used,"
                    + " 0 or more"));
  }

  @Test
  void byteCountsBeyondLongMaxValueAreAWrappedCounter() {
    List<BillingProblem> problems =
        refused(
            List.of(ACME_MAPPING),
            reportWithBytes("r-1", "appliance-1", new BigInteger("18446744073709551615")));

    assertThat(problems)
        .singleElement()
        .asString()
        .contains("vault local: 18446744073709551615 bytes is more than the largest count accepted")
        .contains("counter has probably wrapped around");
  }

  @Test
  void aReportForAnApplianceWithoutMapping() {
    List<BillingProblem> problems =
        refused(List.of(ACME_MAPPING), report("r-7", "appliance-7", 1_000_000_000L));

    assertThat(problems)
        .singleElement()
        .asString()
        .isEqualTo(
            "report r-7 (appliance appliance-7): the appliance has no billing mapping: map it to a"
                + " company, agreement and addition, or leave its report out of the run");
  }

  @Test
  void aProtectedSystemReportedTwice() {
    StorageReport report =
        StorageReport.builder()
            .reportId("r-1")
            .applianceId("appliance-1")
            .protectedSystem("FS01", Map.of("local", 1L))
            .protectedSystem("FS01", Map.of("cloud", 1L))
            .build();

    assertThat(refused(List.of(ACME_MAPPING), report))
        .singleElement()
        .asString()
        .contains("protected system FS01 appears twice");
  }

  @Test
  void twoReportsForOneAppliance() {
    assertThat(
            refused(
                List.of(ACME_MAPPING),
                report("r-1", "appliance-1", 1L),
                report("r-2", "appliance-1", 2L)))
        .singleElement()
        .asString()
        .contains("report r-2 (appliance appliance-1): is the second report")
        .contains("(the other is report r-1)");
  }

  @Test
  void aVaultWithoutAName() {
    Map<String, Long> vaults = new LinkedHashMap<>();
    vaults.put(" ", 1L);
    StorageReport report =
        StorageReport.builder().reportId("r-1").applianceId("appliance-1")
            .protectedSystem("FS01", vaults).build();

    assertThat(refused(List.of(ACME_MAPPING), report))
        .singleElement()
        .asString()
        .contains("protected system FS01 has a vault without a name");
  }

  @Test
  void aMissingAddition() {
    BillingMapping mapping = new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, 999);

    assertThat(refused(List.of(mapping), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .isEqualTo(
            "appliance appliance-1: addition 999 does not exist on agreement 10: check additionId"
                + " and agreementId in the billing mapping");
  }

  @Test
  void aCancelledAddition() {
    BillingMapping mapping =
        new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_LEGACY_CANCELLED);

    assertThat(refused(List.of(mapping), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("addition 502 on agreement 10 was cancelled on 2024-06-30T00:00:00Z")
        .contains("map the appliance to an active addition");
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_LEGACY_CANCELLED)).isEqualTo(1.0);
  }

  @Test
  void anAdditionCancelledLaterIsStillBilledUntilThen() {
    cw.data()
        .replace(
            "/finance/agreements/10/additions/500", "cancelledDate", "2026-06-01T00:00:00Z");

    BillingResult result =
        service(QuantityPolicy.defaults(), ACME_MAPPING)
            .apply(List.of(report("r-1", "appliance-1", 1_000_000_000L)));

    assertThat(result.written()).hasSize(1);
  }

  @Test
  void anAdditionThatEndedAMinuteAgo() {
    cw.data()
        .replace(
            "/finance/agreements/10/additions/500", "cancelledDate", "2026-05-01T01:59:00Z");

    assertThat(refused(List.of(ACME_MAPPING), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("addition 500 on agreement 10 was cancelled on 2026-05-01T01:59:00Z");
  }

  @Test
  void aMissingAgreement() {
    BillingMapping mapping = new BillingMapping("appliance-1", ACME, 99, ACME_CLOUD_GB);

    assertThat(refused(List.of(mapping), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("agreement 99 does not exist in ConnectWise: check agreementId");
  }

  @Test
  void anAgreementOfAnotherCompany() {
    BillingMapping mapping = new BillingMapping("appliance-1", CONTOSO, ACME_AGREEMENT, ACME_CLOUD_GB);

    assertThat(refused(List.of(mapping), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("agreement 10 belongs to company 251, not to company 252");
  }

  @Test
  void anAdditionOfAnotherAgreement() {
    BillingMapping mapping = new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, CONTOSO_CLOUD_GB);

    assertThat(refused(List.of(mapping), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("addition 503")
        .contains("agreement 10");
  }

  @Test
  void anEndedAgreement() {
    BillingMapping mapping =
        new BillingMapping("appliance-1", NORTHWIND, NORTHWIND_AGREEMENT, NORTHWIND_CLOUD_GB);

    assertThat(refused(List.of(mapping), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("agreement 12 ended on 2023-12-31:");
  }

  @Test
  void sourceReportsLongerThanTheAuditKeeps() {
    // The audit names every appliance:report pair behind an addition, in at most 1,000,000
    // characters.
    String appliance = "a".repeat(600_000);
    BillingMapping mapping = new BillingMapping(appliance, ACME, ACME_AGREEMENT, ACME_CLOUD_GB);

    assertThat(refused(List.of(mapping), report("r".repeat(500_000), appliance, 1L)))
        .singleElement()
        .asString()
        .endsWith("the appliance and report ids behind addition 500 take 1100001 characters, more"
            + " than the 1000000 the billing audit keeps: use shorter ids, or give the appliances"
            + " more than one addition");
  }

  @Test
  void anAgreementIsBillableThroughItsEndDate() {
    // ConnectWise's endDate is a date, sent as midnight UTC; the run is at 02:00 on that day.
    cw.data().replace("/finance/agreements/10", "endDate", "2026-05-01T00:00:00Z");
    cw.data().replace("/finance/agreements/10", "noEndingDateFlag", false);

    BillingResult result =
        service(QuantityPolicy.defaults(), ACME_MAPPING)
            .apply(List.of(report("r-1", "appliance-1", 1_000_000_000_000L)));

    assertThat(result.written()).hasSize(1);
  }

  @Test
  void anAgreementEndedTheDayBefore() {
    cw.data().replace("/finance/agreements/10", "endDate", "2026-04-30T00:00:00Z");
    cw.data().replace("/finance/agreements/10", "noEndingDateFlag", false);

    assertThat(refused(List.of(ACME_MAPPING), report("r-1", "appliance-1", 1L)))
        .singleElement()
        .asString()
        .contains("agreement 10 ended on 2026-04-30:");
  }

  @Test
  void aCancelledAgreement() {
    cw.data().replace("/finance/agreements/11", "cancelledFlag", true);

    assertThat(refused(List.of(CONTOSO_MAPPING), report("r-2", "appliance-2", 1L)))
        .singleElement()
        .asString()
        .contains("agreement 11 is cancelled");
  }

  @Test
  void oneApplianceMappedTwice() {
    BillingMapping other = new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_APPLIANCE);

    assertThat(refused(List.of(ACME_MAPPING, other), report("r-1", "appliance-1", 1L)))
        .extracting(BillingProblem::toString)
        .contains(
            "appliance appliance-1: has two billing mappings (addition 500 and addition 501):"
                + " keep the one it bills to");
  }

  @Test
  void oneAdditionMappedOnTwoAgreements() {
    BillingMapping wrong = new BillingMapping("appliance-2", CONTOSO, CONTOSO_AGREEMENT, ACME_CLOUD_GB);

    assertThat(refused(List.of(ACME_MAPPING, wrong), report("r-1", "appliance-1", 1L)))
        .extracting(BillingProblem::toString)
        .anySatisfy(
            problem ->
                assertThat(problem)
                    .startsWith("addition 500: is mapped on agreement 10 of company 251")
                    .contains("but on agreement 11 of company 252 for appliance appliance-2"));
  }

  @Test
  void aQuantityTooPreciseForConnectWisesDouble() {
    StorageReport report =
        StorageReport.builder()
            .reportId("r-1")
            .applianceId("appliance-1")
            .protectedSystem("FS01", Map.of("local", Long.MAX_VALUE, "cloud", Long.MAX_VALUE))
            .build();

    assertThat(refused(QuantityPolicy.defaults().withScale(6), List.of(ACME_MAPPING), report))
        .singleElement()
        .asString()
        .contains("the quantity 18446744073.709552 for addition 500 has more than 15 significant")
        .contains("bill in a larger unit or with fewer decimals");
  }

  @Test
  void everyProblemIsReportedAndTheValidPartIsNotWrittenEither() {
    BillingMapping cancelled =
        new BillingMapping("appliance-3", ACME, ACME_AGREEMENT, ACME_LEGACY_CANCELLED);

    List<BillingProblem> problems =
        refused(
            List.of(ACME_MAPPING, CONTOSO_MAPPING, cancelled),
            report("r-1", "appliance-1", 9_000_000_000_000L),
            reportWithBytes("r-2", "appliance-2", BigInteger.valueOf(-1)),
            report("r-3", "appliance-3", 1L),
            report("r-4", "appliance-4", 1L));

    assertThat(problems)
        .extracting(BillingProblem::subject)
        .containsExactly(
            "report r-2 (appliance appliance-2)",
            "report r-4 (appliance appliance-4)",
            "appliance appliance-3");
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(512.5);
  }

  @Test
  void connectWiseUnreachableWhilePlanningWritesNothing() {
    BillingService billing = service(QuantityPolicy.defaults(), ACME_MAPPING);

    try (Outage outage = cw.faults().refuseConnections()) {
      ConnectWiseException failure =
          catchThrowableOfType(
              ConnectWiseException.class,
              () -> billing.apply(List.of(report("r-1", "appliance-1", 1L))));
      assertThat(failure).isNotNull();
    }
    assertThat(audit.all()).isEmpty();
    assertThat(additionWrites(cw)).isZero();
  }
}
