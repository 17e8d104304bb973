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
 * One combination of type, subtype and item that a service board allows on its tickets
 * ({@code /service/boards/{id}/typeSubTypeItemAssociations}): ConnectWise only offers a ticket's
 * subtypes and items that are associated with its type.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBoardTypeSubTypeItemAssociation.class)
@JsonDeserialize(as = ImmutableBoardTypeSubTypeItemAssociation.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class BoardTypeSubTypeItemAssociation {

  BoardTypeSubTypeItemAssociation() {}

  /** The association's id. */
  public abstract OptionalLong id();

  /** The board type of the combination. */
  public abstract Optional<Reference> type();

  /** The board subtype of the combination, when it has one. */
  public abstract Optional<Reference> subType();

  /** The board item of the combination, when it has one. */
  public abstract Optional<Reference> item();

  /** The board the combination belongs to. */
  public abstract Optional<Reference> board();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for an association, mainly for tests and fakes: ConnectWise returns them. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoardTypeSubTypeItemAssociation}. */
  public static final class Builder extends ImmutableBoardTypeSubTypeItemAssociation.Builder {
    Builder() {}
  }
}
