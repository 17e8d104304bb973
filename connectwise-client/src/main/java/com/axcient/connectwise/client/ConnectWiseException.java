package com.axcient.connectwise.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every error the client reports. It is unchecked; catch a subclass to handle one
 * kind of failure:
 *
 * <ul>
 *   <li>{@link AuthenticationException}: wrong company ID, keys, or client ID;
 *   <li>{@link PermissionException}: the API member's security role lacks a permission;
 *   <li>{@link NotFoundException}: the record does not exist;
 *   <li>{@link ValidationException}: ConnectWise rejected the request as invalid;
 *   <li>{@link ConflictException}: the record is in use by someone else, or already exists;
 *   <li>{@link RateLimitedException}: too many requests;
 *   <li>{@link ServerException}: ConnectWise failed (5xx, 408);
 *   <li>{@link TransportException}: no answer arrived (network, timeout);
 *   <li>{@link InvalidResponseException}: an answer arrived that is not ConnectWise's JSON.
 * </ul>
 *
 * <p>Every instance carries an {@link ErrorContext}: method, path, status, ConnectWise's code,
 * message and field errors, and the request id. Messages never contain credentials or query
 * strings.
 */
public class ConnectWiseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorContext context;

  /** An error with the given explanation and context. */
  public ConnectWiseException(String explanation, ErrorContext context) {
    this(explanation, context, null);
  }

  /** An error with the given explanation, context and cause. */
  public ConnectWiseException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation + " (" + context + ")", cause);
    this.context = context;
  }

  /** Everything known about the failed request. */
  public ErrorContext context() {
    return context;
  }

  /** The HTTP method of the failed request. */
  public String method() {
    return context.method();
  }

  /** The path of the failed request below the API root, without the query string. */
  public String path() {
    return context.path();
  }

  /** The HTTP status, absent when no answer arrived. */
  public OptionalInt status() {
    return context.status();
  }

  /** ConnectWise's error code. */
  public Optional<String> errorCode() {
    return context.errorCode();
  }

  /** ConnectWise's error message. */
  public Optional<String> serverMessage() {
    return context.serverMessage();
  }

  /** ConnectWise's per-field errors. */
  public List<FieldError> fieldErrors() {
    return context.fieldErrors();
  }

  /** The {@code x-cw-request-id} answer header. */
  public Optional<String> requestId() {
    return context.requestId();
  }
}
