package com.axcient.connectwise.integration.core.settings;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ConnectWise PSA settings a user enters on the product's settings page: the site, the
 * company ID, the API member's public and private keys and the API member's identifier.
 *
 * <p>The client ID is not a user setting: the embedding product passes the ID it registered with
 * ConnectWise to {@link #clientBuilder(String)}. The private key is a {@link Secret}: it never
 * appears in {@link #toString()}.
 *
 * <pre>{@code
 * PsaSettings settings = PsaSettings.builder()
 *     .site("na.myconnectwise.net")
 *     .companyId("acme")
 *     .publicKey("Pub1Key2Abc")
 *     .privateKey(Secret.of(privateKey))
 *     .apiMemberIdentifier("BackupAPI")
 *     .build();
 * }</pre>
 */
public final class PsaSettings {

  /** Longest company ID ConnectWise accepts at its login page. */
  static final int MAX_COMPANY_ID_LENGTH = 50;

  private static final Pattern MEMBER_IDENTIFIER = Pattern.compile("[A-Za-z0-9_.@-]{1,15}");

  private final String site;
  private final String companyId;
  private final String publicKey;
  private final Secret privateKey;
  private final String apiMemberIdentifier;
  private final String codebase;
  private final boolean allowInsecureHttp;

  private PsaSettings(Builder builder) {
    this.site = builder.site.strip();
    this.companyId = builder.companyId.strip();
    this.publicKey = builder.publicKey.strip();
    this.privateKey = builder.privateKey;
    this.apiMemberIdentifier = builder.apiMemberIdentifier.strip();
    this.codebase = blankToNull(builder.codebase);
    this.allowInsecureHttp = builder.allowInsecureHttp;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .site(site)
        .companyId(companyId)
        .publicKey(publicKey)
        .privateKey(privateKey)
        .apiMemberIdentifier(apiMemberIdentifier)
        .codebase(codebase)
        .allowInsecureHttp(allowInsecureHttp);
  }

  /** The ConnectWise site as entered, such as {@code na.myconnectwise.net}. */
  public String site() {
    return site;
  }

  /** The company ID entered at ConnectWise's login page. */
  public String companyId() {
    return companyId;
  }

  /** The API member's public key. */
  public String publicKey() {
    return publicKey;
  }

  /** The API member's private key. */
  public Secret privateKey() {
    return privateKey;
  }

  /**
   * The API member's identifier (login name), such as {@code BackupAPI}. ConnectWise has no
   * "who am I" call, so this is how the member's default service board is found.
   */
  public String apiMemberIdentifier() {
    return apiMemberIdentifier;
  }

  /** A codebase to use instead of discovering it, such as {@code v4_6_release}. */
  public Optional<String> codebase() {
    return Optional.ofNullable(codebase);
  }

  /** Whether an {@code http://} site is allowed; only for a local simulator. */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * A client builder for these settings and the product's registered client ID, to which the
   * caller may add timeouts, an {@code OkHttpClient} or a retry policy before building.
   */
  public ConnectWiseClient.Builder clientBuilder(String clientId) {
    ConnectWiseClient.Builder builder =
        ConnectWiseClient.builder()
            .site(site)
            .companyId(companyId)
            .publicKey(publicKey)
            .privateKey(privateKey)
            .clientId(clientId)
            .allowInsecureHttp(allowInsecureHttp);
    if (codebase != null) {
      builder.codebase(codebase);
    }
    return builder;
  }

  /** Whether the credentials (site, company, keys, codebase) are the same as in {@code other}. */
  public boolean sameConnection(PsaSettings other) {
    return site.equalsIgnoreCase(other.site)
        && companyId.equalsIgnoreCase(other.companyId)
        && publicKey.equals(other.publicKey)
        && privateKey.equals(other.privateKey)
        && Objects.equals(codebase, other.codebase)
        && allowInsecureHttp == other.allowInsecureHttp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PsaSettings
        && sameConnection((PsaSettings) o)
        && apiMemberIdentifier.equalsIgnoreCase(((PsaSettings) o).apiMemberIdentifier);
  }

  @Override
  public int hashCode() {
    return Objects.hash(site.toLowerCase(java.util.Locale.ROOT), companyId.toLowerCase(java.util.Locale.ROOT), publicKey);
  }

  /** The settings without the private key, which is always shown as redacted. */
  @Override
  public String toString() {
    return "PsaSettings[site="
        + site
        + ", companyId="
        + companyId
        + ", publicKey="
        + publicKey
        + ", privateKey=redacted, apiMemberIdentifier="
        + apiMemberIdentifier
        + (codebase == null ? "" : ", codebase=" + codebase)
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Builds {@link PsaSettings}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private String site;
    private String companyId;
    private String publicKey;
    private Secret privateKey;
    private String apiMemberIdentifier;
    private String codebase;
    private boolean allowInsecureHttp;

    private Builder() {}

    /** The ConnectWise host or URL, such as {@code na.myconnectwise.net}. */
    public Builder site(String site) {
      this.site = site;
      return this;
    }

    /** The company ID entered at ConnectWise's login page. */
    public Builder companyId(String companyId) {
      this.companyId = companyId;
      return this;
    }

    /** The API member's public key. */
    public Builder publicKey(String publicKey) {
      this.publicKey = publicKey;
      return this;
    }

    /** The API member's private key. */
    public Builder privateKey(Secret privateKey) {
      this.privateKey = privateKey;
      return this;
    }

    /** The API member's identifier (login name). */
    public Builder apiMemberIdentifier(String apiMemberIdentifier) {
      this.apiMemberIdentifier = apiMemberIdentifier;
      return this;
    }

    /** A codebase to use instead of discovering it; null or blank to discover it. */
    public Builder codebase(String codebase) {
      this.codebase = codebase;
      return this;
    }

    /** Allows an {@code http://} site; only for a local simulator. */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /** Every problem with the values set so far, empty when they can be built. */
    public List<SettingsProblem> problems() {
      List<SettingsProblem> problems = new ArrayList<>();
      if (isBlank(site)) {
        problems.add(
            new SettingsProblem(
                "site",
                "is missing: enter your ConnectWise host, such as na.myconnectwise.net or"
                    + " cw.example.com"));
      } else {
        try {
          ConnectWiseClient.siteUrl(site, allowInsecureHttp);
        } catch (IllegalArgumentException e) {
          problems.add(new SettingsProblem("site", withoutFieldName(e.getMessage(), "site")));
        }
      }
      if (isBlank(companyId)) {
        problems.add(
            new SettingsProblem(
                "companyId", "is missing: enter the company ID you use at ConnectWise's login page"));
      } else if (companyId.strip().length() > MAX_COMPANY_ID_LENGTH
          || !companyId.strip().matches("[A-Za-z0-9_.-]+")) {
        problems.add(
            new SettingsProblem(
                "companyId",
                "is not a ConnectWise company ID: use only the letters, digits, '_', '.' and '-'"
                    + " of the ID you enter at ConnectWise's login page"));
      }
      if (isBlank(publicKey)) {
        problems.add(
            new SettingsProblem(
                "publicKey",
                "is missing: in ConnectWise open System › Members › API Members, choose the API"
                    + " member, and create an API key on its API Keys tab"));
      } else if (!publicKey.strip().matches("[A-Za-z0-9]+")) {
        problems.add(
            new SettingsProblem(
                "publicKey",
                "contains characters a ConnectWise public key never has: copy it again from the"
                    + " API member's API Keys tab"));
      }
      if (privateKey == null) {
        problems.add(
            new SettingsProblem(
                "privateKey",
                "is missing: enter the private key shown once when the API key was created"
                    + " (create a new API key if it is lost)"));
      } else if (!privateKey.reveal().strip().equals(privateKey.reveal())
          || privateKey.reveal().contains(":")) {
        problems.add(
            new SettingsProblem(
                "privateKey",
                "contains spaces or ':': copy the private key again, without anything around it"));
      }
      if (isBlank(apiMemberIdentifier)) {
        problems.add(
            new SettingsProblem(
                "apiMemberIdentifier",
                "is missing: enter the member ID of the API member, as shown in System › Members"
                    + " › API Members"));
      } else if (!MEMBER_IDENTIFIER.matcher(apiMemberIdentifier.strip()).matches()) {
        problems.add(
            new SettingsProblem(
                "apiMemberIdentifier",
                "is not a ConnectWise member ID (at most 15 letters, digits or . _ - @): enter the"
                    + " API member's member ID"));
      }
      if (!isBlank(codebase) && !codebase.strip().replaceAll("^/+|/+$", "").matches("[A-Za-z0-9_.-]+")) {
        problems.add(
            new SettingsProblem(
                "codebase",
                "is not a codebase: leave it empty to discover it, or enter one such as"
                    + " v4_6_release"));
      }
      return problems;
    }

    /**
     * The settings.
     *
     * @throws InvalidSettingsException listing every problem, each with its field and fix
     */
    public PsaSettings build() {
      List<SettingsProblem> problems = problems();
      if (!problems.isEmpty()) {
        throw new InvalidSettingsException(problems);
      }
      return new PsaSettings(this);
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }

    private static String withoutFieldName(String message, String field) {
      return message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
    }
  }
}
