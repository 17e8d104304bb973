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
 * A ticket item on one service board, the third level of the board's type / subtype / item
 * classification, such as "Paper jam" ({@code /service/boards/{id}/items}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoardItem.class)
@JsonDeserialize(as = ImmutableBoardItem.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class BoardItem {

  BoardItem() {}

  /** The item's id; absent on an item that is being created. */
  public abstract OptionalLong id();

  /** The item's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** Whether the item is inactive, so new tickets cannot use it. */
  public abstract Optional<Boolean> inactiveFlag();

  /** The board the item belongs to. */
  public abstract Optional<Reference> board();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a board item. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoardItem}. */
  public static final class Builder extends ImmutableBoardItem.Builder {
    Builder() {}
  }
}
