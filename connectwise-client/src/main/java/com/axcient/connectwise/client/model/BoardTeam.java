package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A team of members that works the tickets of one service board, such as "Tier 1"
 * ({@code /service/boards/{id}/teams}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoardTeam.class)
@JsonDeserialize(as = ImmutableBoardTeam.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class BoardTeam {

  BoardTeam() {}

  /** The team's id; absent on a team that is being created. */
  public abstract OptionalLong id();

  /** The team's name. Required on create; at most 30 characters. */
  public abstract Optional<String> name();

  /** The member who leads the team. Required on create. */
  public abstract Optional<Reference> teamLeader();

  /** The ids of the members on the team. */
  public abstract List<Long> members();

  /** Whether this is the team new tickets on the board get. */
  public abstract Optional<Boolean> defaultFlag();

  /** Whether the team is notified when one of its tickets is deleted. */
  public abstract Optional<Boolean> notifyOnTicketDelete();

  /** Whether the team is the board's default for round-robin dispatch. */
  public abstract Optional<Boolean> defaultRoundRobinFlag();

  /** Whether the team's tickets are dispatched to its members in turn. */
  public abstract Optional<Boolean> roundRobinFlag();

  /** The id of the board the team belongs to. */
  public abstract OptionalLong boardId();

  /** The id of the team's office location. */
  public abstract OptionalLong locationId();

  /** The id of the team's department (business unit). */
  public abstract OptionalLong businessUnitId();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a board team. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoardTeam}. */
  public static final class Builder extends ImmutableBoardTeam.Builder {
    Builder() {}
  }
}
