package com.axcient.connectwise.client;

/**
 * ConnectWise rejected the request as invalid (HTTP 400, 405, 415 or 422); {@link #fieldErrors()}
 * says which properties were wrong. Sending the same request again fails the same way.
 */
public class ValidationException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public ValidationException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public ValidationException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
