package com.axcient.connectwise.integration.core.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time: tasks run on the test's thread when {@link #advance} moves its
 * clock past their due time. Nothing sleeps.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

  private final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final List<Task> tasks = new ArrayList<>();
  private boolean shutdown;

  Clock clock() {
    return clock;
  }

  /** The scheduled tasks not yet cancelled or finished. */
  synchronized List<Task> pending() {
    return tasks.stream().filter(t -> !t.isDone()).toList();
  }

  /** Moves the clock forward, running every task that falls due on the way, in time order. */
  void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    while (true) {
      Optional<Task> next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> !t.isDone() && !t.due.isAfter(target))
                .min(Comparator.comparing(t -> t.due));
      }
      if (next.isEmpty()) {
        break;
      }
      Task task = next.get();
      clock.now = task.due;
      task.run();
    }
    clock.now = target;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, delay, unit, null);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("the policy sync schedules with a fixed delay");
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return add(command, initialDelay, unit, Duration.ofNanos(unit.toNanos(delay)));
  }

  private Task add(Runnable command, long delay, TimeUnit unit, Duration period) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    Task task = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)), period);
    tasks.add(task);
    return task;
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    tasks.forEach(t -> t.cancel(false));
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  /** A scheduled task; periodic ones are due again one period after each run ends. */
  final class Task implements ScheduledFuture<Object> {
    private final Runnable command;
    private final Duration period;
    private Instant due;
    private boolean cancelled;
    private boolean done;

    private Task(Runnable command, Instant due, Duration period) {
      this.command = command;
      this.due = due;
      this.period = period;
    }

    Duration period() {
      return period;
    }

    Instant due() {
      return due;
    }

    private void run() {
      try {
        command.run();
      } catch (RuntimeException | Error e) {
        // As in ScheduledThreadPoolExecutor: a task that throws anything is not run again.
        done = true;
        return;
      }
      if (period == null) {
        done = true;
      } else {
        due = clock.instant().plus(period);
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (ManualScheduler.this) {
        cancelled = !done;
        done = true;
        return cancelled;
      }
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }

  private static final class VirtualClock extends Clock {
    private volatile Instant now;

    VirtualClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
