package com.axcient.connectwise.integration.core.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the integration's scheduled jobs: the outbox worker, ConnectWise polling, billing runs and
 * policy sync, each registered by its module as a {@link Job}.
 *
 * <p>A job never overlaps itself: a run that is due (or {@linkplain #runNow requested by hand})
 * while the previous one is still going is skipped. A job that throws is logged and recorded, and
 * keeps its schedule, whatever it throws (an exception, a {@link StackOverflowError}, a {@link
 * LinkageError} or any other error); a {@code runNow} of it returns a {@link JobRun.Outcome#FAILED}
 * run. Only a {@link VirtualMachineError} other than a stack overflow, such as an {@link
 * OutOfMemoryError}, is recorded and then rethrown, which ends that job's schedule: the JVM is in
 * no state to go on. {@link #close()} stops scheduling, waits for running jobs up to the shutdown
 * timeout, then closes the resources handed to {@link Builder#closeWith(AutoCloseable)} (such as
 * the state store), last registered first.
 *
 * <pre>{@code
 * IntegrationRuntime runtime = IntegrationRuntime.builder()
 *     .job(Job.every("outbox-worker", Duration.ofSeconds(2), worker::runOnce))
 *     .job(Job.every("billing", Duration.ofDays(1), billing::run))
 *     .closeWith(stateStore)
 *     .build();
 * runtime.start();
 * ...
 * runtime.runNow("billing");   // an operator's "bill now" button
 * runtime.close();
 * }</pre>
 *
 * <p>By default the runtime owns a small pool of daemon threads named {@code
 * connectwise-integration-<job>} while a job runs; {@link Builder#executor} hands it the caller's
 * executor instead, which it then neither shuts down nor renames threads of.
 */
public final class IntegrationRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IntegrationRuntime.class);
  private static final String THREAD_PREFIX = "connectwise-integration-";

  private enum Lifecycle {
    NEW,
    STARTED,
    CLOSED
  }

  private final Clock clock;
  private final ScheduledExecutorService callerExecutor;
  private final int threads;
  private final Duration shutdownTimeout;
  private final List<AutoCloseable> resources;
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Object lock = new Object();
  private final AtomicInteger activeRuns = new AtomicInteger();
  private Lifecycle lifecycle = Lifecycle.NEW;
  private ScheduledExecutorService executor;

  private IntegrationRuntime(Builder builder) {
    this.clock = builder.clock;
    this.callerExecutor = builder.executor;
    this.threads = builder.threads;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.resources = List.copyOf(builder.resources);
    builder.jobs.forEach(this::register);
  }

  /**
   * A builder with the system clock, two owned threads and a 30 second shutdown timeout.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a job. Before {@link #start()} it is scheduled at start; after, at once.
   *
   * @param job the job
   * @throws IllegalArgumentException when a job with the same name is registered
   * @throws IllegalStateException when the runtime is closed
   */
  public void register(Job job) {
    Objects.requireNonNull(job, "job");
    synchronized (lock) {
      if (lifecycle == Lifecycle.CLOSED) {
        throw new IllegalStateException("the runtime is closed; build a new one");
      }
      if (slots.containsKey(job.name())) {
        throw new IllegalArgumentException("a job named '" + job.name() + "' is already registered");
      }
      Slot slot = new Slot(job);
      if (lifecycle == Lifecycle.STARTED) {
        // Scheduled before it is listed, so a job the executor refuses is not left registered.
        schedule(slot);
      }
      slots.put(job.name(), slot);
    }
  }

  /**
   * Starts the schedules of every registered job. When a job cannot be scheduled (the caller's
   * executor refuses it, say) nothing is started: the schedules made so far are cancelled, the
   * runtime's own executor is shut down, and the runtime stays not started.
   *
   * @throws IllegalStateException when the runtime was already started or is closed
   */
  public void start() {
    synchronized (lock) {
      if (lifecycle != Lifecycle.NEW) {
        throw new IllegalStateException("the runtime can be started once; it is " + lifecycle);
      }
      executor = callerExecutor != null ? callerExecutor : ownedExecutor(threads);
      try {
        slots.values().forEach(this::schedule);
      } catch (RuntimeException | Error e) {
        // Not half started: no job keeps a schedule and no owned thread outlives the failure.
        slots.values().forEach(Slot::cancel);
        if (executor != callerExecutor) {
          executor.shutdownNow();
        }
        executor = null;
        throw e;
      }
      lifecycle = Lifecycle.STARTED;
    }
    log.info("ConnectWise integration runtime started with jobs {}", slots.keySet());
  }

  /**
   * Runs a job once, now, in the calling thread, whether or not the runtime is started.
   *
   * @param name the job's name
   * @return the run; {@link JobRun.Outcome#SKIPPED} when the job is already running or the runtime
   *     is closed
   * @throws IllegalArgumentException when no job has that name
   */
  public JobRun runNow(String name) {
    Slot slot;
    synchronized (lock) {
      slot = slots.get(name);
    }
    if (slot == null) {
      throw new IllegalArgumentException(
          "no job named '" + name + "'; registered jobs: " + jobNames());
    }
    return run(slot, false);
  }

  /**
   * Every job's state, in registration order.
   *
   * @return the states
   */
  public List<JobStatus> status() {
    List<Slot> copy;
    synchronized (lock) {
      copy = new ArrayList<>(slots.values());
    }
    return copy.stream().map(Slot::status).toList();
  }

  /**
   * One job's state.
   *
   * @param name the job's name
   * @return the state, or empty when no job has that name
   */
  public Optional<JobStatus> status(String name) {
    synchronized (lock) {
      return Optional.ofNullable(slots.get(name)).map(Slot::status);
    }
  }

  /**
   * Whether the runtime was started and not yet closed.
   *
   * @return {@code true} between {@link #start()} and {@link #close()}
   */
  public boolean isStarted() {
    synchronized (lock) {
      return lifecycle == Lifecycle.STARTED;
    }
  }

  /**
   * Stops the schedules, waits up to the shutdown timeout for running jobs, interrupts those still
   * running after it (owned threads only), then closes the resources given to {@link
   * Builder#closeWith}. Calling it again does nothing.
   */
  @Override
  public void close() {
    ScheduledExecutorService toShutDown;
    synchronized (lock) {
      if (lifecycle == Lifecycle.CLOSED) {
        return;
      }
      lifecycle = Lifecycle.CLOSED;
      slots.values().forEach(Slot::cancel);
      toShutDown = executor != null && executor != callerExecutor ? executor : null;
    }
    if (toShutDown != null) {
      toShutDown.shutdown();
    }
    boolean idle = awaitIdle(shutdownTimeout);
    if (!idle) {
      log.warn(
          "ConnectWise integration jobs still running after {}; interrupting them", shutdownTimeout);
    }
    if (toShutDown != null) {
      toShutDown.shutdownNow();
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", resources.get(i).getClass().getName(), oneLine(e));
      }
    }
    log.info("ConnectWise integration runtime closed");
  }

  private void schedule(Slot slot) {
    slot.job.interval()
        .ifPresent(
            interval ->
                slot.future =
                    executor.scheduleWithFixedDelay(
                        () -> run(slot, true),
                        millis(slot.job.initialDelay()),
                        millis(interval),
                        TimeUnit.MILLISECONDS));
  }

  /** The duration in milliseconds, at most {@code Long.MAX_VALUE} (a delay of ages, not an error). */
  private static long millis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private JobRun run(Slot slot, boolean scheduled) {
    Instant start = clock.instant();
    String name = slot.job.name();
    if (!slot.running.compareAndSet(false, true)) {
      log.debug("Job {} is still running; this run is skipped", name);
      return skipped(name, start);
    }
    activeRuns.incrementAndGet();
    Thread thread = Thread.currentThread();
    String threadName = thread.getName();
    boolean rename = scheduled && callerExecutor == null;
    try {
      synchronized (lock) {
        if (lifecycle == Lifecycle.CLOSED) {
          return skipped(name, start);
        }
      }
      if (rename) {
        thread.setName(THREAD_PREFIX + name);
      }
      JobRun run = execute(slot, start);
      slot.record(run);
      return run;
    } finally {
      if (rename) {
        thread.setName(threadName);
      }
      slot.running.set(false);
      if (activeRuns.decrementAndGet() == 0) {
        synchronized (activeRuns) {
          activeRuns.notifyAll();
        }
      }
    }
  }

  private JobRun execute(Slot slot, Instant start) {
    String name = slot.job.name();
    try {
      JobResult result = Objects.requireNonNull(slot.job.task().call(), "the job returned null");
      log.debug("Job {} succeeded {}", name, result.summary());
      return new JobRun(
          name, start, clock.instant(), JobRun.Outcome.SUCCEEDED, Optional.of(result), Optional.empty());
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Logged with its stack trace; the schedule continues with the next run. A throwable that
      // escaped would end the schedule for good (the executor never runs the task again).
      log.warn("Job {} failed: {}", name, oneLine(e), e);
      JobRun failed =
          new JobRun(
              name, start, clock.instant(), JobRun.Outcome.FAILED, Optional.empty(), Optional.of(oneLine(e)));
      if (isFatal(e)) {
        // Out of memory or a broken JVM: recorded, but not swallowed.
        slot.record(failed);
        throw (Error) e;
      }
      return failed;
    }
  }

  /**
   * Whether a throwable must not be swallowed: a {@link VirtualMachineError} other than a stack
   * overflow, which unwinds a single deep call and leaves the JVM sound.
   */
  private static boolean isFatal(Throwable e) {
    return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
  }

  private JobRun skipped(String name, Instant start) {
    return new JobRun(
        name, start, start, JobRun.Outcome.SKIPPED, Optional.empty(), Optional.empty());
  }

  private boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (activeRuns) {
      while (activeRuns.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(activeRuns, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private List<String> jobNames() {
    synchronized (lock) {
      return List.copyOf(slots.keySet());
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return (e.getClass().getSimpleName() + message).replaceAll("[\\r\\n]+", " ");
  }

  private static ScheduledExecutorService ownedExecutor(int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, THREAD_PREFIX + "worker-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, factory);
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }

  /** One registered job and what is known of its runs. */
  private static final class Slot {
    final Job job;
    final AtomicBoolean running = new AtomicBoolean();
    final AtomicLong runs = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    volatile JobRun lastRun;
    volatile JobRun lastFailure;
    volatile ScheduledFuture<?> future;

    Slot(Job job) {
      this.job = job;
    }

    void record(JobRun run) {
      runs.incrementAndGet();
      if (run.outcome() == JobRun.Outcome.FAILED) {
        failures.incrementAndGet();
        lastFailure = run;
      }
      lastRun = run;
    }

    void cancel() {
      ScheduledFuture<?> scheduled = future;
      future = null;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }

    JobStatus status() {
      return new JobStatus(
          job.name(),
          job.interval(),
          running.get(),
          runs.get(),
          failures.get(),
          Optional.ofNullable(lastRun),
          Optional.ofNullable(lastFailure));
    }
  }

  /** Configures an {@link IntegrationRuntime}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private int threads = 2;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private final List<Job> jobs = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the clock that times the runs.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Runs the jobs on the caller's executor, which the runtime does not shut down.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how many threads the runtime's own executor has (ignored with the caller's executor).
     *
     * @param threads 1 or more; default 2
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how long {@link IntegrationRuntime#close()} waits for running jobs.
     *
     * @param shutdownTimeout the wait, zero or more; default 30 seconds
     * @return this builder
     */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      if (shutdownTimeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative");
      }
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /**
     * Registers a job.
     *
     * @param job the job
     * @return this builder
     */
    public Builder job(Job job) {
      jobs.add(Objects.requireNonNull(job, "job"));
      return this;
    }

    /**
     * Closes a resource (such as the state store) when the runtime closes, after its jobs stopped.
     *
     * @param resource the resource
     * @return this builder
     */
    public Builder closeWith(AutoCloseable resource) {
      resources.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /**
     * Builds the runtime, not yet started.
     *
     * @return the runtime
     * @throws IllegalArgumentException when two jobs have the same name
     */
    public IntegrationRuntime build() {
      return new IntegrationRuntime(this);
    }
  }
}
