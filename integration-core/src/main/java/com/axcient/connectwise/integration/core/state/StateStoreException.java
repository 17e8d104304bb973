package com.axcient.connectwise.integration.core.state;

/**
 * The database behind a {@link StateStore} failed or could not be reached. The message says what
 * the store was doing; the cause is the driver's exception.
 */
public class StateStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the store was doing, such as {@code "claiming outbox items"}
   * @param cause the driver's exception
   */
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause, such as for an unsupported database.
   *
   * @param message what went wrong and how to fix it
   */
  public StateStoreException(String message) {
    super(message);
  }
}
