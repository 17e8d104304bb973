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
 * A ticket type on one service board, the first level of the board's type / subtype / item
 * classification, such as "Incident" or "Service Request" ({@code /service/boards/{id}/types}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoardType.class)
@JsonDeserialize(as = ImmutableBoardType.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class BoardType {

  BoardType() {}

  /** The type's id; absent on a type that is being created. */
  public abstract OptionalLong id();

  /** The type's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** Whether tickets of this type react to a problem or prevent one. */
  public abstract Optional<Category> category();

  /** Whether this is the type new tickets on the board get. */
  public abstract Optional<Boolean> defaultFlag();

  /** Whether the type is inactive, so new tickets cannot use it. */
  public abstract Optional<Boolean> inactiveFlag();

  /** Whether tickets of this type are requests for change. */
  public abstract Optional<Boolean> requestForChangeFlag();

  /** A reference to the type in another system. At most 50 characters. */
  public abstract Optional<String> integrationXref();

  /** The skill category needed for tickets of this type. */
  public abstract Optional<Reference> skillCategory();

  /** The skill needed for tickets of this type. */
  public abstract Optional<Reference> skill();

  /** The board the type belongs to. */
  public abstract Optional<Reference> board();

  /** The office location of the type. */
  public abstract Optional<Reference> location();

  /** The department of the type. */
  public abstract Optional<Reference> department();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a board type. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoardType}. */
  public static final class Builder extends ImmutableBoardType.Builder {
    Builder() {}
  }

  /**
   * Whether tickets of a type react to a problem or prevent one.
   *
   * <p>{@link #UNKNOWN} stands for a category this library does not know yet; it is for reading
   * only and must not be sent to ConnectWise.
   */
  public enum Category {
    /** Work that reacts to a reported problem. */
    @JsonProperty("Reactive")
    REACTIVE,
    /** Planned work that prevents problems. */
    @JsonProperty("Proactive")
    PROACTIVE,
    /** A category this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
