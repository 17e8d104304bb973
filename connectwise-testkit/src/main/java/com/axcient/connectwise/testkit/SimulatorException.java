package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.ApiError;
import com.axcient.connectwise.testkit.internal.Json;

/**
 * A change made through {@link SimulatorData} that ConnectWise would refuse, with the status and
 * error body the API would have answered.
 */
public final class SimulatorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String body;

  SimulatorException(ApiError error) {
    super(error.status() + " " + error.code() + ": " + Json.write(error.body()));
    this.status = error.status();
    this.code = error.code();
    this.body = Json.write(error.body());
  }

  /**
   * The HTTP status the API would answer.
   *
   * @return e.g. 400
   */
  public int status() {
    return status;
  }

  /**
   * ConnectWise's error code.
   *
   * @return e.g. {@code InvalidObject}
   */
  public String code() {
    return code;
  }

  /**
   * The error body the API would answer.
   *
   * @return JSON {@code {code, message, errors[]}}
   */
  public String body() {
    return body;
  }
}
