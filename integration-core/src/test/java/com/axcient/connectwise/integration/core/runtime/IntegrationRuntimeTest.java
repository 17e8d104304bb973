package com.axcient.connectwise.integration.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.io.IOError;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime with short real intervals. Tests wait for events (latches), never for a length of
 * time, and assert what happened, not when.
 */
class IntegrationRuntimeTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration SHORT = Duration.ofMillis(5);
  private static final long WAIT_SECONDS = 30;

  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private IntegrationRuntime runtime;

  @AfterEach
  void closeRuntime() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void runsAScheduledJobRepeatedlyAndRecordsItsRuns() throws Exception {
    CountDownLatch threeRuns = new CountDownLatch(3);
    runtime =
        IntegrationRuntime.builder()
            .clock(clock)
            .job(
                Job.every(
                    "outbox-worker",
                    SHORT,
                    () -> {
                      threeRuns.countDown();
                      return JobResult.of("2 items sent");
                    }))
            .build();

    runtime.start();

    assertThat(threeRuns.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    JobStatus status = runtime.status("outbox-worker").orElseThrow();
    assertThat(status.runs()).isGreaterThanOrEqualTo(2);
    assertThat(status.failures()).isZero();
    assertThat(status.interval()).contains(SHORT);
    JobRun last = status.lastRun().orElseThrow();
    assertThat(last.outcome()).isEqualTo(JobRun.Outcome.SUCCEEDED);
    assertThat(last.result()).contains(JobResult.of("2 items sent"));
    assertThat(last.startedAt()).isEqualTo(T0);
  }

  @Test
  void aFailingJobIsRecordedAndKeepsItsSchedule() throws Exception {
    CountDownLatch threeAttempts = new CountDownLatch(3);
    runtime =
        IntegrationRuntime.builder()
            .job(
                Job.every(
                    "psa-polling",
                    SHORT,
                    () -> {
                      threeAttempts.countDown();
                      throw new IllegalStateException("ConnectWise unreachable\r\nsecond line");
                    }))
            .build();

    runtime.start();

    assertThat(threeAttempts.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    JobStatus status = runtime.status("psa-polling").orElseThrow();
    assertThat(status.failures()).isGreaterThanOrEqualTo(2);
    assertThat(status.lastFailure().orElseThrow().failure())
        .contains("IllegalStateException: ConnectWise unreachable second line");
  }

  @Test
  void aJobThrowingAnErrorIsRecordedAndKeepsItsSchedule() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch secondRun = new CountDownLatch(2);
    runtime =
        IntegrationRuntime.builder()
            .job(
                Job.every(
                    "flaky",
                    SHORT,
                    () -> {
                      secondRun.countDown();
                      if (calls.incrementAndGet() == 1) {
                        throw new ServiceConfigurationError("provider not found");
                      }
                      return JobResult.none();
                    }))
            .build();

    runtime.start();

    assertThat(secondRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    JobStatus status = runtime.status("flaky").orElseThrow();
    assertThat(status.failures()).isEqualTo(1);
    assertThat(status.lastFailure().orElseThrow().failure())
        .contains("ServiceConfigurationError: provider not found");
  }

  @Test
  void runNowOfAJobThrowingAnErrorReturnsAFailedRun() {
    runtime =
        IntegrationRuntime.builder()
            .job(Job.manual("deep", () -> { throw new StackOverflowError(); }))
            .job(Job.manual("io", () -> { throw new IOError(new IOException("disk gone")); }))
            .build();

    JobRun deep = runtime.runNow("deep");
    JobRun io = runtime.runNow("io");

    assertThat(deep.outcome()).isEqualTo(JobRun.Outcome.FAILED);
    assertThat(deep.failure()).contains("StackOverflowError");
    assertThat(io.outcome()).isEqualTo(JobRun.Outcome.FAILED);
    assertThat(runtime.status("deep").orElseThrow().failures()).isEqualTo(1);
  }

  @Test
  void anOutOfMemoryErrorIsRecordedThenRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    runtime =
        IntegrationRuntime.builder().job(Job.manual("hungry", () -> { throw oom; })).build();

    assertThatThrownBy(() -> runtime.runNow("hungry")).isSameAs(oom);

    JobStatus status = runtime.status("hungry").orElseThrow();
    assertThat(status.runs()).isEqualTo(1);
    assertThat(status.lastFailure().orElseThrow().failure()).contains("OutOfMemoryError: Java heap space");
    assertThat(status.running()).isFalse();
  }

  @Test
  void aSubMillisecondIntervalIsRefusedNamingTheJob() {
    assertThatThrownBy(() -> Job.every("fast", Duration.ofNanos(500_000), () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval of job fast must be at least 1 millisecond, was PT0.0005S");
    assertThat(Job.every("fast", Duration.ofMillis(1), () -> {}).interval()).contains(Duration.ofMillis(1));
  }

  @Test
  void aJobTheExecutorRefusesLeavesTheRuntimeNotStarted() {
    List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1) {
          @Override
          public ScheduledFuture<?> scheduleWithFixedDelay(
              Runnable command, long initialDelay, long delay, TimeUnit unit) {
            if (!scheduled.isEmpty()) {
              throw new RejectedExecutionException("queue full");
            }
            ScheduledFuture<?> future = super.scheduleWithFixedDelay(command, initialDelay, delay, unit);
            scheduled.add(future);
            return future;
          }
        };
    try {
      runtime =
          IntegrationRuntime.builder()
              .executor(executor)
              .job(Job.every("outbox-worker", Duration.ofHours(1), () -> {}))
              .job(Job.every("billing", Duration.ofHours(1), () -> {}))
              .build();

      assertThatThrownBy(runtime::start).isInstanceOf(RejectedExecutionException.class);

      assertThat(runtime.isStarted()).isFalse();
      assertThat(scheduled).singleElement().satisfies(f -> assertThat(f.isCancelled()).isTrue());
      assertThat(executor.isShutdown()).isFalse();
      runtime.close();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aJobRegisteredAfterStartThatCannotBeScheduledIsNotRegistered() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      runtime = IntegrationRuntime.builder().executor(executor).build();
      runtime.start();
      executor.shutdown();

      assertThatThrownBy(() -> runtime.register(Job.every("late-job", SHORT, () -> {})))
          .isInstanceOf(RejectedExecutionException.class);

      assertThat(runtime.status()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void anEnormousIntervalIsScheduledNotRefused() {
    runtime =
        IntegrationRuntime.builder()
            .job(Job.every("yearly", Duration.ofSeconds(Long.MAX_VALUE), () -> {}))
            .build();

    runtime.start();

    assertThat(runtime.isStarted()).isTrue();
  }

  @Test
  void runNowRunsAJobByHandEvenBeforeStartAndForManualJobs() {
    AtomicInteger billingRuns = new AtomicInteger();
    runtime =
        IntegrationRuntime.builder()
            .clock(clock)
            .job(Job.manual("billing", () -> JobResult.of("run " + billingRuns.incrementAndGet())))
            .build();

    JobRun run = runtime.runNow("billing");

    assertThat(run.outcome()).isEqualTo(JobRun.Outcome.SUCCEEDED);
    assertThat(run.result()).contains(JobResult.of("run 1"));
    assertThat(run.startedAt()).isEqualTo(T0);
    runtime.start();
    assertThat(runtime.runNow("billing").result()).contains(JobResult.of("run 2"));
    assertThat(runtime.status("billing").orElseThrow().runs()).isEqualTo(2);
  }

  @Test
  void aJobNeverOverlapsItself() throws Exception {
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    runtime =
        IntegrationRuntime.builder()
            .threads(4)
            .job(
                Job.every(
                    "policy-sync",
                    Duration.ofMillis(1),
                    () -> {
                      int now = concurrent.incrementAndGet();
                      maxConcurrent.accumulateAndGet(now, Math::max);
                      Thread.yield();
                      concurrent.decrementAndGet();
                      runs.incrementAndGet();
                    })
                    .withInitialDelay(Duration.ZERO))
            .build();
    runtime.start();

    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(
            callers.submit(
                () -> {
                  for (int n = 0; n < 200; n++) {
                    runtime.runNow("policy-sync");
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    // A scheduled run may still be in progress (every call above was skipped for it): let it end.
    runtime.close();

    assertThat(runs.get()).isPositive();
    assertThat(maxConcurrent.get()).isEqualTo(1);
  }

  @Test
  void runNowWhileTheJobRunsIsSkipped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    runtime =
        IntegrationRuntime.builder()
            .job(
                Job.manual(
                    "billing",
                    () -> {
                      started.countDown();
                      release.await();
                      return JobResult.none();
                    }))
            .build();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<JobRun> first = caller.submit(() -> runtime.runNow("billing"));
      assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(runtime.status("billing").orElseThrow().running()).isTrue();

      assertThat(runtime.runNow("billing").outcome()).isEqualTo(JobRun.Outcome.SKIPPED);

      release.countDown();
      assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).outcome())
          .isEqualTo(JobRun.Outcome.SUCCEEDED);
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  @Test
  void scheduledRunsUseThreadsNamedAfterTheJob() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    List<String> names = new CopyOnWriteArrayList<>();
    runtime =
        IntegrationRuntime.builder()
            .job(
                Job.every(
                    "outbox-worker",
                    SHORT,
                    () -> {
                      names.add(Thread.currentThread().getName());
                      ran.countDown();
                    }))
            .build();

    runtime.start();

    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(names.get(0)).isEqualTo("connectwise-integration-outbox-worker");
  }

  @Test
  void closeWaitsForARunningJobThenClosesResourcesLastFirst() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean jobFinished = new AtomicBoolean();
    List<String> closed = new CopyOnWriteArrayList<>();
    runtime =
        IntegrationRuntime.builder()
            .job(
                Job.every(
                        "billing",
                        Duration.ofHours(1),
                        () -> {
                          started.countDown();
                          release.await();
                          jobFinished.set(true);
                          return JobResult.none();
                        })
                    .withInitialDelay(Duration.ZERO))
            .closeWith(() -> closed.add("state store (jobFinished=" + jobFinished.get() + ")"))
            .closeWith(() -> closed.add("client"))
            .build();
    runtime.start();
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    ExecutorService closer = Executors.newSingleThreadExecutor();
    try {
      Future<?> closing = closer.submit(runtime::close);
      release.countDown();
      closing.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } finally {
      closer.shutdownNow();
    }

    assertThat(jobFinished).isTrue();
    assertThat(closed).containsExactly("client", "state store (jobFinished=true)");
    assertThat(runtime.isStarted()).isFalse();
    assertThat(runtime.runNow("billing").outcome()).isEqualTo(JobRun.Outcome.SKIPPED);
  }

  @Test
  void closeInterruptsAJobThatOutlivesTheShutdownTimeout() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    runtime =
        IntegrationRuntime.builder()
            .shutdownTimeout(Duration.ZERO)
            .job(
                Job.every(
                        "stuck",
                        Duration.ofHours(1),
                        () -> {
                          started.countDown();
                          try {
                            new CountDownLatch(1).await();
                          } catch (InterruptedException e) {
                            interrupted.countDown();
                            throw e;
                          }
                          return JobResult.none();
                        })
                    .withInitialDelay(Duration.ZERO))
            .build();
    runtime.start();
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    runtime.close();

    assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theCallersExecutorRunsTheJobsAndIsNotShutDown() throws Exception {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      CountDownLatch ran = new CountDownLatch(1);
      runtime =
          IntegrationRuntime.builder()
              .executor(executor)
              .job(Job.every("outbox-worker", SHORT, ran::countDown))
              .build();
      runtime.start();
      assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

      runtime.close();

      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aJobRegisteredAfterStartIsScheduledAtOnce() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    runtime = IntegrationRuntime.builder().build();
    runtime.start();

    runtime.register(Job.every("late-job", SHORT, ran::countDown));

    assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.status()).extracting(JobStatus::name).containsExactly("late-job");
  }

  @Test
  void badJobsAndNamesAreRejectedWithTheFix() {
    runtime = IntegrationRuntime.builder().job(Job.manual("billing", JobResult::none)).build();

    assertThatThrownBy(() -> runtime.runNow("biling"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no job named 'biling'")
        .hasMessageContaining("[billing]");
    assertThatThrownBy(() -> runtime.register(Job.manual("billing", JobResult::none)))
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> Job.manual("Billing Run", JobResult::none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> Job.every("x", Duration.ZERO, () -> {}))
        .hasMessageContaining("interval of job x must be at least 1 millisecond");
    runtime.start();
    assertThatThrownBy(runtime::start).isInstanceOf(IllegalStateException.class);
  }
}
