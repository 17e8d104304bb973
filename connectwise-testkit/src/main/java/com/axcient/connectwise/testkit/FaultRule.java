package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.FaultTable;
import com.axcient.connectwise.testkit.internal.FaultTable.Action;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault being scripted: which requests it takes ({@link #times(int)}) and what it does to them.
 * Each action method adds the fault and returns it; nothing happens until an action is chosen.
 */
public final class FaultRule {

  private final FaultTable table;
  private final String method;
  private final String pathPattern;
  private int times = 1;

  FaultRule(FaultTable table, String method, String pathPattern) {
    this.table = table;
    this.method = Objects.requireNonNull(method, "method");
    this.pathPattern = Objects.requireNonNull(pathPattern, "pathPattern");
  }

  /**
   * Applies the fault to the next {@code count} matching requests (1 unless set).
   *
   * @param count how many requests; at least 1
   * @return this rule
   */
  public FaultRule times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    this.times = count;
    return this;
  }

  /**
   * Applies the fault to every matching request until it is cancelled or the faults are cleared.
   *
   * @return this rule
   */
  public FaultRule always() {
    this.times = Integer.MAX_VALUE;
    return this;
  }

  /**
   * Answers with this status and ConnectWise's usual body for it, without handling the request
   * (nothing is written). Call {@link Fault#afterWrite()} on the result to handle it first.
   *
   * @param status an HTTP status such as 500 or 503
   * @return the fault
   */
  public Fault respondStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    FaultTable.Entry entry = add(Action.RESPOND);
    entry.status(status);
    return new Fault(entry);
  }

  /**
   * Answers 429 Too Many Requests with {@code Retry-After} in whole seconds (rounded up); the
   * request is not handled.
   *
   * @param retryAfter the wait to announce
   * @return the fault
   */
  public Fault rateLimited(Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return respondStatus(429).retryAfter(seconds);
  }

  /**
   * Closes the connection without answering and without handling the request.
   *
   * @return the fault
   */
  public Fault dropConnection() {
    return new Fault(add(Action.DROP));
  }

  /**
   * Handles the request (a create creates, a patch is applied), then closes the connection before
   * any response byte is sent: the client cannot know whether its write happened.
   *
   * @return the fault
   */
  public Fault dropConnectionAfterWrite() {
    return dropConnection().afterWrite();
  }

  /**
   * Handles the request, then closes the connection half way through the response body.
   *
   * @return the fault
   */
  public Fault cutResponseBody() {
    return new Fault(add(Action.CUT_BODY));
  }

  /**
   * Handles the request, then waits this long before sending the response.
   *
   * @param delay the added latency
   * @return the fault
   */
  public Fault latency(Duration delay) {
    FaultTable.Entry entry = add(Action.LATENCY);
    entry.delay(delay);
    return new Fault(entry);
  }

  /**
   * Handles the request, then sends the response body at {@code bytes} per {@code period}.
   *
   * @param bytes bytes per period; at least 1
   * @param period the period
   * @return the fault
   */
  public Fault throttleBody(long bytes, Duration period) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be at least 1");
    }
    FaultTable.Entry entry = add(Action.THROTTLE);
    entry.throttle(bytes, period);
    return new Fault(entry);
  }

  /**
   * Handles the request, then never answers: the connection stays open and silent until the
   * client gives up or the simulator closes.
   *
   * @return the fault
   */
  public Fault stall() {
    return new Fault(add(Action.STALL));
  }

  private FaultTable.Entry add(Action action) {
    return table.add(method, pathPattern, action, times);
  }
}
