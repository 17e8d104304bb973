package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.CallbackDispatcher;
import com.axcient.connectwise.testkit.internal.DeliveryRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The simulator's outgoing callbacks. When a ticket, company or agreement changes, each active
 * registration at {@code /system/callbacks} whose type and level match gets a signed POST:
 * header {@code x-content-signature} = base64(HMAC-SHA256(SHA-256(signing key), raw body)),
 * with {@code Metadata.key_url} pointing at the simulator URL that serves {@code
 * {"signing_key": "..."}}. Levels: {@code owner} (every record of the type), {@code board},
 * {@code status}, {@code priority}, {@code type}, {@code company}, or the type itself ({@code
 * ticket}, {@code company}, {@code agreement}) for one record, with {@code objectId} naming the
 * board, status, company or record. A write with {@code skipCallback: true}, and with {@code
 * isSelfSuppressedFlag} a registration's own member's writes, announce nothing.
 */
public final class Callbacks {

  private final CallbackDispatcher dispatcher;
  private final int capacity;
  private final Deque<CallbackDelivery> deliveries = new ArrayDeque<>();
  private long made;

  Callbacks(CallbackDispatcher dispatcher, int capacity) {
    this.dispatcher = dispatcher;
    this.capacity = capacity;
  }

  synchronized void record(DeliveryRecord record) {
    deliveries.addLast(new CallbackDelivery(record));
    made++;
    while (deliveries.size() > capacity) {
      deliveries.removeFirst();
    }
    notifyAll();
  }

  /**
   * The deliveries made since the last {@link #clear()}, oldest first; like the journal, only the
   * most recent ones up to the journal's capacity are kept.
   *
   * @return a snapshot
   */
  public synchronized List<CallbackDelivery> deliveries() {
    return new ArrayList<>(deliveries);
  }

  /**
   * Waits until at least {@code count} deliveries have been made since the last {@link #clear()}
   * (delivery runs on a background thread).
   *
   * @param count how many deliveries to wait for, in total
   * @param timeout how long to wait at most
   * @return the deliveries kept so far
   * @throws IllegalStateException when fewer were made within the timeout
   */
  public synchronized List<CallbackDelivery> awaitDeliveries(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (made < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            "Expected " + count + " callback deliveries but saw " + deliveries.size() + ": " + deliveries);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for callback deliveries", e);
      }
    }
    return new ArrayList<>(deliveries);
  }

  /** Forgets the deliveries made so far. */
  public synchronized void clear() {
    deliveries.clear();
    made = 0;
  }

  /**
   * The key payloads are signed with now.
   *
   * @return the signing key, as the key URL serves it
   */
  public String signingKey() {
    return dispatcher.signingKey();
  }

  /**
   * The {@code Metadata.key_url} payloads carry now.
   *
   * @return an absolute URL on the simulator
   */
  public String keyUrl() {
    return dispatcher.keyUrl();
  }

  /**
   * Starts signing with a new key at a new key URL; earlier key URLs keep answering.
   */
  public void rotateSigningKey() {
    dispatcher.rotateKey();
  }

  /**
   * Computes the signature ConnectWise puts on a body, for receivers' tests.
   *
   * @param signingKey the signing key as served at the key URL
   * @param body the raw body
   * @return the {@code x-content-signature} value
   */
  public static String signature(String signingKey, String body) {
    return CallbackDispatcher.sign(signingKey, body);
  }
}
