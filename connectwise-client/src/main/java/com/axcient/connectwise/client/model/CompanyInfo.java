package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a ConnectWise company's instance lives, as answered without credentials by
 * {@code GET https://<site>/login/companyinfo/<companyId>}: the codebase to put in the API's
 * address, the version and the site.
 *
 * <p>Unlike the API's records, this answer uses capitalised names ({@code "Codebase"}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCompanyInfo.class)
@JsonDeserialize(as = ImmutableCompanyInfo.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class CompanyInfo {

  CompanyInfo() {}

  /** The company's name. */
  @JsonProperty("CompanyName")
  public abstract Optional<String> companyName();

  /**
   * The codebase that goes between the site and {@code apis/3.0} in the API's address, ending
   * with a slash, such as {@code "v4_6_release/"}. It changes when a hosted instance is upgraded.
   */
  @JsonProperty("Codebase")
  public abstract Optional<String> codebase();

  /** The instance's version code, such as {@code "v2025.1"}. */
  @JsonProperty("VersionCode")
  public abstract Optional<String> versionCode();

  /** The instance's full version number. */
  @JsonProperty("VersionNumber")
  public abstract Optional<String> versionNumber();

  /** The company id that was asked for, as ConnectWise spells it. */
  @JsonProperty("CompanyID")
  public abstract Optional<String> companyId();

  /** Whether the instance is hosted by ConnectWise. */
  @JsonProperty("IsCloud")
  public abstract Optional<Boolean> isCloud();

  /** The site (host name) of the instance, such as {@code "na.myconnectwise.net"}. */
  @JsonProperty("SiteUrl")
  public abstract Optional<String> siteUrl();

  /** A builder for company information, mainly for tests and fakes: ConnectWise returns it. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CompanyInfo}. */
  public static final class Builder extends ImmutableCompanyInfo.Builder {
    Builder() {}
  }
}
