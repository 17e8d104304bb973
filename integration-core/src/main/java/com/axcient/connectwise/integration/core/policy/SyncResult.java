package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one policy sync did.
 *
 * @param outcome what happened
 * @param at when the sync ran, by the sync's clock
 * @param version the version of the policy fetched, when one was
 * @param problems why a changed policy was refused; empty unless {@link Outcome#REJECTED}
 * @param failure why the sync could not finish; present only for {@link Outcome#FAILED}
 * @param effective the effective settings after the sync
 */
public record SyncResult(
    Outcome outcome,
    Instant at,
    Optional<String> version,
    List<SettingsProblem> problems,
    Optional<String> failure,
    EffectiveSettings effective) {

  /** What a sync did. */
  public enum Outcome {
    /** A policy version new to this device was validated and applied. */
    APPLIED,
    /** The policy has the version already applied; nothing changed. */
    UNCHANGED,
    /** The changed policy failed validation; the last good policy stays in force. */
    REJECTED,
    /** The policy could not be fetched, checked or recorded; the last good one stays in force. */
    FAILED,
    /** The device does not inherit the policy, so it was not fetched. */
    NOT_INHERITING
  }

  /** Checks every part and copies the problems. */
  public SyncResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(version, "version");
    problems = List.copyOf(problems);
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(effective, "effective");
  }

  /** One line for a status page or a job log, such as {@code "applied policy version 7"}. */
  public String summary() {
    String policy = version.map(v -> "policy version " + v).orElse("policy");
    switch (outcome) {
      case APPLIED:
        return "applied " + policy;
      case UNCHANGED:
        return policy + " unchanged";
      case REJECTED:
        return "refused "
            + policy
            + ": "
            + problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; "));
      case FAILED:
        return "policy sync failed: " + failure.orElse("unknown reason");
      default:
        return "device does not inherit the policy";
    }
  }
}
