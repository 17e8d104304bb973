package com.axcient.connectwise.integration.core.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a job, or a run that was skipped.
 *
 * @param job the job's name
 * @param startedAt when the run started (or was skipped), from the runtime's clock
 * @param finishedAt when it ended
 * @param outcome how it ended
 * @param result what the job reported, when it succeeded
 * @param failure the exception's type and message, when it failed
 */
public record JobRun(
    String job,
    Instant startedAt,
    Instant finishedAt,
    Outcome outcome,
    Optional<JobResult> result,
    Optional<String> failure) {

  /** How a run ended. */
  public enum Outcome {
    /** The job returned normally. */
    SUCCEEDED,
    /** The job threw an exception; the schedule continues. */
    FAILED,
    /** The job was not run: it was already running, or the runtime is closed. */
    SKIPPED
  }

  /** Checks that every part is present. */
  public JobRun {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(failure, "failure");
  }
}
