package com.axcient.connectwise.testkit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The scripted faults, in the order they were added. A request takes the first entry whose
 * method and path match and that has uses left; each use counts down atomically, so {@code
 * times(1)} fails exactly one request even when several arrive at once.
 */
public final class FaultTable {

  /** What a fault does to the request it takes. */
  public enum Action {
    /** Answer with a status (and body) instead of, or after, handling the request. */
    RESPOND,
    /** Close the connection without any response, before or after handling the request. */
    DROP,
    /** Handle the request, then close the connection half way through the response body. */
    CUT_BODY,
    /** Handle the request, then wait before sending the response headers. */
    LATENCY,
    /** Handle the request, then send the response body slowly. */
    THROTTLE,
    /** Handle the request, then never answer. */
    STALL
  }

  /** One scripted fault; its settings may be refined right after it is added. */
  public static final class Entry {
    private final String method;
    private final String pathPattern;
    private final Pattern path;
    private final Action action;
    private final AtomicInteger remaining;
    private volatile int status;
    private volatile long retryAfterSeconds = -1;
    private volatile boolean afterWrite;
    private volatile String contentType;
    private volatile String body;
    private volatile Duration delay = Duration.ZERO;
    private volatile long throttleBytes;
    private volatile Duration throttlePeriod = Duration.ZERO;

    Entry(String method, String pathPattern, Action action, int times) {
      this.method = method.toUpperCase(Locale.ROOT);
      this.pathPattern = pathPattern;
      this.path = compile(pathPattern);
      this.action = action;
      this.remaining = new AtomicInteger(times);
    }

    private static Pattern compile(String pattern) {
      StringBuilder regex = new StringBuilder();
      String[] parts = pattern.split("/", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append('/');
        }
        if (parts[i].equals("**")) {
          regex.append(".*");
        } else if (parts[i].equals("*")) {
          regex.append("[^/]+");
        } else {
          regex.append(Pattern.quote(parts[i]));
        }
      }
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    boolean matches(String requestMethod, String requestPath) {
      return (method.equals("*") || method.equalsIgnoreCase(requestMethod))
          && path.matcher(requestPath).matches();
    }

    boolean claim() {
      return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
    }

    /** The method it applies to, or {@code *}. */
    public String method() {
      return method;
    }

    /** The path pattern it applies to. */
    public String pathPattern() {
      return pathPattern;
    }

    /** What it does. */
    public Action action() {
      return action;
    }

    /** How many more requests it will take. */
    public int remaining() {
      return remaining.get();
    }

    /** Stops it taking any more requests. */
    public void cancel() {
      remaining.set(0);
    }

    /** The status of a {@link Action#RESPOND} fault. */
    public int status() {
      return status;
    }

    /** Sets the status. */
    public void status(int value) {
      this.status = value;
    }

    /** The {@code Retry-After} seconds to send, or -1 for none. */
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    /** Sets the {@code Retry-After} seconds. */
    public void retryAfterSeconds(long seconds) {
      this.retryAfterSeconds = seconds;
    }

    /** True when the request is handled (a write applied) before the fault acts. */
    public boolean afterWrite() {
      return afterWrite || action == Action.CUT_BODY || action == Action.LATENCY
          || action == Action.THROTTLE || action == Action.STALL;
    }

    /** Makes the fault act after the request was handled. */
    public void afterWrite(boolean value) {
      this.afterWrite = value;
    }

    /** The body to answer with, or null for ConnectWise's usual body for the status. */
    public Optional<String> body() {
      return Optional.ofNullable(body);
    }

    /** The content type of {@link #body()}. */
    public String contentType() {
      return contentType;
    }

    /** Sets the body and its content type. */
    public void body(String type, String text) {
      this.contentType = type;
      this.body = text;
    }

    /** The delay of a {@link Action#LATENCY} fault. */
    public Duration delay() {
      return delay;
    }

    /** Sets the delay. */
    public void delay(Duration value) {
      this.delay = value;
    }

    /** Bytes sent per period by a {@link Action#THROTTLE} fault. */
    public long throttleBytes() {
      return throttleBytes;
    }

    /** The period of a {@link Action#THROTTLE} fault. */
    public Duration throttlePeriod() {
      return throttlePeriod;
    }

    /** Sets the throttle rate. */
    public void throttle(long bytes, Duration period) {
      this.throttleBytes = bytes;
      this.throttlePeriod = period;
    }

    /** How the journal names this fault. */
    public String describe() {
      String what = action == Action.RESPOND ? "respond " + status : action.name().toLowerCase(Locale.ROOT);
      return what + (afterWrite() ? " after write" : "") + " on " + method + " " + pathPattern;
    }
  }

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Adds a fault for the next {@code times} requests matching the method and path pattern. */
  public Entry add(String method, String pathPattern, Action action, int times) {
    Entry entry = new Entry(method, pathPattern, action, times);
    entries.add(entry);
    return entry;
  }

  /** Takes one use of the first matching fault, if any. */
  public Optional<Entry> claim(String method, String path) {
    for (Entry entry : entries) {
      if (entry.matches(method, path) && entry.claim()) {
        if (entry.remaining() == 0) {
          entries.remove(entry);
        }
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** The faults that still have uses left. */
  public List<Entry> active() {
    entries.removeIf(e -> e.remaining() == 0);
    return List.copyOf(entries);
  }

  /** Removes every fault. */
  public void clear() {
    entries.forEach(Entry::cancel);
    entries.clear();
  }
}
