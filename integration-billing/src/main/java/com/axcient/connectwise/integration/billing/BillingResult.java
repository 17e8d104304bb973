package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.integration.billing.BillingPlan.AdditionQuantity;
import java.util.List;
import java.util.Objects;

/**
 * What applying a {@link BillingPlan} did: which additions were written, which were already
 * right, and which failed and why. A failure leaves the other additions correct; run again to
 * retry the failed ones (the quantity is written absolutely, so a repeat is harmless).
 *
 * @param plan the plan that was applied
 * @param written the additions whose quantity was written
 * @param unchanged the additions whose quantity was already right (nothing sent)
 * @param failed the additions whose write failed
 */
public record BillingResult(
    BillingPlan plan,
    List<AdditionQuantity> written,
    List<AdditionQuantity> unchanged,
    List<FailedWrite> failed) {

  /** Checks that the plan is present and copies the lists. */
  public BillingResult {
    Objects.requireNonNull(plan, "plan");
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    failed = List.copyOf(failed);
  }

  /**
   * A one-line summary for logs and status pages, such as {@code "2 written, 5 unchanged, 1
   * failed"}; it names no customer data.
   */
  public String summary() {
    return written.size() + " written, " + unchanged.size() + " unchanged, " + failed.size()
        + " failed";
  }

  /** Whether every addition now has its planned quantity. */
  public boolean succeeded() {
    return failed.isEmpty();
  }

  /**
   * An addition whose write failed.
   *
   * @param addition the addition and the quantity that was to be written
   * @param reason why it failed, free of credentials and line breaks, such as {@code
   *     ServerException: ConnectWise failed (PATCH /finance/agreements/10/additions/500 -> 503)}
   */
  public record FailedWrite(AdditionQuantity addition, String reason) {

    /** Checks that both parts are present. */
    public FailedWrite {
      Objects.requireNonNull(addition, "addition");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
