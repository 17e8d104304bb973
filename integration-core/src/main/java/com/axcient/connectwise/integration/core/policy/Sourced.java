package com.axcient.connectwise.integration.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * An effective setting and where its value came from. A value from the policy or the device is
 * always present; a default may be absent (the setting then has no value).
 *
 * @param value the value, absent only for a default that has none
 * @param source where the value came from
 * @param <T> the value's type
 */
public record Sourced<T>(Optional<T> value, Source source) {

  /**
   * Checks that a value from the policy or the device is present.
   *
   * @throws IllegalArgumentException when the source is not {@link Source#DEFAULT} and the value
   *     is absent
   */
  public Sourced {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
    if (value.isEmpty() && source != Source.DEFAULT) {
      throw new IllegalArgumentException("A value from the " + source + " must be present");
    }
  }

  /** A value set by the global policy. */
  public static <T> Sourced<T> fromPolicy(T value) {
    return new Sourced<>(Optional.of(value), Source.POLICY);
  }

  /** A value set on the device. */
  public static <T> Sourced<T> fromDevice(T value) {
    return new Sourced<>(Optional.of(value), Source.DEVICE);
  }

  /** The default, which may be no value at all. */
  public static <T> Sourced<T> byDefault(Optional<T> value) {
    return new Sourced<>(value, Source.DEFAULT);
  }

  /** Whether there is a value. */
  public boolean isPresent() {
    return value.isPresent();
  }
}
