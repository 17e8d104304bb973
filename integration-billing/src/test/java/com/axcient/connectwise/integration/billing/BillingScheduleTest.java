package com.axcient.connectwise.integration.billing;

import static com.axcient.connectwise.integration.billing.Simulated.ACME;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_AGREEMENT;
import static com.axcient.connectwise.integration.billing.Simulated.ACME_CLOUD_GB;
import static com.axcient.connectwise.integration.billing.Simulated.quantity;
import static com.axcient.connectwise.integration.billing.Simulated.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.core.state.BillingAuditLog;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schedule, driven by a clock and an executor the test controls: nothing waits. */
class BillingScheduleTest {

  @RegisterExtension
  static ConnectWiseSimulatorExtension simulator = ConnectWiseSimulatorExtension.perTest();

  final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:15:00Z"), ZoneOffset.UTC);
  final ManualScheduler executor = new ManualScheduler();
  final InMemoryBillingAuditLog audit = new InMemoryBillingAuditLog();
  final AtomicLong bytes = new AtomicLong(1_000_000_000_000L);
  final List<BillingResult> completed = new ArrayList<>();
  final List<RuntimeException> failed = new ArrayList<>();
  final BillingSchedule.Listener listener =
      new BillingSchedule.Listener() {
        @Override
        public void completed(BillingResult result) {
          completed.add(result);
        }

        @Override
        public void failed(RuntimeException failure) {
          failed.add(failure);
        }
      };

  ConnectWiseSimulator cw;
  ConnectWiseClient client;
  BillingService billing;

