package com.axcient.connectwise.integration.core.runtime;

import java.util.Objects;

/**
 * What a job run achieved, for status pages and logs.
 *
 * @param summary a short line such as {@code "3 items sent, 1 retried"}; free of secrets and
 *     customer data, may be empty
 */
public record JobResult(String summary) {

  /** Checks that the summary is present. */
  public JobResult {
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * A result with a summary.
   *
   * @param summary a short line, free of secrets
   * @return the result
   */
  public static JobResult of(String summary) {
    return new JobResult(summary);
  }

  /**
   * A result with nothing to report.
   *
   * @return the result with an empty summary
   */
  public static JobResult none() {
    return new JobResult("");
  }
}
