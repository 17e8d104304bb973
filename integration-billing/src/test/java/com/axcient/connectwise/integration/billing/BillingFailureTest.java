package com.axcient.connectwise.integration.billing;

import static com.axcient.connectwise.integration.billing.Simulated.ACME;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_APPLIANCE;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.CONTOSO_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.quantity;
import static com.axcient.connectwise.integration.billing.Simulated.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.billing.BillingPlan.AdditionQuantity;
import com.axcient.connectwise.integration.billing.BillingResult.FailedWrite;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry.Outcome;
import com.axcient.connectwise.integration.core.state.BillingAuditLog;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A write that fails leaves every other addition correct, and both are audited. */
class BillingFailureTest {

  static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static ConnectWiseSimulatorExtension simulator =
      ConnectWiseSimulatorExtension.perTest().configure(builder -> builder.clock(CLOCK));

  static final List<BillingMapping> MAPPINGS =
      List.of(
          new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB),
          new BillingMapping("appliance-2", ACME, ACME_AGREEMENT, ACME_APPLIANCE),
          new BillingMapping("appliance-3", CONTOSO, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB));

  static final List<StorageReport> REPORTS =
      List.of(
          report("r-1", "appliance-1", 100_000_000_000L),
          report("r-2", "appliance-2", 200_000_000_000L),
          report("r-3", "appliance-3", 300_000_000_000L));

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

  BillingService service(BillingAuditLog log) {
    return BillingService.builder()
        .client(client)
        .auditLog(log)
        .mappings(MAPPINGS)
        .clock(CLOCK)
        .site("acme-msp")
        .build();
  }

  @Test
  void aServerErrorInTheMiddleLeavesTheOthersWrittenAndReportsTheFailedOne() {
    cw.faults().on("PATCH", "/finance/agreements/10/additions/501").always().respondStatus(503);
    BillingService billing = service(audit);

    BillingResult result = billing.apply(REPORTS);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.written())
        .extracting(AdditionQuantity::additionId)
        .containsExactly(ACME_CLOUD_GB, CONTOSO_CLOUD_GB);
    assertThat(result.failed()).singleElement().satisfies(failed -> {
      assertThat(failed.addition().additionId()).isEqualTo(ACME_APPLIANCE);
      assertThat(failed.reason())
          .startsWith("ServerException: ")
          .contains("PATCH /finance/agreements/10/additions/501")
          .contains("503")
          .doesNotContain("\n")
          .doesNotContain(cw.privateKey());
    });
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(100.0);
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_APPLIANCE)).isEqualTo(1.0);
    assertThat(quantity(cw, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB)).isEqualTo(300.0);

    assertThat(audit.all())
        .extracting(BillingAuditEntry::additionId, BillingAuditEntry::outcome)
        .containsExactly(
            tuple(ACME_CLOUD_GB, Outcome.WRITTEN),
            tuple(ACME_APPLIANCE, Outcome.FAILED),
            tuple(CONTOSO_CLOUD_GB, Outcome.WRITTEN));
    BillingAuditEntry failedEntry = audit.forAddition("acme-msp", ACME_APPLIANCE).get(0);
    assertThat(failedEntry.oldQuantity()).isEqualByComparingTo("1");
    assertThat(failedEntry.newQuantity()).isEqualByComparingTo("200.00");
    assertThat(failedEntry.sourceReport()).isEqualTo("appliance-2:r-2");
    assertThat(failedEntry.failure()).contains(result.failed().get(0).reason());
  }

  @Test
  void runningAgainAfterAFailureWritesOnlyWhatIsStillWrong() {
    cw.faults().on("PATCH", "/finance/agreements/10/additions/501").always().respondStatus(503);
    BillingService billing = service(audit);
    billing.apply(REPORTS);
    cw.faults().clear();
    cw.journal().clear();

    BillingResult again = billing.apply(REPORTS);

    assertThat(again.succeeded()).isTrue();
    assertThat(again.written()).extracting(AdditionQuantity::additionId).containsExactly(ACME_APPLIANCE);
    assertThat(again.unchanged()).hasSize(2);
    assertThat(cw.journal().count("PATCH", "/finance/agreements/10/additions/501")).isEqualTo(1);
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_APPLIANCE)).isEqualTo(200.0);
    assertThat(audit.forAddition("acme-msp", ACME_APPLIANCE))
        .extracting(BillingAuditEntry::outcome)
        .containsExactly(Outcome.FAILED, Outcome.WRITTEN);
  }

  @Test
  void aWriteAppliedBeforeTheErrorIsHarmlessToRetry() {
    // ConnectWise stores the quantity, then answers 500: the run reports a failure, the next run
    // finds the quantity right and sends nothing.
    cw.faults().on("PATCH", "/finance/agreements/11/additions/503").respondStatus(500).afterWrite();
    BillingService billing = service(audit);

    BillingResult first = billing.apply(REPORTS);
    BillingResult second = billing.apply(REPORTS);

    assertThat(first.failed()).extracting(f -> f.addition().additionId()).containsExactly(CONTOSO_CLOUD_GB);
    assertThat(quantity(cw, CONTOSO_AGREEMENT, CONTOSO_CLOUD_GB)).isEqualTo(300.0);
    assertThat(second.written()).isEmpty();
    assertThat(second.unchanged()).hasSize(3);
  }

  @Test
  void aWriteAnsweredWithTheOldQuantityIsReportedAsFailed() {
    // ConnectWise holds 100.4 and answers the PATCH with it unchanged; 100 GB at scale 0 is 100.
    String path = "/finance/agreements/10/additions/500";
    cw.data().replace(path, "quantity", 100.4);
    String unchanged = cw.data().get(path).orElseThrow().toString();
    cw.faults().on("PATCH", path).respondStatus(200).body("application/json", unchanged);
    BillingService billing =
        BillingService.builder()
            .client(client)
            .auditLog(audit)
            .mappings(List.of(MAPPINGS.get(0)))
            .policy(QuantityPolicy.defaults().withScale(0))
            .clock(CLOCK)
            .site("acme-msp")
            .build();

    BillingResult result = billing.apply(List.of(REPORTS.get(0)));

    assertThat(result.written()).isEmpty();
    assertThat(result.failed())
        .extracting(FailedWrite::reason)
        .containsExactly("ConnectWise answered with quantity 100.4 instead of 100");
    assertThat(audit.all()).extracting(BillingAuditEntry::outcome).containsExactly(Outcome.FAILED);
  }

  @Test
  void aRefusedWriteIsReportedWithConnectWisesReason() {
    cw.faults().on("PATCH", "/finance/agreements/10/additions/500").respondStatus(400);

    BillingResult result = service(audit).apply(REPORTS);

    assertThat(result.failed())
        .extracting(FailedWrite::reason)
        .singleElement()
        .asString()
        .startsWith("ValidationException: ");
    assertThat(result.written()).hasSize(2);
  }

  @Test
  void anAuditLogThatFailsStopsTheRunAndReportsTheWriteItCouldNotRecord() {
    BillingAuditLog broken = new FailingBillingAuditLog("disk full");

    BillingAuditException stopped =
        catchThrowableOfType(BillingAuditException.class, () -> service(broken).apply(REPORTS));

    assertThat(cw.journal().calls().stream().filter(c -> c.method().equals("PATCH")).count())
        .isEqualTo(1);
    // The one write sent is reported, not hidden behind the audit's failure.
    assertThat(stopped).hasRootCauseMessage("disk full");
    assertThat(stopped.unaudited().additionId()).isEqualTo(ACME_CLOUD_GB);
    assertThat(stopped.result().written()).containsExactly(stopped.unaudited());
    assertThat(stopped.result().failed()).isEmpty();
    assertThat(stopped)
        .hasMessage(
            "The billing audit could not record the write of addition 500 on agreement 10"
                + " (written to ConnectWise); the run stopped there: 1 written, 0 unchanged,"
                + " 0 failed. Restore the audit log and run again");
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(100.0);
  }

  @Test
  void noSecretReachesThePlanTheResultOrTheAudit() {
    cw.faults().on("PATCH", "/finance/agreements/10/additions/501").always().respondStatus(401);
    BillingService billing = service(audit);

    BillingResult result = billing.apply(REPORTS);

    String secret = cw.privateKey();
    assertThat(result.toString()).doesNotContain(secret);
    assertThat(result.plan().describe()).doesNotContain(secret);
    assertThat(audit.all().toString()).doesNotContain(secret);
    assertThat(result.failed()).singleElement().extracting(FailedWrite::reason).asString()
        .startsWith("AuthenticationException");
    assertThat(audit.all()).extracting(BillingAuditEntry::newQuantity)
        .containsExactly(new BigDecimal("100.00"), new BigDecimal("200.00"), new BigDecimal("300.00"));
  }
}
