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
 * A ticket subtype on one service board, the second level of the board's type / subtype / item
 * classification, such as "Printer" under the type "Hardware"
 * ({@code /service/boards/{id}/subtypes}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoardSubType.class)
@JsonDeserialize(as = ImmutableBoardSubType.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class BoardSubType {

  BoardSubType() {}

  /** The subtype's id; absent on a subtype that is being created. */
  public abstract OptionalLong id();

  /** The subtype's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** Whether the subtype is inactive, so new tickets cannot use it. */
  public abstract Optional<Boolean> inactiveFlag();

  /** The ids of the board types this subtype can be used with. */
  public abstract List<Long> typeAssociationIds();

  /** On writes: whether the subtype is associated with all of the board's types. */
  public abstract Optional<Boolean> addAllTypesFlag();

  /** On writes: whether the subtype is removed from all of the board's types. */
  public abstract Optional<Boolean> removeAllTypesFlag();

  /** The board the subtype belongs to. */
  public abstract Optional<Reference> board();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a board subtype. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoardSubType}. */
  public static final class Builder extends ImmutableBoardSubType.Builder {
    Builder() {}
  }
}
