package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reference from one ConnectWise record to another, such as a ticket's {@code board},
 * {@code status} or {@code company}: {@code {"id": 5, "name": "Help Desk"}}.
 *
 * <p>ConnectWise's schema has one reference type per target (BoardReference,
 * ServiceStatusReference, CompanyReference, ...); they share {@code id} and {@code name}, some add
 * {@code identifier}. On writes, {@code Reference.of(id)} is enough.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReference.class)
@JsonDeserialize(using = ReferenceDeserializer.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Reference {

  Reference() {}

  /** The referenced record's id. */
  public abstract long id();

  /** The referenced record's display name, when ConnectWise sends it. */
  public abstract Optional<String> name();

  /** The referenced record's identifier (companies, members, catalog items), when sent. */
  public abstract Optional<String> identifier();

  /** ConnectWise's {@code _info} map of the reference (links to the referenced record). */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A reference by id alone, as ConnectWise expects it on writes. */
  public static Reference of(long id) {
    return builder().id(id).build();
  }

  /** A builder for a reference with a name or identifier. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Reference}. */
  public static final class Builder extends ImmutableReference.Builder {
    Builder() {}
  }
}
