package com.axcient.connectwise.integration.core.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One write of an agreement addition's quantity, as the billing audit keeps it.
 *
 * @param at when the write was made
 * @param site the ConnectWise site the addition is on
 * @param agreementId the agreement the addition belongs to
 * @param additionId the agreement addition written
 * @param oldQuantity the quantity before the write
 * @param newQuantity the quantity written
 * @param runId the billing run that made the write
 * @param sourceReport what the quantity was computed from, such as the storage reports' ids
 * @param outcome whether the write succeeded
 * @param failure why it failed, when it did (already free of secrets)
 */
public record BillingAuditEntry(
    Instant at,
    String site,
    long agreementId,
    long additionId,
    BigDecimal oldQuantity,
    BigDecimal newQuantity,
    String runId,
    String sourceReport,
    Outcome outcome,
    Optional<String> failure) {

  /** Whether the write reached ConnectWise. */
  public enum Outcome {
    /** ConnectWise stored the new quantity. */
    WRITTEN,
    /** The write failed; the quantity is unchanged or unknown. */
    FAILED
  }

  /** Checks that every part is present. */
  public BillingAuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(oldQuantity, "oldQuantity");
    Objects.requireNonNull(newQuantity, "newQuantity");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(sourceReport, "sourceReport");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
  }
}
