package com.axcient.connectwise.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a ConnectWise PATCH, such as {@code replace status with {"id": 42}}:
 *
 * <pre>{@code
 * client.tickets().patch(ticketId,
 *     PatchOperation.replace("status", Reference.of(42)),
 *     PatchOperation.replace("summary", "Backup failed on FS01"));
 * }</pre>
 *
 * <p>The path is a property name, nested with {@code /} ({@code board/id}); the value is any
 * JSON value: a string, number, boolean, a model such as a {@code Reference}, a list, or a
 * Jackson {@code JsonNode}. {@code replace} and {@code remove} set an absolute state, so
 * sending them twice is harmless; {@code add} may append and is never retried by the client.
 */
@JsonPropertyOrder({"op", "path", "value"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public final class PatchOperation {

  private final String op;
  private final String path;
  private final Object value;

  private PatchOperation(String op, String path, Object value) {
    this.op = op;
    this.path = Conditions.checkFieldPath(path, "patch path");
    this.value = value;
  }

  /** Replaces the property's value. */
  public static PatchOperation replace(String path, Object value) {
    return new PatchOperation("replace", path, Objects.requireNonNull(value, "value"));
  }

  /** Adds a value to the property (for lists, appends it). */
  public static PatchOperation add(String path, Object value) {
    return new PatchOperation("add", path, Objects.requireNonNull(value, "value"));
  }

  /** Removes the property's value. */
  public static PatchOperation remove(String path) {
    return new PatchOperation("remove", path, null);
  }

  /** The operation: {@code replace}, {@code add} or {@code remove}. */
  @JsonProperty("op")
  public String op() {
    return op;
  }

  /** The property path, such as {@code status} or {@code board/id}. */
  @JsonProperty("path")
  public String path() {
    return path;
  }

  /** The value, absent for {@code remove}. */
  @JsonProperty("value")
  public Optional<Object> value() {
    return Optional.ofNullable(value);
  }

  /** Whether applying the operation twice leaves the same state as applying it once. */
  @JsonIgnore
  public boolean isAbsolute() {
    return !"add".equals(op);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PatchOperation)) {
      return false;
    }
    PatchOperation other = (PatchOperation) o;
    return op.equals(other.op) && path.equals(other.path) && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(op, path, value);
  }

  /** The operation and path; the value is left out because it may carry customer data. */
  @Override
  public String toString() {
    return op + " " + path;
  }
}
