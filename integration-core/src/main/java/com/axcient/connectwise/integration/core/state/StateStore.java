package com.axcient.connectwise.integration.core.state;

/**
 * The integration's durable state: one object per database, shared by every module and job of an
 * instance. Thread-safe. Closing it releases its connections; it does not delete any data.
 *
 * <pre>{@code
 * try (StateStore state = JdbcStateStore.h2File(Path.of("/var/lib/backup/connectwise"))) {
 *   long id = state.outbox().enqueue("acme", "alert-17", "alert-raised", "{...}");
 * }
 * }</pre>
 */
public interface StateStore extends AutoCloseable {

  /** The links between product alerts and ConnectWise tickets. */
  TicketLinks ticketLinks();

  /** The durable queue of work waiting to be sent to ConnectWise. */
  Outbox outbox();

  /** The record of every agreement addition quantity written by billing. */
  BillingAuditLog billingAudit();

  /** The versions of global policies applied to this instance. */
  PolicyVersions policyVersions();

  /** The ConnectWise sites whose work is paused, such as after their credentials were refused. */
  SitePauses sitePauses();

  /** Small named values that must survive a restart, such as a poller's watermark. */
  Checkpoints checkpoints();

  /** Releases the store's connections; operations called afterwards fail. */
  @Override
  void close();
}
