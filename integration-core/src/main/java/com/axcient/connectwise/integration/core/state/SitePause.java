package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's pause.
 *
 * @param site the ConnectWise site
 * @param reason why, free of secrets
 * @param pausedAt when it was paused
 * @param until when the pause ends by itself; empty when it lasts until resumed
 */
public record SitePause(String site, String reason, Instant pausedAt, Optional<Instant> until) {

  /** Checks that every part is present. */
  public SitePause {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(pausedAt, "pausedAt");
    Objects.requireNonNull(until, "until");
  }

  /**
   * Whether the pause is in force.
   *
   * @param now the current time
   * @return {@code true} when it has no end or ends after {@code now}
   */
  public boolean isActive(Instant now) {
    return until.map(now::isBefore).orElse(true);
  }
}
