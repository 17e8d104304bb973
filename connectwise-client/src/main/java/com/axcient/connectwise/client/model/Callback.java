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
 * A callback (webhook) registration: ConnectWise posts to {@link #url()} whenever a record of the
 * given {@link #type()} is added, updated or deleted ({@code /system/callbacks}), ConnectWise's
 * "CallbackEntry".
 *
 * <p>To register one, ConnectWise needs {@link #url()}, {@link #type()}, {@link #level()} and
 * {@link #objectId()}; for example type {@code "ticket"}, level {@code "owner"} and object id
 * {@code 1} for every ticket.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCallback.class)
@JsonDeserialize(as = ImmutableCallback.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Callback {

  Callback() {}

  /** The registration's id; absent on a registration that is being created. */
  public abstract OptionalLong id();

  /** What the callback is for, shown in ConnectWise. At most 100 characters. */
  public abstract Optional<String> description();

  /** The address ConnectWise posts to. Required on create. */
  public abstract Optional<String> url();

  /**
   * The id of the record that narrows the callback at its {@link #level()}: a board, status or
   * company id, or the single record's id; {@code 1} at the owner level. Required on create.
   */
  public abstract OptionalLong objectId();

  /**
   * The kind of record the callback watches, such as {@code "ticket"}, {@code "company"},
   * {@code "contact"}, {@code "project"}, {@code "opportunity"}, {@code "activity"},
   * {@code "schedule"} or {@code "agreement"}. Required on create.
   */
  public abstract Optional<String> type();

  /**
   * How far the callback reaches, such as {@code "owner"} (every record of the type), a board, a
   * status, a company, or a single record. Required on create.
   */
  public abstract Optional<String> level();

  /** The id of the member the callback belongs to. */
  public abstract OptionalLong memberId();

  /** The version of the payload ConnectWise posts. */
  public abstract Optional<String> payloadVersion();

  /** Whether the callback is switched off. */
  public abstract Optional<Boolean> inactiveFlag();

  /** Whether the callback uses ConnectWise's legacy SOAP format. */
  public abstract Optional<Boolean> isSoapCallbackFlag();

  /** Whether changes made by the callback's own member are not posted. */
  public abstract Optional<Boolean> isSelfSuppressedFlag();

  /** ConnectWise's global id of the registration. */
  @JsonProperty("connectWiseID")
  public abstract Optional<String> connectWiseId();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a callback registration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Callback}. */
  public static final class Builder extends ImmutableCallback.Builder {
    Builder() {}
  }
}
