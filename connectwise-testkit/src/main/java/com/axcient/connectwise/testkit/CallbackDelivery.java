package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.DeliveryRecord;
import java.time.Instant;
import java.util.Optional;

/** One callback POST the simulator made to a registered URL, and how the receiver answered. */
public final class CallbackDelivery {

  private final DeliveryRecord record;

  CallbackDelivery(DeliveryRecord record) {
    this.record = record;
  }

  /**
   * When it was sent, by the simulator's clock.
   *
   * @return the instant
   */
  public Instant time() {
    return record.time();
  }

  /**
   * The id of the registration at {@code /system/callbacks} that caused it.
   *
   * @return the callback id
   */
  public long callbackId() {
    return record.callbackId();
  }

  /**
   * The URL it was posted to.
   *
   * @return the URL
   */
  public String url() {
    return record.url();
  }

  /**
   * The payload's {@code Type}.
   *
   * @return {@code ticket}, {@code company} or {@code agreement}
   */
  public String type() {
    return record.type();
  }

  /**
   * The payload's {@code Action}.
   *
   * @return {@code added}, {@code updated} or {@code deleted}
   */
  public String action() {
    return record.action();
  }

  /**
   * The payload's {@code ID}: the changed record's id.
   *
   * @return the record id
   */
  public long recordId() {
    return record.recordId();
  }

  /**
   * The payload's {@code MemberId}: who made the change.
   *
   * @return a member identifier
   */
  public String memberIdentifier() {
    return record.memberIdentifier();
  }

  /**
   * The exact body posted.
   *
   * @return the JSON body
   */
  public String body() {
    return record.body();
  }

  /**
   * The {@code x-content-signature} header posted.
   *
   * @return the signature
   */
  public String signature() {
    return record.signature();
  }

  /**
   * The receiver's HTTP status.
   *
   * @return the status, or 0 when the POST failed
   */
  public int status() {
    return record.status();
  }

  /**
   * Why the POST failed.
   *
   * @return the failure, if any
   */
  public Optional<String> error() {
    return Optional.ofNullable(record.error());
  }

  @Override
  public String toString() {
    return "CallbackDelivery[" + type() + " " + action() + " " + recordId() + " -> " + url() + " "
        + (status() == 0 ? error().orElse("") : status()) + "]";
  }
}
