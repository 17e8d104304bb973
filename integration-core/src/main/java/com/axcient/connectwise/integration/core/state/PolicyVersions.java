package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which version of each global policy this instance (or, on a shared database, every instance)
 * has applied, so a policy sync applies a changed policy once.
 */
public interface PolicyVersions {

  /**
   * The version applied for a policy.
   *
   * @param key the policy's key, such as its source and ID
   * @return the applied version, or empty when none was applied
   */
  Optional<AppliedPolicy> get(String key);

  /**
   * Records that a version was applied, replacing any earlier one. Committed on return.
   *
   * @param key the policy's key
   * @param version the applied version, such as an ETag or a content hash
   * @param appliedAt when it was applied
   */
  void put(String key, String version, Instant appliedAt);

  /**
   * Records a version only if the stored one is still {@code expected}, so two instances syncing
   * the same policy apply a change once.
   *
   * @param key the policy's key
   * @param expected the version read before applying, or empty when none was stored
   * @param version the applied version
   * @param appliedAt when it was applied
   * @return {@code false} when the stored version was not {@code expected}
   */
  boolean compareAndSet(String key, Optional<String> expected, String version, Instant appliedAt);

  /**
   * Every applied policy, by key.
   *
   * @return the applied policies, ordered by key
   */
  List<AppliedPolicy> all();
}
