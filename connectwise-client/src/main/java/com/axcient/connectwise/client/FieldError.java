package com.axcient.connectwise.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code errors} array in a ConnectWise error answer, such as
 * {@code {"code":"MissingRequiredField","message":"...","resource":"ticket","field":"summary"}}.
 */
public final class FieldError {

  private final String code;
  private final String message;
  private final String resource;
  private final String field;

  private FieldError(String code, String message, String resource, String field) {
    this.code = code;
    this.message = message;
    this.resource = resource;
    this.field = field;
  }

  /** A field error; any part may be absent (null) when ConnectWise did not send it. */
  public static FieldError of(String code, String message, String resource, String field) {
    return new FieldError(code, message, resource, field);
  }

  /** ConnectWise's error code, such as {@code MissingRequiredField} or {@code ObjectExists}. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** ConnectWise's explanation. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** The kind of record the error is about, such as {@code ticket}. */
  public Optional<String> resource() {
    return Optional.ofNullable(resource);
  }

  /** The property the error is about, such as {@code summary}. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FieldError)) {
      return false;
    }
    FieldError other = (FieldError) o;
    return Objects.equals(code, other.code)
        && Objects.equals(message, other.message)
        && Objects.equals(resource, other.resource)
        && Objects.equals(field, other.field);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message, resource, field);
  }

  /** For example {@code summary: MaxLengthExceeded (Summary is limited to 100 characters)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (field != null) {
      text.append(field).append(": ");
    }
    text.append(code == null ? "error" : code);
    if (message != null) {
      text.append(" (").append(message).append(')');
    }
    return text.toString();
  }
}
