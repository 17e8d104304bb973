package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.state.AppliedPolicy;
import com.axcient.connectwise.integration.core.state.PolicyVersions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records which policy version a device applied, so that the applied version survives a restart
 * and can be shown. {@link #durable} keeps it in the durable state store; {@link
 * InMemoryPolicyVersionStore} serves tests.
 */
public interface PolicyVersionStore {

  /** The version applied last, empty when none was. */
  Optional<String> appliedVersion();

  /** Records that this version was applied; durable when this returns. */
  void save(String version, Instant appliedAt);

  /**
   * A store kept in the durable state under {@code key}, such as the device's id: the applied
   * version survives a restart and is shared by the instances that use the same state store.
   */
  static PolicyVersionStore durable(PolicyVersions versions, String key) {
    Objects.requireNonNull(versions, "versions");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key is missing: use the device's id");
    }
    return new PolicyVersionStore() {
      @Override
      public Optional<String> appliedVersion() {
        return versions.get(key).map(AppliedPolicy::version);
      }

      @Override
      public void save(String version, Instant appliedAt) {
        versions.put(key, version, appliedAt);
      }
    };
  }
}
