package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An item to add to the {@link Outbox}.
 *
 * @param site the ConnectWise site the work is for
 * @param partitionKey the key whose items are processed in order, such as the alert ID
 * @param kind what the work is, such as {@code alert-raised}
 * @param payloadJson the work's details as JSON; never a secret
 * @param notBefore when the item may first be claimed (such as after a flap-suppression delay);
 *     empty for at once
 */
public record NewOutboxItem(
    String site, String partitionKey, String kind, String payloadJson, Optional<Instant> notBefore) {

  /** Checks that every part is present; lengths are checked when the item is enqueued. */
  public NewOutboxItem {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(notBefore, "notBefore");
  }

  /**
   * An item claimable at once.
   *
   * @param site the ConnectWise site the work is for
   * @param partitionKey the key whose items are processed in order
   * @param kind what the work is
   * @param payloadJson the work's details as JSON
   * @return the item
   */
  public static NewOutboxItem of(String site, String partitionKey, String kind, String payloadJson) {
    return new NewOutboxItem(site, partitionKey, kind, payloadJson, Optional.empty());
  }

  /**
   * This item, first claimable at {@code notBefore}.
   *
   * @param notBefore when it may first be claimed
   * @return a copy with that time
   */
  public NewOutboxItem notBefore(Instant notBefore) {
    return new NewOutboxItem(site, partitionKey, kind, payloadJson, Optional.of(notBefore));
  }
}
