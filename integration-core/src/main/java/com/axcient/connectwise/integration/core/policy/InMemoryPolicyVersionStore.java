package com.axcient.connectwise.integration.core.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@link PolicyVersionStore} that keeps the applied version in memory, for tests. */
public final class InMemoryPolicyVersionStore implements PolicyVersionStore {

  private String version;
  private Instant appliedAt;

  /** A store in which no version was applied. */
  public InMemoryPolicyVersionStore() {}

  @Override
  public synchronized Optional<String> appliedVersion() {
    return Optional.ofNullable(version);
  }

  /** When the applied version was applied, empty when none was. */
  public synchronized Optional<Instant> appliedAt() {
    return Optional.ofNullable(appliedAt);
  }

  @Override
  public synchronized void save(String version, Instant appliedAt) {
    this.version = Objects.requireNonNull(version, "version");
    this.appliedAt = Objects.requireNonNull(appliedAt, "appliedAt");
  }

  @Override
  public synchronized String toString() {
    return "InMemoryPolicyVersionStore[" + (version == null ? "none" : version) + "]";
  }
}
