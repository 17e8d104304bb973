package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The links between product alerts and ConnectWise tickets.
 *
 * <p>A link is one <em>incident</em> of an alert on a site: the alert's first raise claims incident
 * 1; a raise after the incident was closed either reopens it (the same link, within the reopen
 * window) or claims incident 2, and so on. The key is {@code (site, alertId, incident)}, and the
 * latest incident is the {@linkplain #current current} one; earlier ones are the alert's history.
 *
 * <p>{@link #claimNew} is how a worker becomes the one that creates an incident's ticket: among any
 * number of callers, on any number of instances sharing the database, exactly one gets the link.
 * Every later change is an {@link #update} checked against the version the caller read, so a
 * worker acting on a stale copy cannot overwrite a newer state.
 */
public interface TicketLinks {

  /**
   * Creates the link for a new incident in state {@link TicketLink.State#PENDING_CREATE}, unless a
   * link with the same {@code (site, alertId, incident)} already exists. Committed on return.
   *
   * <p>Callers compute the incident number from what they read ({@code current(...)}'s incident
   * plus one, or 1), so racing callers ask for the same number and exactly one wins.
   *
   * @param link the new incident
   * @return the created link when this call created it; empty when another caller already had
   * @throws IllegalArgumentException when the correlation key is already used by another link on
   *     the site
   */
  Optional<TicketLink> claimNew(NewTicketLink link);

  /**
   * The alert's latest incident.
   *
   * @param site the ConnectWise site
   * @param alertId the product's alert ID
   * @return the link with the highest incident number, or empty when the alert has none
   */
  Optional<TicketLink> current(String site, String alertId);

  /**
   * One incident of an alert.
   *
   * @param site the ConnectWise site
   * @param alertId the product's alert ID
   * @param incident the incident number, from 1
   * @return the link, or empty
   */
  Optional<TicketLink> get(String site, String alertId, int incident);

  /**
   * Every incident of an alert, newest first.
   *
   * @param site the ConnectWise site
   * @param alertId the product's alert ID
   * @return the links, empty when the alert has none
   */
  List<TicketLink> history(String site, String alertId);

  /**
   * The link to a ConnectWise ticket, for a change seen in ConnectWise.
   *
   * @param site the ConnectWise site
   * @param ticketId the ticket's ID
   * @return the newest link to that ticket, or empty when no link has it
   */
  Optional<TicketLink> byTicketId(String site, long ticketId);

  /**
   * The link whose ticket carries this correlation key in its {@code externalXRef}. Keys are
   * unique per site.
   *
   * @param site the ConnectWise site
   * @param correlationKey the key
   * @return the link, or empty
   */
  Optional<TicketLink> byCorrelationKey(String site, String correlationKey);

  /**
   * Stores a changed link if nobody changed it since it was read: its {@link TicketLink#version()}
   * must still be the stored one. Only the fields a {@link TicketLink.Builder} can change are
   * written. Committed on return.
   *
   * @param changed the link as read, with changes made through {@link TicketLink#toBuilder()}
   * @return the stored link with its new version, or empty when the stored version differs (read
   *     it again and decide again) or the link no longer exists
   */
  Optional<TicketLink> update(TicketLink changed);

  /**
   * A site's links in the given states, least recently changed first.
   *
   * @param site the ConnectWise site
   * @param states the states to include
   * @return the links
   */
  List<TicketLink> inState(String site, Set<TicketLink.State> states);

  /**
   * A site's links whose ticket is open, to poll ConnectWise for tickets closed there.
   *
   * @param site the ConnectWise site
   * @return the links in state {@link TicketLink.State#OPEN}, least recently changed first
   */
  default List<TicketLink> open(String site) {
    return inState(site, EnumSet.of(TicketLink.State.OPEN));
  }

  /**
   * A site's links changed by this library at or after {@code since}, least recently changed
   * first.
   *
   * @param site the ConnectWise site
   * @param since the earliest change to include
   * @return the links
   */
  List<TicketLink> updatedSince(String site, Instant since);
}
