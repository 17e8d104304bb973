package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.RequestRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every request the simulator received, oldest first, for assertions. It keeps the most recent
 * calls up to its capacity (10,000 unless the builder says otherwise), so a long-running
 * standalone server does not grow without bound.
 */
public final class Journal {

  private final int capacity;
  private final Deque<RecordedCall> calls = new ArrayDeque<>();

  Journal(int capacity) {
    this.capacity = capacity;
  }

  synchronized void record(RequestRecord r) {
    calls.addLast(new RecordedCall(r.time(), r.method(), r.path(), r.apiPath(), r.query(),
        r.headers(), r.body(), r.status(), r.handled(), r.fault()));
    while (calls.size() > capacity) {
      calls.removeFirst();
    }
  }

  /**
   * All recorded calls, oldest first.
   *
   * @return a snapshot
   */
  public synchronized List<RecordedCall> calls() {
    return new ArrayList<>(calls);
  }

  /**
   * The recorded calls with this method and API path (exact, without the query string).
   *
   * @param method an HTTP method, any case
   * @param apiPath a path relative to the API base, e.g. {@code /service/tickets}
   * @return a snapshot, oldest first
   */
  public synchronized List<RecordedCall> calls(String method, String apiPath) {
    return calls.stream()
        .filter(c -> c.method().equalsIgnoreCase(method) && c.apiPath().equals(apiPath))
        .collect(Collectors.toList());
  }

  /**
   * How many calls with this method and API path were recorded.
   *
   * @param method an HTTP method, any case
   * @param apiPath a path relative to the API base
   * @return the count
   */
  public int count(String method, String apiPath) {
    return calls(method, apiPath).size();
  }

  /**
   * The most recent call.
   *
   * @return the last call
   * @throws IllegalStateException when nothing was recorded
   */
  public synchronized RecordedCall last() {
    if (calls.isEmpty()) {
      throw new IllegalStateException("The journal is empty");
    }
    return calls.getLast();
  }

  /**
   * How many calls are recorded.
   *
   * @return the size
   */
  public synchronized int size() {
    return calls.size();
  }

  /** Forgets every recorded call. */
  public synchronized void clear() {
    calls.clear();
  }
}
