package com.axcient.connectwise.integration.core.policy;

import java.util.Optional;

/**
 * Where the global policy comes from, such as the product's management server. {@link PolicySync}
 * polls it.
 */
@FunctionalInterface
public interface PolicySource {

  /**
   * The current policy, or empty when it still has {@code knownVersion}. A source that cannot
   * tell cheaply (no ETag) may ignore {@code knownVersion} and always return the policy. A source
   * with no policy defined returns {@link GlobalPolicy#empty()} with a version of its choice.
   *
   * @param knownVersion the version the caller holds, empty when it holds none
   * @throws RuntimeException when the policy cannot be fetched; the sync keeps the policy it has
   */
  Optional<FetchedPolicy> fetch(Optional<String> knownVersion);
}
