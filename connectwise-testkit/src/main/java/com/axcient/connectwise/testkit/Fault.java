package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.FaultTable;

/**
 * A scripted fault. Its refinements ({@link #retryAfter(long)}, {@link #afterWrite()}, {@link
 * #body(String, String)}) are meant to be chained right where it is scripted, before the
 * requests it targets are sent.
 */
public final class Fault {

  private final FaultTable.Entry entry;

  Fault(FaultTable.Entry entry) {
    this.entry = entry;
  }

  /**
   * Adds a {@code Retry-After} header with this many seconds.
   *
   * @param seconds the seconds to announce; 0 is allowed
   * @return this fault
   */
  public Fault retryAfter(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds must not be negative");
    }
    entry.retryAfterSeconds(seconds);
    return this;
  }

  /**
   * Handles the request first (so a create is stored) and only then fails it: a 500 after the
   * ticket was created, or a connection dropped after the write.
   *
   * @return this fault
   */
  public Fault afterWrite() {
    entry.afterWrite(true);
    return this;
  }

  /**
   * Answers with this body instead of ConnectWise's usual one, e.g. an HTML page or a 201 whose
   * body is not JSON.
   *
   * @param contentType the {@code Content-Type} to send
   * @param body the body
   * @return this fault
   */
  public Fault body(String contentType, String body) {
    entry.body(contentType, body);
    return this;
  }

  /**
   * How many more requests this fault will take.
   *
   * @return the remaining uses; 0 once spent or cancelled
   */
  public int remaining() {
    return entry.remaining();
  }

  /** Stops this fault taking any more requests. */
  public void cancel() {
    entry.cancel();
  }

  @Override
  public String toString() {
    return "Fault[" + entry.describe() + ", remaining " + entry.remaining() + "]";
  }
}
