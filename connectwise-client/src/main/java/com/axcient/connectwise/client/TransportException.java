package com.axcient.connectwise.client;

/**
 * No answer arrived: the host could not be resolved or reached, the connection dropped, or a
 * timeout fired. {@link #mayHaveReachedServer()} tells whether the request could have been
 * applied.
 */
public class TransportException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  private final boolean mayHaveReachedServer;

  /**
   * An error with the given explanation, context and cause.
   *
   * @param mayHaveReachedServer false only when the request certainly never left this process
   *     (unknown host, connection refused)
   */
  public TransportException(
      String explanation, ErrorContext context, Throwable cause, boolean mayHaveReachedServer) {
    super(explanation, context, cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /**
   * Whether ConnectWise may have received and applied the request. When true, a create must be
   * checked for (for example by searching a correlation key) before it is sent again.
   */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
