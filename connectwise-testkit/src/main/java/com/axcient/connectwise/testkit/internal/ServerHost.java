package com.axcient.connectwise.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;

/**
 * Owns the MockWebServer that listens for the simulator. An outage closes it, which refuses new
 * connections and closes open ones; ending the outage starts a fresh server on the same port
 * with the same dispatcher, because a MockWebServer cannot be restarted.
 */
public final class ServerHost implements AutoCloseable {

  /** Kept so the level set on it is not lost when the logger would otherwise be collected. */
  private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  static {
    // MockWebServer logs every request at INFO; a simulator serving thousands would flood logs.
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
  }

  private final InetAddress address;
  private final Dispatcher dispatcher;
  private MockWebServer server;
  private int port;

  /**
   * A host for a dispatcher.
   *
   * @param address the address to listen on
   * @param dispatcher answers every request
   */
  public ServerHost(InetAddress address, Dispatcher dispatcher) {
    this.address = address;
    this.dispatcher = dispatcher;
  }

  /** Starts listening on {@code requestedPort} (0 picks a free port); returns the port. */
  public synchronized int start(int requestedPort) {
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(dispatcher);
    try {
      server.start(address, requestedPort);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address + ":" + requestedPort, e);
    }
    port = server.getPort();
    return port;
  }

  /** The port listened on. */
  public synchronized int port() {
    return port;
  }

  /** Stops listening; connections are refused until {@link #resume()}. */
  public synchronized void suspend() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /**
   * Listens again on the same port. The old listening socket is released when its accept thread
   * wakes up, which may be a moment after it was closed, so binding is retried for a short while.
   */
  public synchronized void resume() {
    if (server != null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      try {
        start(port);
        return;
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof BindException) || System.nanoTime() > deadline) {
          throw e;
        }
        server = null;
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to listen again", e);
    }
  }

  /**
   * Forgets the requests MockWebServer queues for {@code takeRequest()}: the simulator keeps its
   * own bounded journal, and the queue would otherwise grow for as long as the server runs.
   */
  public void drainRecordedRequests() {
    MockWebServer current;
    synchronized (this) {
      current = server;
    }
    if (current == null) {
      return;
    }
    try {
      while (current.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // Each call removes one queued request.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    suspend();
  }
}
