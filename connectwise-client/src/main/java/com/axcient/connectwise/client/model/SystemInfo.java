package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Facts about the ConnectWise instance the client talks to ({@code GET /system/info}), such as its
 * version and whether it is hosted in the cloud. Reading it is a cheap way to check that the
 * address and credentials work.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSystemInfo.class)
@JsonDeserialize(as = ImmutableSystemInfo.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class SystemInfo {

  SystemInfo() {}

  /** The instance's version as ConnectWise writes it, such as {@code "v2025.1.12345"}. */
  public abstract Optional<String> version();

  /** Whether the instance is hosted by ConnectWise rather than on the partner's premises. */
  public abstract Optional<Boolean> isCloud();

  /** The time zone of the instance's server. */
  public abstract Optional<String> serverTimeZone();

  /** The licensed modules of the instance and whether each is active. */
  public abstract List<LicenseBit> licenseBits();

  /** The cloud region the instance is hosted in, such as {@code "NA"}. */
  public abstract Optional<String> cloudRegion();

  /** The limit on the number of records workflow rules process. */
  public abstract Optional<Integer> maxWorkFlowRecordsAllowed();

  /** A builder for system information, mainly for tests and fakes: ConnectWise returns it. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SystemInfo}. */
  public static final class Builder extends ImmutableSystemInfo.Builder {
    Builder() {}
  }

  /** One licensed module of the ConnectWise instance and whether it is active. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLicenseBit.class)
  @JsonDeserialize(as = ImmutableLicenseBit.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract static class LicenseBit {

    LicenseBit() {}

    /** The module's name. */
    public abstract Optional<String> name();

    /** Whether the module is active. */
    public abstract Optional<Boolean> activeFlag();

    /** A builder for a licence bit. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link LicenseBit}. */
    public static final class Builder extends ImmutableLicenseBit.Builder {
      Builder() {}
    }
  }
}
