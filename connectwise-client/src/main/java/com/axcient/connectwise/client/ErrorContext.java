package com.axcient.connectwise.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about a failed ConnectWise request: the method and path, the HTTP status,
 * ConnectWise's error code, message and field errors, and the {@code x-cw-request-id} that
 * ConnectWise support asks for. Every {@link ConnectWiseException} carries one.
 */
public final class ErrorContext {

  private final String method;
  private final String path;
  private final int status;
  private final String errorCode;
  private final String serverMessage;
  private final List<FieldError> fieldErrors;
  private final String requestId;

  private ErrorContext(Builder builder) {
    this.method = builder.method;
    this.path = builder.path;
    this.status = builder.status;
    this.errorCode = builder.errorCode;
    this.serverMessage = builder.serverMessage;
    this.fieldErrors = List.copyOf(builder.fieldErrors);
    this.requestId = builder.requestId;
  }

  /** A builder; method and path are required. */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** The HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /**
   * The path of the request below the API root, without the query string (which may carry
   * customer data), such as {@code /service/tickets/42}.
   */
  public String path() {
    return path;
  }

  /** The HTTP status, absent when no answer arrived. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** ConnectWise's error code, such as {@code InvalidObject} or {@code Unauthorized}. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** ConnectWise's error message, with line breaks removed and long text shortened. */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** ConnectWise's per-field errors, empty when it sent none. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** The {@code x-cw-request-id} answer header, to quote to ConnectWise support. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** For example {@code POST /service/tickets -> 400 InvalidObject [request id 3f2a]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(method).append(' ').append(path);
    if (status != 0) {
      text.append(" -> ").append(status);
    }
    if (errorCode != null) {
      text.append(' ').append(errorCode);
    }
    if (serverMessage != null) {
      text.append(": ").append(serverMessage);
    }
    if (!fieldErrors.isEmpty()) {
      text.append(' ').append(fieldErrors);
    }
    if (requestId != null) {
      text.append(" [request id ").append(requestId).append(']');
    }
    return text.toString();
  }

  /** Builds an {@link ErrorContext}. */
  public static final class Builder {
    private final String method;
    private final String path;
    private int status;
    private String errorCode;
    private String serverMessage;
    private List<FieldError> fieldErrors = List.of();
    private String requestId;

    private Builder(String method, String path) {
      this.method = requireText(method, "method");
      this.path = requireText(path, "path");
    }

    /** The HTTP status of the answer. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** ConnectWise's error code. */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /** ConnectWise's error message. */
    public Builder serverMessage(String serverMessage) {
      this.serverMessage = serverMessage;
      return this;
    }

    /** ConnectWise's per-field errors. */
    public Builder fieldErrors(List<FieldError> fieldErrors) {
      this.fieldErrors = List.copyOf(fieldErrors);
      return this;
    }

    /** The {@code x-cw-request-id} header. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The context. */
    public ErrorContext build() {
      return new ErrorContext(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(name + " is required");
      }
      return value;
    }
  }
}
