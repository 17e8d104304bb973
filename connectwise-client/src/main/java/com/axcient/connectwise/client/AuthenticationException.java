package com.axcient.connectwise.client;

/**
 * ConnectWise did not accept the credentials: HTTP 401, or on cloud sites the bare 404 that
 * ConnectWise answers for a wrong company ID, public key or private key. Check the company ID (the
 * name typed on the login screen), the API member's keys and the client ID.
 */
public class AuthenticationException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public AuthenticationException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public AuthenticationException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
