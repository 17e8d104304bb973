package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.BillingAuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A billing audit kept in memory, for tests. */
final class InMemoryBillingAuditLog implements BillingAuditLog {

  private final List<BillingAuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized void record(BillingAuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized List<BillingAuditEntry> forAddition(String site, long additionId) {
    return entries.stream()
        .filter(e -> e.site().equals(site) && e.additionId() == additionId)
        .collect(Collectors.toList());
  }

  @Override
  public synchronized List<BillingAuditEntry> since(Instant since) {
    return entries.stream().filter(e -> !e.at().isBefore(since)).collect(Collectors.toList());
  }

  synchronized List<BillingAuditEntry> all() {
    return new ArrayList<>(entries);
  }
}
