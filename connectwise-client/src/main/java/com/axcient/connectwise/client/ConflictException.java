package com.axcient.connectwise.client;

/**
 * The write conflicts with another record: HTTP 409 (the record is in use or was changed by
 * someone else; the request may be retried later), or ConnectWise's {@code ObjectExists} error
 * (a record with the same identifier exists already, as when two processes create the same
 * company; look it up rather than creating it again).
 */
public class ConflictException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public ConflictException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public ConflictException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
