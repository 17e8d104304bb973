package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A status a ticket can have on one service board, such as "New", "In Progress" or "Completed"
 * ({@code /service/boards/{id}/statuses}). Each board has its own list of statuses; a closed
 * status ({@link #closedStatus()}) closes the ticket.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoardStatus.class)
@JsonDeserialize(as = ImmutableBoardStatus.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class BoardStatus {

  BoardStatus() {}

  /** The status's id; absent on a status that is being created. */
  public abstract OptionalLong id();

  /** The status's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** The board the status belongs to. */
  public abstract Optional<Reference> board();

  /** The status's position in the board's list of statuses. */
  public abstract Optional<Integer> sortOrder();

  /** Whether tickets with this status are shown on the board. */
  public abstract Optional<Boolean> displayOnBoard();

  /** Whether the status is inactive, so tickets cannot be moved to it. */
  public abstract Optional<Boolean> inactive();

  /** Whether moving a ticket to this status closes it. */
  public abstract Optional<Boolean> closedStatus();

  /** Whether time cannot be entered on tickets with this status. */
  public abstract Optional<Boolean> timeEntryNotAllowed();

  /** Whether this is the status new tickets on the board get. */
  public abstract Optional<Boolean> defaultFlag();

  /** Whether the status is the catch-all of round-robin dispatch. */
  public abstract Optional<Boolean> roundRobinCatchall();

  /** Which step of the service level agreement a ticket reaches with this status. */
  public abstract Optional<EscalationStatus> escalationStatus();

  /** The status's description in the customer portal. At most 500 characters. */
  public abstract Optional<String> customerPortalDescription();

  /** Whether the status is shown in the customer portal. */
  public abstract Optional<Boolean> customerPortalFlag();

  /** The e-mail template sent when a ticket moves to this status. */
  public abstract Optional<Reference> emailTemplate();

  /** The indicator (icon) shown for the status. */
  public abstract Optional<Reference> statusIndicator();

  /** The name of a custom status indicator. At most 30 characters. */
  public abstract Optional<String> customStatusIndicatorName();

  /** Whether time entries on tickets with this status are saved as notes. */
  public abstract Optional<Boolean> saveTimeAsNote();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a board status. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoardStatus}. */
  public static final class Builder extends ImmutableBoardStatus.Builder {
    Builder() {}
  }

  /**
   * The step of a service level agreement that a ticket reaches when it gets a status.
   *
   * <p>{@link #UNKNOWN} stands for a step this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum EscalationStatus {
    /** The ticket has not been responded to yet. */
    @JsonProperty("NotResponded")
    NOT_RESPONDED,
    /** The ticket has been responded to. */
    @JsonProperty("Responded")
    RESPONDED,
    /** A resolution plan has been made. */
    @JsonProperty("ResolutionPlan")
    RESOLUTION_PLAN,
    /** The ticket is resolved. */
    @JsonProperty("Resolved")
    RESOLVED,
    /** The status does not affect the service level agreement. */
    @JsonProperty("NoEscalation")
    NO_ESCALATION,
    /** A step this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
