package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.integration.ticketing.TicketRule;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A rule with its defaults looked up in ConnectWise.
 *
 * @param rule the rule as the user set it
 * @param boardId the board
 * @param newStatusId the status of new tickets
 * @param closedStatusId the status set on clear
 * @param teamId the team, when the rule or the board has one
 * @param closedStatusIds every closed status of the board
 */
public record ResolvedRule(
    TicketRule rule,
    long boardId,
    long newStatusId,
    long closedStatusId,
    OptionalLong teamId,
    Set<Long> closedStatusIds) {}
