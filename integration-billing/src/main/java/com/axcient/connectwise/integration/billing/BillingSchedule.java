package com.axcient.connectwise.integration.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs billing on a schedule, every day at 02:00 by default, and on demand with
 * {@link #runOnce()}.
 *
 * <pre>{@code
 * BillingSchedule schedule = BillingSchedule.builder(billing, product::latestStorageReports)
 *     .dailyAt(LocalTime.of(3, 30), ZoneId.of("America/New_York"))
 *     .listener(billingStatusPage)                   // a BillingSchedule.Listener
 *     .start();
 * ...
 * schedule.close();
 * }</pre>
 *
 * <p>Each run fetches the latest reports from the report source and applies them with
 * {@link BillingService#apply(Collection)}. A run that fails (bad input, ConnectWise unreachable,
 * the audit log down) is logged and passed to the {@link Listener}; the schedule goes on. The next run time is worked
 * out from the {@link Clock} after every run, so daylight saving changes and a clock that jumps
 * are followed; runs missed while the process was down are not made up (the next run bills the
 * current storage anyway).
 */
public final class BillingSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BillingSchedule.class);
  private static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);

  /** Hears how each scheduled run ended; called on the schedule's thread. */
  public interface Listener {
    /**
     * A scheduled run that was applied (some writes may have failed: see
     * {@link BillingResult#failed()}).
     */
    default void completed(BillingResult result) {}

    /**
     * A scheduled run that failed. Most wrote nothing because they could not be planned, such as
     * an {@link InvalidBillingRunException} or a ConnectWise outage. A
     * {@link BillingAuditException} is a run that stopped after sending a write the audit log
     * failed to record: {@link BillingAuditException#result()} lists what the run did, that
     * write included.
     */
    default void failed(RuntimeException failure) {}
  }

  private final BillingService service;
  private final Supplier<? extends Collection<StorageReport>> reports;
  private final LocalTime timeOfDay;
  private final Duration interval;
  private final ZoneId zone;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final Listener listener;

  private ScheduledFuture<?> pending;
  private Instant nextRun;
  private boolean started;
  private boolean closed;

  private BillingSchedule(Builder builder) {
    this.service = builder.service;
    this.reports = builder.reports;
    this.timeOfDay = builder.timeOfDay;
    this.interval = builder.interval;
    this.clock = builder.clock;
    this.zone = builder.zone != null ? builder.zone : builder.clock.getZone();
    this.ownsExecutor = builder.executor == null;
    this.executor = ownsExecutor ? defaultExecutor() : builder.executor;
    this.listener = builder.listener;
  }

  /**
   * A builder for a schedule that applies the reports {@code reports} returns with {@code
   * service}.
   *
   * @param service the billing service
   * @param reports the source of the latest storage report of every appliance, asked at every run
   */
  public static Builder builder(
      BillingService service, Supplier<? extends Collection<StorageReport>> reports) {
    return new Builder(service, reports);
  }

  /**
   * Schedules the first run; later runs follow, each scheduled when the one before ends.
   *
   * @return this schedule
   * @throws IllegalStateException if it was started before or is closed
   */
  public synchronized BillingSchedule start() {
    if (closed || started) {
      throw new IllegalStateException(
          closed ? "The billing schedule is closed" : "The billing schedule is already started");
    }
    started = true;
    scheduleAfter(clock.instant());
    return this;
  }

  /**
   * Runs billing now, outside the schedule: fetches the latest reports and applies them. Does not
   * move the next scheduled run.
   *
   * @throws InvalidBillingRunException listing every problem; nothing was written
   * @throws com.axcient.connectwise.client.ConnectWiseException if ConnectWise cannot be read
   * @throws BillingAuditException if the audit log fails to record a write; the run stopped there
   */
  public BillingResult runOnce() {
    Collection<StorageReport> latest =
        Objects.requireNonNull(reports.get(), "the report source returned null");
    return service.apply(List.copyOf(latest));
  }

  /** When the next scheduled run is due; empty before {@link #start()} and after {@link #close()}. */
  public synchronized Optional<Instant> nextRun() {
    return Optional.ofNullable(nextRun);
  }

  /**
   * Stops the schedule: the pending run is cancelled (a run in progress finishes) and an executor
   * the schedule created is shut down; an executor passed in is left running.
   */
  @Override
  public synchronized void close() {
    closed = true;
    nextRun = null;
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    if (ownsExecutor) {
      executor.shutdown();
    }
  }

  private synchronized void scheduleAfter(Instant previous) {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    Instant next = following(previous);
    while (!next.isAfter(now)) {
      next = following(next);
    }
    nextRun = next;
    long delay = Duration.between(now, next).toMillis();
    Instant due = next;
    pending = executor.schedule(() -> fire(due), delay, TimeUnit.MILLISECONDS);
  }

  /** The run time after {@code time}: the next time of day, or one interval later. */
  private Instant following(Instant time) {
    if (interval != null) {
      return time.plus(interval);
    }
    ZonedDateTime local = time.atZone(zone);
    ZonedDateTime candidate = local.with(timeOfDay);
    if (!candidate.isAfter(local)) {
      candidate = local.plusDays(1).with(timeOfDay);
    }
    return candidate.toInstant();
  }

  private void fire(Instant due) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    try {
      BillingResult result = runOnce();
      notify(() -> listener.completed(result));
    } catch (BillingAuditException e) {
      LOG.error("Scheduled billing run stopped, the audit log failed: {}", e.getMessage());
      notify(() -> listener.failed(e));
    } catch (RuntimeException e) {
      // Report and appliance ids come from the product: keep them to one log line.
      LOG.warn(
          "Scheduled billing run wrote nothing: {}", e.toString().replaceAll("[\\r\\n]+", " "));
      notify(() -> listener.failed(e));
    }
    // From the due time, not from now: a fixed interval does not drift, and a clock slightly
    // behind the executor does not run the same slot twice. Slots already past are skipped.
    scheduleAfter(due);
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("The billing schedule's listener failed: {}", e.getClass().getName());
    }
  }

  private static ScheduledExecutorService defaultExecutor() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "billing-schedule");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Builds a {@link BillingSchedule}. */
  public static final class Builder {
    private final BillingService service;
    private final Supplier<? extends Collection<StorageReport>> reports;
    private LocalTime timeOfDay = LocalTime.of(2, 0);
    private Duration interval;
    private ZoneId zone;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Listener listener = new Listener() {};

    private Builder(BillingService service, Supplier<? extends Collection<StorageReport>> reports) {
      this.service = Objects.requireNonNull(service, "service");
      this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** Runs every day at this time in the clock's zone (the default: 02:00). */
    public Builder dailyAt(LocalTime timeOfDay) {
      this.timeOfDay = Objects.requireNonNull(timeOfDay, "timeOfDay");
      this.interval = null;
      return this;
    }

    /** Runs every day at this time in this zone. */
    public Builder dailyAt(LocalTime timeOfDay, ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return dailyAt(timeOfDay);
    }

    /**
     * Runs at a fixed interval instead of daily, the first run one interval after
     * {@link BillingSchedule#start()}.
     *
     * @param interval at least one minute
     */
    public Builder every(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
        throw new IllegalArgumentException(
            "interval must be at least one minute, was " + interval
                + ": billing sets a monthly quantity, a daily run is usually enough");
      }
      this.interval = interval;
      return this;
    }

    /** The clock run times are worked out with; system UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The executor the runs are scheduled on, such as the product's runtime executor; by default
     * the schedule creates one daemon thread of its own.
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Hears how each scheduled run ended; by default only the log does. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The schedule, not yet started. */
    public BillingSchedule build() {
      return new BillingSchedule(this);
    }

    /** Builds the schedule and {@link BillingSchedule#start() starts} it. */
    public BillingSchedule start() {
      return build().start();
    }
  }
}
