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
 * A status a company can have, such as "Active", "Inactive" or "Imported"
 * ({@code /company/companies/statuses}). Statuses are rows an administrator defines: look one up
 * by name rather than assuming its id.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCompanyStatus.class)
@JsonDeserialize(as = ImmutableCompanyStatus.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class CompanyStatus {

  CompanyStatus() {}

  /** The status's id; absent on a status that is being created. */
  public abstract OptionalLong id();

  /** The status's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** Whether this is the status new companies get. */
  public abstract Optional<Boolean> defaultFlag();

  /** Whether the status is inactive, so companies cannot be given it. */
  public abstract Optional<Boolean> inactiveFlag();

  /** Whether members see {@link #notificationMessage()} when they open a company with it. */
  public abstract Optional<Boolean> notifyFlag();

  /** Whether companies with this status cannot be saved. */
  public abstract Optional<Boolean> disallowSavingFlag();

  /** The message shown when {@link #notifyFlag()} is set. At most 500 characters. */
  public abstract Optional<String> notificationMessage();

  /** Whether a custom note is added when a company gets this status. */
  public abstract Optional<Boolean> customNoteFlag();

  /** Whether open tracks of a company are cancelled when it gets this status. */
  public abstract Optional<Boolean> cancelOpenTracksFlag();

  /** The track (sequence of activities) started when a company gets this status. */
  public abstract Optional<Reference> track();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a company status. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CompanyStatus}. */
  public static final class Builder extends ImmutableCompanyStatus.Builder {
    Builder() {}
  }
}
