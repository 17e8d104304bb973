package com.axcient.connectwise.integration.core.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's state, for a status page.
 *
 * @param name the job's name
 * @param interval the pause between scheduled runs; empty for a job run only by hand
 * @param running whether a run is in progress
 * @param runs how many runs finished (succeeded or failed)
 * @param failures how many of them failed
 * @param lastRun the last finished run
 * @param lastFailure the last failed run
 */
public record JobStatus(
    String name,
    Optional<Duration> interval,
    boolean running,
    long runs,
    long failures,
    Optional<JobRun> lastRun,
    Optional<JobRun> lastFailure) {

  /** Checks that every part is present. */
  public JobStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(lastRun, "lastRun");
    Objects.requireNonNull(lastFailure, "lastFailure");
  }
}
