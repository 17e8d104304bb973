package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ConnectWise sites whose work is paused, such as after ConnectWise refused the credentials (401)
 * or the API member's permissions (403). Work for a paused site stays in the outbox. A pause ends
 * at its end time, or when it is {@linkplain #resume resumed} (such as after new settings were
 * saved).
 */
public interface SitePauses {

  /**
   * Pauses a site, replacing any pause it has. Committed on return.
   *
   * @param site the ConnectWise site
   * @param reason why, in the user's words and free of secrets, such as {@code "ConnectWise
   *     refused the API keys (401)"}
   * @param pausedAt when
   * @param until when the pause ends by itself, or empty for a pause that lasts until resumed
   */
  void pause(String site, String reason, Instant pausedAt, Optional<Instant> until);

  /**
   * Ends a site's pause.
   *
   * @param site the ConnectWise site
   * @return {@code false} when the site was not paused
   */
  boolean resume(String site);

  /**
   * The pause in force for a site at {@code now}.
   *
   * @param site the ConnectWise site
   * @param now the current time
   * @return the pause, or empty when the site is not paused (or its pause has ended)
   */
  Optional<SitePause> active(String site, Instant now);

  /**
   * Every recorded pause, including ended ones not yet resumed, ordered by site.
   *
   * @return the pauses
   */
  List<SitePause> all();
}
