package com.axcient.connectwise.client.model;

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
 * A service board: a queue of tickets with its own statuses, types, subtypes, items and teams,
 * such as "Help Desk" or "Alerts" ({@code /service/boards}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoard.class)
@JsonDeserialize(as = ImmutableBoard.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Board {

  Board() {}

  /** The board's id; absent on a board that is being created. */
  public abstract OptionalLong id();

  /** The board's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** The office location that owns the board. Required on create. */
  public abstract Optional<Reference> location();

  /** The department that owns the board. Required on create. */
  public abstract Optional<Reference> department();

  /** Whether the board is inactive, so new tickets cannot be put on it. */
  public abstract Optional<Boolean> inactiveFlag();

  /** Whether this is a project board rather than a service board. */
  public abstract Optional<Boolean> projectFlag();

  /** The default work role for time entered on the board's tickets. */
  public abstract Optional<Reference> workRole();

  /** The default work type for time entered on the board's tickets. */
  public abstract Optional<Reference> workType();

  /** Whether time on the board's tickets is billed by default. */
  public abstract Optional<BillingOption> billTime();

  /** Whether expenses on the board's tickets are billed by default. */
  public abstract Optional<BillingOption> billExpense();

  /** Whether products on the board's tickets are billed by default. */
  public abstract Optional<BillingOption> billProduct();

  /** The status tickets are moved to when ConnectWise closes them automatically. */
  public abstract Optional<Reference> autoCloseStatus();

  /** Whether new tickets are assigned to a team member automatically. */
  public abstract Optional<Boolean> autoAssignNewTicketsFlag();

  /** The member who dispatches the board's tickets. */
  public abstract Optional<Reference> dispatchMember();

  /** The member who manages the board. */
  public abstract Optional<Reference> serviceManagerMember();

  /** The member on duty for the board. */
  public abstract Optional<Reference> dutyManagerMember();

  /** Whether the discussion notes of the board's tickets are locked. */
  public abstract Optional<Boolean> discussionsLockedFlag();

  /** Whether time entry on the board's tickets is locked. */
  public abstract Optional<Boolean> timeEntryLockedFlag();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a board. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Board}. */
  public static final class Builder extends ImmutableBoard.Builder {
    Builder() {}
  }
}
