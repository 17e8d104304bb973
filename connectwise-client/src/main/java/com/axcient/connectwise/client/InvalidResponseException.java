package com.axcient.connectwise.client;

/**
 * An answer arrived that is not what ConnectWise sends: an HTML or plain-text page, malformed or
 * oversized JSON, or a redirect. The message names the likely cause, such as the browser host
 * ({@code na.myconnectwise.net}) used instead of the API host, or a wrong codebase. For a write, the
 * request may or may not have been applied.
 */
public class InvalidResponseException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public InvalidResponseException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public InvalidResponseException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