  @BeforeEach
  void connect(ConnectWiseSimulator cw) {
    this.cw = cw;
    this.client = Simulated.client(cw);
    this.billing =
        BillingService.builder()
            .client(client)
            .auditLog(audit)
            .mappings(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB)))
            .clock(clock)
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  BillingSchedule.Builder schedule() {
    return BillingSchedule.builder(
            billing, () -> List.of(report("r-" + bytes.get(), "appliance-1", bytes.get())))
        .clock(clock)
        .executor(executor)
        .listener(listener);
  }

  @Test
  void runsDailyAtTwoInTheMorningByDefault() {
    BillingSchedule schedule = schedule().start();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-02T02:00:00Z"));
    assertThat(executor.pending()).singleElement()
        .satisfies(task -> assertThat(task.delayMillis)
            .isEqualTo(Duration.ofHours(15).plusMinutes(45).toMillis()));
    assertThat(completed).isEmpty();
  }

  @Test
  void aScheduledRunBillsTheLatestReportsAndSchedulesTheNextDay() {
    BillingSchedule schedule = schedule().start();

    clock.set(Instant.parse("2026-05-02T02:00:00Z"));
    executor.runNext();

    assertThat(completed).singleElement().satisfies(result ->
        assertThat(result.written()).hasSize(1));
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(1000.0);
    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-03T02:00:00Z"));
    assertThat(executor.pending()).singleElement()
        .satisfies(task -> assertThat(task.delayMillis).isEqualTo(Duration.ofDays(1).toMillis()));

    bytes.set(1_100_000_000_000L);
    clock.set(Instant.parse("2026-05-03T02:00:00Z"));
    executor.runNext();

    assertThat(completed).hasSize(2);
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(1100.0);
    assertThat(audit.all()).hasSize(2);
  }

  @Test
  void anExecutorThatFiresEarlyByTheClockDoesNotRunTwice() {
    BillingSchedule schedule = schedule().start();

    clock.set(Instant.parse("2026-05-02T01:59:59.900Z"));
    executor.runNext();

    assertThat(completed).hasSize(1);
    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-03T02:00:00Z"));
  }

  @Test
  void followsTheTimeOfDayInItsZoneAcrossADaylightSavingChange() {
    ZoneId newYork = ZoneId.of("America/New_York");
    clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    BillingSchedule schedule = schedule().dailyAt(LocalTime.of(3, 30), newYork).start();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-03-08T07:30:00Z")); // EDT starts

    clock.set(Instant.parse("2026-03-08T07:30:00Z"));
    executor.runNext();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-03-09T07:30:00Z"));
  }

  @Test
  void canRunAtAFixedInterval() {
    BillingSchedule schedule = schedule().every(Duration.ofHours(6)).start();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-01T16:15:00Z"));

    clock.set(Instant.parse("2026-05-01T16:15:00.250Z"));
    executor.runNext();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-01T22:15:00Z"));
  }

  @Test
  void runsMissedWhileAsleepAreNotMadeUp() {
    BillingSchedule schedule = schedule().every(Duration.ofHours(6)).start();

    clock.set(Instant.parse("2026-05-03T00:00:00Z"));
    executor.runNext();

    assertThat(completed).hasSize(1);
    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-03T04:15:00Z"));
  }

  @Test
  void aFailedRunIsReportedAndTheScheduleGoesOn() {
    AtomicReference<List<StorageReport>> reports =
        new AtomicReference<>(List.of(report("r-1", "appliance-unknown", 1L)));
    BillingSchedule schedule =
        BillingSchedule.builder(billing, reports::get)
            .clock(clock)
            .executor(executor)
            .listener(listener)
            .start();

    clock.set(Instant.parse("2026-05-02T02:00:00Z"));
    executor.runNext();

    assertThat(failed).singleElement().isInstanceOf(InvalidBillingRunException.class);
    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-03T02:00:00Z"));
    assertThat(executor.pending()).hasSize(1);
  }

  @Test
  void aRunStoppedByTheAuditIsReportedWithWhatItWrote() {
    BillingAuditLog down = new FailingBillingAuditLog("audit database unavailable");
    billing =
        BillingService.builder()
            .client(client)
            .auditLog(down)
            .mappings(List.of(new BillingMapping("appliance-1", ACME, ACME_AGREEMENT, ACME_CLOUD_GB)))
            .clock(clock)
            .build();
    BillingSchedule schedule = schedule().start();

    clock.set(Instant.parse("2026-05-02T02:00:00Z"));
    executor.runNext();

    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(1000.0);
    assertThat(completed).isEmpty();
    assertThat(failed)
        .singleElement()
        .isInstanceOfSatisfying(
            BillingAuditException.class,
            stopped -> {
              assertThat(stopped.result().written())
                  .extracting(BillingPlan.AdditionQuantity::additionId)
                  .containsExactly(ACME_CLOUD_GB);
              assertThat(stopped).hasMessageContaining("(written to ConnectWise)");
            });
    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-03T02:00:00Z"));
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheSchedule() {
    BillingSchedule schedule =
        schedule()
            .listener(
                new BillingSchedule.Listener() {
                  @Override
                  public void completed(BillingResult result) {
                    throw new IllegalStateException("status page down");
                  }
                })
            .start();

    clock.set(Instant.parse("2026-05-02T02:00:00Z"));
    executor.runNext();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-03T02:00:00Z"));
  }

  @Test
  void runOnceBillsOnDemandWithoutMovingTheSchedule() {
    BillingSchedule schedule = schedule().start();

    BillingResult result = schedule.runOnce();

    assertThat(result.written()).hasSize(1);
    assertThat(quantity(cw, ACME_AGREEMENT, ACME_CLOUD_GB)).isEqualTo(1000.0);
    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-02T02:00:00Z"));
    assertThat(executor.pending()).hasSize(1);
  }

  @Test
  void closeCancelsThePendingRunAndLeavesAnExecutorItWasGiven() {
    BillingSchedule schedule = schedule().start();

    schedule.close();

    assertThat(schedule.nextRun()).isEmpty();
    assertThat(executor.pending()).isEmpty();
    assertThat(executor.isShutdown()).isFalse();
    assertThatThrownBy(schedule::start).hasMessageContaining("closed");
  }

  @Test
  void startsOnlyOnce() {
    BillingSchedule schedule = schedule().start();

    assertThatThrownBy(schedule::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already started");
  }

  @Test
  void refusesAnIntervalShorterThanAMinute() {
    assertThatThrownBy(() -> schedule().every(Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval must be at least one minute");
  }

  @Test
  void withItsOwnExecutorItRunsOnADaemonThreadAndShutsItDown() {
    BillingSchedule schedule =
        BillingSchedule.builder(billing, List::of).clock(clock).start();

    assertThat(schedule.nextRun()).hasValue(Instant.parse("2026-05-02T02:00:00Z"));
    schedule.close();
    assertThat(schedule.nextRun()).isEmpty();
  }
}
