package com.axcient.connectwise.integration.core.state;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which items a worker {@linkplain Outbox#claim(String, java.time.Duration, int,
 * java.time.Instant, OutboxFilter) claims}: one site's, some kinds', or all. Use it when several
 * workers share one store, such as one ticketing engine per ConnectWise site, or the ticketing and
 * billing workers. A partition whose oldest unfinished item does not match waits for the worker
 * that claims it: order within a partition holds across kinds.
 *
 * @param site only this site's items; empty for every site's
 * @param kinds only items of these kinds; empty for every kind
 */
public record OutboxFilter(Optional<String> site, Set<String> kinds) {

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException when a kind is blank
   */
  public OutboxFilter {
    Objects.requireNonNull(site, "site");
    kinds = Set.copyOf(kinds);
    for (String kind : kinds) {
      if (kind.isBlank()) {
        throw new IllegalArgumentException("an outbox filter's kinds must not be blank");
      }
    }
  }

  /**
   * Every item.
   *
   * @return the filter that matches all items
   */
  public static OutboxFilter all() {
    return new OutboxFilter(Optional.empty(), Set.of());
  }

  /**
   * One site's items, of every kind.
   *
   * @param site the ConnectWise site
   * @return the filter
   */
  public static OutboxFilter site(String site) {
    return new OutboxFilter(Optional.of(site), Set.of());
  }

  /**
   * This filter, narrowed to items of the given kinds.
   *
   * @param kinds the kinds, such as {@code alert-raised}
   * @return a copy with those kinds
   */
  public OutboxFilter withKinds(String... kinds) {
    return new OutboxFilter(site, Set.copyOf(Arrays.asList(kinds)));
  }
}
