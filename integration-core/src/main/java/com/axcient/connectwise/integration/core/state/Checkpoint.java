package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A named value kept in the {@link Checkpoints}, such as a poller's watermark.
 *
 * @param name the checkpoint's name
 * @param value the stored value
 * @param updatedAt when the value was stored
 */
public record Checkpoint(String name, String value, Instant updatedAt) {

  /** Checks that every part is present. */
  public Checkpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
