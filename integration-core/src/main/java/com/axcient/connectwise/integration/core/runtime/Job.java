package com.axcient.connectwise.integration.core.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * A unit of scheduled work registered with an {@link IntegrationRuntime}.
 *
 * <p>A job runs every {@code interval} (measured from the end of one run to the start of the
 * next, so runs never pile up), first after {@code initialDelay}; a job without an interval runs
 * only when {@linkplain IntegrationRuntime#runNow run by hand}.
 *
 * @param name the job's name: 1 to 40 lower-case letters, digits and {@code -}, starting with a
 *     letter, such as {@code outbox-worker}; it names the job's thread, so it never holds a secret
 * @param initialDelay how long after {@link IntegrationRuntime#start()} the first run starts
 * @param interval the pause between the end of a run and the start of the next, at least 1
 *     millisecond; empty for a job that only runs by hand
 * @param task the work; its result or exception is recorded as the run's outcome
 */
public record Job(
    String name, Duration initialDelay, Optional<Duration> interval, Callable<JobResult> task) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  private static final Duration MIN_INTERVAL = Duration.ofMillis(1);

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when the name does not fit its pattern, the initial delay is
   *     negative or the interval is shorter than 1 millisecond (the runtime schedules in
   *     milliseconds)
   */
  public Job {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(task, "task");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "job name must be 1 to 40 lower-case letters, digits or '-', starting with a letter,"
              + " such as 'outbox-worker'");
    }
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay of job " + name + " must not be negative");
    }
    if (interval.isPresent() && interval.get().compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "interval of job " + name + " must be at least 1 millisecond, was " + interval.get());
    }
  }

  /**
   * A job that runs every {@code interval}, first one interval after start.
   *
   * @param name the job's name, such as {@code outbox-worker}
   * @param interval the pause between runs
   * @param task the work
   * @return the job
   */
  public static Job every(String name, Duration interval, Callable<JobResult> task) {
    return new Job(name, interval, Optional.of(interval), task);
  }

  /**
   * A job that runs every {@code interval} and reports nothing but success or failure.
   *
   * @param name the job's name
   * @param interval the pause between runs
   * @param task the work
   * @return the job
   */
  public static Job every(String name, Duration interval, Runnable task) {
    Objects.requireNonNull(task, "task");
    return every(
        name,
        interval,
        () -> {
          task.run();
          return JobResult.none();
        });
  }

  /**
   * A job that runs only when run by hand, such as an on-demand billing run.
   *
   * @param name the job's name
   * @param task the work
   * @return the job
   */
  public static Job manual(String name, Callable<JobResult> task) {
    return new Job(name, Duration.ZERO, Optional.empty(), task);
  }

  /**
   * This job, first run {@code initialDelay} after start.
   *
   * @param initialDelay the delay, zero to run at start
   * @return a copy with that delay
   */
  public Job withInitialDelay(Duration initialDelay) {
    return new Job(name, initialDelay, interval, task);
  }
}
