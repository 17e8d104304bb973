package com.axcient.connectwise.integration.core.diagnostics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link ConnectionTest}: its steps in the order they ran. A step that could not
 * run because an earlier one failed is {@link Status#SKIPPED}.
 *
 * @param steps every step, in order
 */
public record ConnectionReport(List<Step> steps) {

  /** Copies the steps. */
  public ConnectionReport {
    steps = List.copyOf(steps);
  }

  /** Whether no step failed: the product can reach ConnectWise and use the enabled features. */
  public boolean passed() {
    return steps.stream().noneMatch(step -> step.status() == Status.FAILED);
  }

  /** The first step that failed, the one to fix first; empty when the test passed. */
  public Optional<Step> firstFailure() {
    return steps.stream().filter(step -> step.status() == Status.FAILED).findFirst();
  }

  /** Every step of this kind, in order (several for {@link Check#PERMISSION}). */
  public List<Step> steps(Check check) {
    return steps.stream().filter(step -> step.check() == check).toList();
  }

  /** What a step checks. */
  public enum Check {
    /** The site answers, and answers as ConnectWise. */
    SITE,
    /** ConnectWise knows the company ID, and which codebase serves it. */
    COMPANY,
    /** ConnectWise accepts the company ID with the API member's public and private keys. */
    CREDENTIALS,
    /** ConnectWise accepts the product's client ID. */
    CLIENT_ID,
    /** The API member's security role allows what an enabled feature needs. */
    PERMISSION,
    /** Which ConnectWise version the site runs. */
    SERVER_VERSION
  }

  /** How a step went. */
  public enum Status {
    /** The step found nothing wrong. */
    PASSED,
    /** The step found a problem; its fix says what to do. */
    FAILED,
    /** The step could not run, usually because an earlier step failed. */
    SKIPPED
  }

  /**
   * One step of the test.
   *
   * @param check what the step checks
   * @param name the step's title, such as {@code Read service tickets}
   * @param status how it went
   * @param detail what was found, in the user's words
   * @param fix what to do about it; present when the step failed, and when a passed step comes
   *     with advice
   */
  public record Step(Check check, String name, Status status, String detail, Optional<String> fix) {

    /** Checks that every part is present. */
    public Step {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(fix, "fix");
    }

    /** For example {@code Credentials: FAILED - ... Fix: ...}. */
    @Override
    public String toString() {
      return name + ": " + status + " - " + detail + fix.map(f -> " Fix: " + f).orElse("");
    }
  }
}
