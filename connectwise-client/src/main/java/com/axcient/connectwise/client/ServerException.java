package com.axcient.connectwise.client;

/**
 * ConnectWise failed to handle the request (HTTP 5xx, or 408). A write may or may not have been
 * applied.
 */
public class ServerException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public ServerException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public ServerException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
