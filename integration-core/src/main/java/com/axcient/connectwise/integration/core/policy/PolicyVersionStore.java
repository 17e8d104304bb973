package com.axcient.connectwise.integration.core.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * Records which policy version a device applied, so that the applied version survives a restart
 * and can be shown. The durable state store implements it; {@link InMemoryPolicyVersionStore}
 * serves tests.
 */
public interface PolicyVersionStore {

  /** The version applied last, empty when none was. */
  Optional<String> appliedVersion();

  /** Records that this version was applied; durable when this returns. */
  void save(String version, Instant appliedAt);
}
