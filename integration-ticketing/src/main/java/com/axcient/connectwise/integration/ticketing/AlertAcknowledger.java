package com.axcient.connectwise.integration.ticketing;

/**
 * The product's side of the other direction: a ticket closed in ConnectWise acknowledges its
 * alert in the product. Implemented by the embedding product.
 *
 * <p>Called once per closed incident. The engine records the acknowledgement before calling, so
 * several instances never call it twice for one ticket; if the call throws, the record is undone
 * and the next poll calls again. A process that stops during the call may call it again after a
 * restart, so make it idempotent (acknowledging an acknowledged alert does nothing).
 */
@FunctionalInterface
public interface AlertAcknowledger {

  /**
   * Acknowledges an alert whose ticket was closed in ConnectWise.
   *
   * @param alertId the product's alert ID
   * @param ticket the closed ticket
   */
  void acknowledge(String alertId, ClosedTicket ticket);
}
