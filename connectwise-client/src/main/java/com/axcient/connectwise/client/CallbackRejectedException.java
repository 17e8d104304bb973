package com.axcient.connectwise.client;

/**
 * A callback was refused: its signature is missing or wrong, its body is not ConnectWise's
 * payload, or its signing key would have to be fetched from a host other than the configured
 * site. Answer such a request with HTTP 400 or 401 and do nothing else.
 */
public class CallbackRejectedException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** A rejection with the reason. */
  public CallbackRejectedException(String explanation) {
    super(explanation, ErrorContext.builder("POST", "(callback)").build());
  }
}
