package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.integration.billing.BillingPlan.AdditionQuantity;
import java.util.Objects;

/**
 * A billing run that stopped because the audit log could not record a write (its database is
 * down, say). The write itself was sent first, so ConnectWise may hold a quantity the audit does
 * not: {@link #result()} lists what the run did up to there, that write included, and
 * {@link #unaudited()} names it. The additions after it were not sent. The audit log's failure is
 * the cause.
 *
 * <p>Restore the audit log and run again: the next run finds the quantity written and sends
 * nothing for it, so record the unaudited write by hand if the audit must be complete.
 */
public class BillingAuditException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient BillingResult result;
  private final transient AdditionQuantity unaudited;

  /**
   * An exception for a run stopped at {@code unaudited}.
   *
   * @param result what the run did until it stopped; {@code unaudited} is in its written or failed
   *     additions
   * @param unaudited the addition whose write the audit log could not record
   * @param cause what the audit log threw
   */
  public BillingAuditException(
      BillingResult result, AdditionQuantity unaudited, RuntimeException cause) {
    super(message(result, unaudited), Objects.requireNonNull(cause, "cause"));
    this.result = result;
    this.unaudited = unaudited;
  }

  /** What the run did until it stopped, the unaudited write included. */
  public BillingResult result() {
    return result;
  }

  /** The addition whose write was sent to ConnectWise but is not in the audit. */
  public AdditionQuantity unaudited() {
    return unaudited;
  }

  private static String message(BillingResult result, AdditionQuantity unaudited) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(unaudited, "unaudited");
    boolean written = result.written().contains(unaudited);
    return "The billing audit could not record the write of addition " + unaudited.additionId()
        + " on agreement " + unaudited.agreementId() + " ("
        + (written ? "written to ConnectWise" : "failed in ConnectWise")
        + "); the run stopped there: " + result.summary()
        + ". Restore the audit log and run again";
  }
}
