package com.axcient.connectwise.client;

/**
 * HTTP 409: the record is in use or was changed by someone else. The request may be retried
 * later.
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
