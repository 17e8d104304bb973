package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.policy.SyncResult.Outcome;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a device's effective settings in step with the global policy: polls the
 * {@link PolicySource} (every 4 hours by default), validates a changed policy before applying it,
 * records the applied version in the {@link PolicyVersionStore} and tells the
 * {@link PolicyListener}s about the new effective settings.
 *
 * <p>A policy that fails validation is not applied: the last good policy stays in force and the
 * listeners hear of the refusal once per version. A source that cannot be reached changes nothing
 * either. A device that turns inheritance off keeps its own values and is not polled; turning it
 * back on syncs at once.
 *
 * <p>The caller owns the threads: {@link #start()} schedules the polling on the caller's
 * {@link ScheduledExecutorService}, and nothing runs before it. {@link #syncNow()} runs a sync by
 * hand. Syncs and device changes run one at a time.
 *
 * <p>Whatever a source, validator, store or listener throws (an exception, a {@link
 * StackOverflowError}, a {@link LinkageError} or any other error) is logged, and the sync goes on
 * and keeps its schedule. Only a {@link VirtualMachineError} other than a stack overflow, such as
 * an {@link OutOfMemoryError}, is recorded in {@link #lastResult()} and then rethrown, which ends
 * the schedule: the JVM is in no state to go on.
 *
 * <pre>{@code
 * PolicySync sync = PolicySync.builder(policySource, versionStore, executor)
 *     .device(deviceSettings)
 *     .section(ticketingSection)
 *     .listener(effective -> product.apply(effective))
 *     .build();
 * sync.start();
 * }</pre>
 */
public final class PolicySync implements AutoCloseable {

  /** How often the policy is polled unless configured otherwise. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(4);

  private static final Logger LOG = LoggerFactory.getLogger(PolicySync.class);

  private final PolicySource source;
  private final PolicyVersionStore versionStore;
  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final Duration interval;
  private final Duration initialDelay;
  private final Map<String, SettingsSection<?>> sections;
  private final List<PolicyValidator> validators;
  private final List<PolicyListener> listeners;
  private final ReentrantLock lock = new ReentrantLock();

  private DeviceSettings device;
  private Optional<FetchedPolicy> policy = Optional.empty();
  private Optional<String> lastRejectedVersion = Optional.empty();
  private volatile EffectiveSettings effective;
  private volatile SyncResult lastResult;
  private ScheduledFuture<?> schedule;
  private boolean closed;

  private PolicySync(Builder builder) {
    this.source = builder.source;
    this.versionStore = builder.versionStore;
    this.executor = builder.executor;
    this.clock = builder.clock;
    this.interval = builder.interval;
    this.initialDelay = builder.initialDelay;
    this.sections = JsonValues.byName(builder.sections);
    this.validators = List.copyOf(builder.validators);
    this.listeners = List.copyOf(builder.listeners);
    this.device = builder.device;
    this.effective = merge();
  }

  /**
   * A builder.
   *
   * @param source where the policy comes from
   * @param versionStore where the applied version is recorded
   * @param executor runs the scheduled syncs; owned by the caller, never shut down here
   */
  public static Builder builder(
      PolicySource source, PolicyVersionStore versionStore, ScheduledExecutorService executor) {
    return new Builder(source, versionStore, executor);
  }

  /**
   * Schedules a sync after the initial delay (none by default) and then every interval, measured
   * from the end of one sync to the start of the next.
   *
   * @throws IllegalStateException when already started or closed
   */
  public void start() {
    lock.lock();
    try {
      if (closed || schedule != null) {
        throw new IllegalStateException(
            closed ? "This policy sync is closed: build a new one" : "This policy sync is already started");
      }
      schedule =
          executor.scheduleWithFixedDelay(
              this::scheduledSync, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fetches the policy now and applies it if it changed and is valid. Never throws for a failing
   * source, validator, store or listener: the result says what happened.
   *
   * @throws VirtualMachineError other than {@link StackOverflowError}, after it is recorded
   */
  public SyncResult syncNow() {
    lock.lock();
    try {
      return finish(fetchAndValidate());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the device's changed settings into use and tells the listeners if the effective settings
   * changed. A device that turns inheritance back on is synced at once.
   */
  public SyncResult updateDevice(DeviceSettings newDevice) {
    Objects.requireNonNull(newDevice, "newDevice");
    lock.lock();
    try {
      boolean inheritTurnedOn = newDevice.inheritPolicy() && !device.inheritPolicy();
      device = newDevice;
      if (inheritTurnedOn) {
        return finish(fetchAndValidate());
      }
      Outcome outcome = newDevice.inheritPolicy() ? Outcome.UNCHANGED : Outcome.NOT_INHERITING;
      return finish(
          new Attempt(outcome, policy.map(FetchedPolicy::version), List.of(), Optional.empty()));
    } finally {
      lock.unlock();
    }
  }

  /** The effective settings now. */
  public EffectiveSettings effectiveSettings() {
    return effective;
  }

  /** The policy in force (the last good one), empty before one was fetched. */
  public Optional<FetchedPolicy> policy() {
    lock.lock();
    try {
      return policy;
    } finally {
      lock.unlock();
    }
  }

  /** What the last sync did, empty before the first. */
  public Optional<SyncResult> lastResult() {
    return Optional.ofNullable(lastResult);
  }

  /** How long after one sync ends the next starts. */
  public Duration interval() {
    return interval;
  }

  /** Stops the scheduled syncs; a sync already running finishes. The executor is left running. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (schedule != null) {
        schedule.cancel(false);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "PolicySync[interval="
        + interval
        + ", policyVersion="
        + effective.policyVersion().orElse("none")
        + "]";
  }

  private void scheduledSync() {
    try {
      syncNow();
    } catch (Throwable e) {
      if (isFatal(e)) {
        LOG.error("Policy sync failed fatally; it is not scheduled again", e);
        throw (Error) e;
      }
      // A scheduled task that throws is never run again; the next run must still happen.
      LOG.error("Policy sync failed unexpectedly; it runs again in {}", interval, e);
    }
  }

  /** What fetching and validating found, before the effective settings are published. */
  private record Attempt(
      Outcome outcome,
      Optional<String> version,
      List<SettingsProblem> problems,
      Optional<String> failure,
      Optional<Error> fatal) {

    Attempt(
        Outcome outcome, Optional<String> version, List<SettingsProblem> problems, Optional<String> failure) {
      this(outcome, version, problems, failure, Optional.empty());
    }
  }

  private Attempt fetchAndValidate() {
    Optional<String> held = policy.map(FetchedPolicy::version);
    if (!device.inheritPolicy()) {
      return new Attempt(Outcome.NOT_INHERITING, held, List.of(), Optional.empty());
    }
    Optional<FetchedPolicy> fetched;
    try {
      fetched = Objects.requireNonNull(source.fetch(held), "the policy source returned null");
    } catch (Throwable e) {
      return failed(held, "the policy could not be fetched", e);
    }
    if (fetched.isEmpty() || fetched.map(FetchedPolicy::version).equals(held)) {
      return new Attempt(Outcome.UNCHANGED, held, List.of(), Optional.empty());
    }
    FetchedPolicy candidate = fetched.get();
    List<SettingsProblem> problems;
    try {
      problems = validate(candidate.policy());
    } catch (Throwable e) {
      return failed(Optional.of(candidate.version()), "the policy could not be validated", e);
    }
    if (!problems.isEmpty()) {
      return reject(candidate.version(), problems);
    }
    try {
      if (!versionStore.appliedVersion().equals(Optional.of(candidate.version()))) {
        versionStore.save(candidate.version(), clock.instant());
      }
    } catch (Throwable e) {
      return failed(Optional.of(candidate.version()), "the applied policy version could not be recorded", e);
    }
    policy = Optional.of(candidate);
    lastRejectedVersion = Optional.empty();
    LOG.info("Applied global policy version {}", printable(candidate.version()));
    return new Attempt(Outcome.APPLIED, Optional.of(candidate.version()), List.of(), Optional.empty());
  }

  private List<SettingsProblem> validate(GlobalPolicy candidate) {
    List<SettingsProblem> problems =
        new ArrayList<>(JsonValues.validateSections(candidate.sections(), sections, "policy.sections."));
    if (problems.isEmpty()) {
      // Validators may look records up in ConnectWise; they get only well-formed sections.
      for (PolicyValidator validator : validators) {
        problems.addAll(validator.validate(candidate));
      }
    }
    return problems;
  }

  private Attempt reject(String version, List<SettingsProblem> problems) {
    LOG.warn(
        "Refused global policy version {}; the last good policy stays in force: {}",
        printable(version),
        printable(problems.toString()));
    Optional<Error> fatal = Optional.empty();
    if (!lastRejectedVersion.equals(Optional.of(version))) {
      lastRejectedVersion = Optional.of(version);
      for (int i = 0; i < listeners.size() && fatal.isEmpty(); i++) {
        try {
          listeners.get(i).policyRejected(version, problems);
        } catch (Throwable e) {
          LOG.warn("A policy listener failed on a refused policy", e);
          fatal = fatal(e);
        }
      }
    }
    return new Attempt(Outcome.REJECTED, Optional.of(version), problems, Optional.empty(), fatal);
  }

  private static Attempt failed(Optional<String> version, String what, Throwable e) {
    String failure = what + ": " + printable(String.valueOf(e));
    // The stack trace only at debug level: its first line repeats the source's text unfiltered.
    LOG.warn("Policy sync: {}; the last good policy stays in force", failure);
    LOG.debug("Policy sync failure", e);
    return new Attempt(Outcome.FAILED, version, List.of(), Optional.of(failure), fatal(e));
  }

  /**
   * The throwable when it must not be swallowed: a {@link VirtualMachineError} other than a stack
   * overflow, which unwinds a single deep call and leaves the JVM sound.
   */
  private static Optional<Error> fatal(Throwable e) {
    return isFatal(e) ? Optional.of((Error) e) : Optional.empty();
  }

  private static boolean isFatal(Throwable e) {
    return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
  }

  private SyncResult finish(Attempt attempt) {
    EffectiveSettings merged = merge();
    Optional<Error> fatal = attempt.fatal();
    if (!merged.equals(effective)) {
      effective = merged;
      for (int i = 0; i < listeners.size() && fatal.isEmpty(); i++) {
        try {
          listeners.get(i).effectiveSettingsChanged(merged);
        } catch (Throwable e) {
          LOG.warn("A policy listener failed on changed effective settings", e);
          fatal = fatal(e);
        }
      }
    }
    SyncResult result =
        new SyncResult(
            attempt.outcome(),
            clock.instant(),
            attempt.version(),
            attempt.problems(),
            attempt.failure(),
            merged);
    lastResult = result;
    if (fatal.isPresent()) {
      // Recorded above; not swallowed.
      throw fatal.get();
    }
    return result;
  }

  private EffectiveSettings merge() {
    return EffectiveSettings.merge(policy, device, sections.values());
  }

  /** Text from a policy source, made safe for one log line. */
  private static String printable(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ");
  }

  /** Builds a {@link PolicySync}. */
  public static final class Builder {
    private final PolicySource source;
    private final PolicyVersionStore versionStore;
    private final ScheduledExecutorService executor;
    private Clock clock = Clock.systemUTC();
    private Duration interval = DEFAULT_INTERVAL;
    private Duration initialDelay = Duration.ZERO;
    private DeviceSettings device = DeviceSettings.builder().build();
    private final List<SettingsSection<?>> sections = new ArrayList<>();
    private final List<PolicyValidator> validators = new ArrayList<>();
    private final List<PolicyListener> listeners = new ArrayList<>();

    private Builder(
        PolicySource source, PolicyVersionStore versionStore, ScheduledExecutorService executor) {
      this.source = Objects.requireNonNull(source, "source");
      this.versionStore = Objects.requireNonNull(versionStore, "versionStore");
      this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The device's settings at start (default: inherits, sets nothing). */
    public Builder device(DeviceSettings device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /** Registers a section a policy may set: it validates the section and gives its default. */
    public Builder section(SettingsSection<?> section) {
      sections.add(Objects.requireNonNull(section, "section"));
      return this;
    }

    /** Adds a check a changed policy must pass, after every section passed its own. */
    public Builder validator(PolicyValidator validator) {
      validators.add(Objects.requireNonNull(validator, "validator"));
      return this;
    }

    /** Adds a listener for changed effective settings and refused policies. */
    public Builder listener(PolicyListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The clock that dates syncs and applied versions (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long after one sync ends the next starts (default 4 hours).
     *
     * @throws IllegalArgumentException when not at least one second
     */
    public Builder interval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "interval " + interval + " is too short: poll the policy at most once a second");
      }
      this.interval = interval;
      return this;
    }

    /**
     * How long after {@link PolicySync#start()} the first sync runs (default: at once).
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder initialDelay(Duration initialDelay) {
      Objects.requireNonNull(initialDelay, "initialDelay");
      if (initialDelay.isNegative()) {
        throw new IllegalArgumentException("initialDelay " + initialDelay + " must not be negative");
      }
      this.initialDelay = initialDelay;
      return this;
    }

    /**
     * The policy sync; nothing runs until {@link PolicySync#start()} or {@link
     * PolicySync#syncNow()}.
     *
     * @throws IllegalArgumentException when two sections share a name
     */
    public PolicySync build() {
      return new PolicySync(this);
    }
  }
}
