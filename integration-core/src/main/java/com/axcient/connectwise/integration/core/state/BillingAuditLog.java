package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.List;

/** The durable record of every agreement addition quantity written by billing. */
public interface BillingAuditLog {

  /** Adds an entry; it is durable when this returns. */
  void record(BillingAuditEntry entry);

  /** The entries for one addition on one site, oldest first. */
  List<BillingAuditEntry> forAddition(String site, long additionId);

  /** The entries made at or after {@code since}, oldest first. */
  List<BillingAuditEntry> since(Instant since);
}
