package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.BillingAuditLog;
import java.time.Instant;
import java.util.List;

/** A billing audit that refuses every entry, as one whose database is down; for tests. */
final class FailingBillingAuditLog implements BillingAuditLog {

  private final String reason;

  FailingBillingAuditLog(String reason) {
    this.reason = reason;
  }

  @Override
  public void record(BillingAuditEntry entry) {
    throw new IllegalStateException(reason);
  }

  @Override
  public List<BillingAuditEntry> forAddition(String site, long additionId) {
    return List.of();
  }

  @Override
  public List<BillingAuditEntry> since(Instant since) {
    return List.of();
  }
}
