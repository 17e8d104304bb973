package com.axcient.connectwise.integration.ticketing;

import com.axcient.connectwise.integration.core.state.SitePause;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of ticketing for a status page.
 *
 * @param enabled whether ticketing is on
 * @param queued events waiting to be sent (due or not)
 * @param inFlight events a worker holds right now
 * @param deadLetters events given up, waiting for an operator
 * @param oldestQueuedSince when the oldest waiting event was accepted; a growing age means work
 *     is stuck
 * @param pausedSites sites whose work is paused, with the reason (such as refused credentials)
 * @param lastErrors the last error of each site this engine saw, free of secrets
 * @param circuitOpen whether the site's circuit breaker holds requests back right now
 */
public record TicketingStatus(
    boolean enabled,
    long queued,
    long inFlight,
    long deadLetters,
    Optional<Instant> oldestQueuedSince,
    List<SitePause> pausedSites,
    Map<String, String> lastErrors,
    boolean circuitOpen) {

  /** Copies the collections; checks that every part is present. */
  public TicketingStatus {
    Objects.requireNonNull(oldestQueuedSince, "oldestQueuedSince");
    pausedSites = List.copyOf(pausedSites);
    lastErrors = Map.copyOf(lastErrors);
  }
}
