package com.axcient.connectwise.testkit;

/**
 * An outage started by {@link Faults#refuseConnections()}: while it lasts, connections to the
 * simulator are refused. Closing it is the same as {@link #end()}.
 */
public final class Outage implements AutoCloseable {

  private final Runnable resume;
  private boolean ended;

  Outage(Runnable resume) {
    this.resume = resume;
  }

  /** Ends the outage: the simulator listens again on the same port. Ending twice does nothing. */
  public synchronized void end() {
    if (!ended) {
      ended = true;
      resume.run();
    }
  }

  /**
   * Whether the outage is still going on.
   *
   * @return true until {@link #end()} is called
   */
  public synchronized boolean isActive() {
    return !ended;
  }

  @Override
  public void close() {
    end();
  }
}
