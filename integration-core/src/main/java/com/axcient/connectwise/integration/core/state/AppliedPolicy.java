package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A policy version that was applied.
 *
 * @param key the policy's key
 * @param version the applied version
 * @param appliedAt when it was applied
 */
public record AppliedPolicy(String key, String version, Instant appliedAt) {

  /** Checks that every part is present. */
  public AppliedPolicy {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(appliedAt, "appliedAt");
  }
}
