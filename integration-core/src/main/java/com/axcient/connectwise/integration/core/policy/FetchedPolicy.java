package com.axcient.connectwise.integration.core.policy;

import java.util.Objects;

/**
 * A global policy as its source returned it, with the version that identifies its content.
 *
 * @param version identifies this content, such as an ETag, a revision number or a content hash;
 *     a changed policy has a different version
 * @param policy the policy
 */
public record FetchedPolicy(String version, GlobalPolicy policy) {

  /**
   * Checks both parts.
   *
   * @throws IllegalArgumentException when the version is blank
   */
  public FetchedPolicy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(policy, "policy");
    if (version.isBlank()) {
      throw new IllegalArgumentException("A policy version must not be blank");
    }
  }
}
