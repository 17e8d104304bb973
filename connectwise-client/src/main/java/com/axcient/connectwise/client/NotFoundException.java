package com.axcient.connectwise.client;

/**
 * HTTP 404 with ConnectWise's error body: the record does not exist, or was deleted or merged.
 */
public class NotFoundException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public NotFoundException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public NotFoundException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
