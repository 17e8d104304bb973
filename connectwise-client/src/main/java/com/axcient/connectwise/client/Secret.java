package com.axcient.connectwise.client;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret such as a ConnectWise private key: its text is available to the code that must send
 * it and to nothing else. {@link #toString()} is redacted, Jackson will not serialise it, and
 * {@link #equals(Object)} compares in constant time.
 */
@JsonIgnoreType
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws IllegalArgumentException if the value is empty
   * @throws NullPointerException if the value is null
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("A secret must not be empty");
    }
    return new Secret(value);
  }

  /** The secret's text. Call this only where the secret is sent or stored encrypted. */
  public String reveal() {
    return value;
  }

  /** Always {@code "Secret[redacted]"}, so that the value never reaches a log line. */
  @Override
  public String toString() {
    return "Secret[redacted]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8),
            ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    // A constant: a hash derived from the value would leak information about it.
    return 1;
  }
}
