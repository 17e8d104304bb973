package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.InvalidSettingsException;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings read from a settings file, after every check passed. Nothing has been applied:
 * storing them is the caller's job.
 *
 * <p>A file exported without a passphrase holds no private key: {@link #psaSettings()} is then
 * empty and the user enters the key again, which {@link #psaSettingsWith(Secret)} combines with
 * the rest. {@link #toString()} never shows the private key.
 */
public final class ImportedSettings {

  private final int formatVersion;
  private final Instant exportedAt;
  private final String site;
  private final String companyId;
  private final String publicKey;
  private final String apiMemberIdentifier;
  private final String codebase;
  private final boolean allowInsecureHttp;
  private final Secret privateKey;
  private final Map<String, JsonNode> sections;

  ImportedSettings(
      int formatVersion,
      Instant exportedAt,
      String site,
      String companyId,
      String publicKey,
      String apiMemberIdentifier,
      String codebase,
      boolean allowInsecureHttp,
      Secret privateKey,
      Map<String, JsonNode> sections) {
    this.formatVersion = formatVersion;
    this.exportedAt = exportedAt;
    this.site = site;
    this.companyId = companyId;
    this.publicKey = publicKey;
    this.apiMemberIdentifier = apiMemberIdentifier;
    this.codebase = codebase;
    this.allowInsecureHttp = allowInsecureHttp;
    this.privateKey = privateKey;
    this.sections = JsonValues.copySections(sections);
  }

  /** The document format version the file was written in. */
  public int formatVersion() {
    return formatVersion;
  }

  /** When the file was exported, if it says. */
  public Optional<Instant> exportedAt() {
    return Optional.ofNullable(exportedAt);
  }

  /** The ConnectWise site. */
  public String site() {
    return site;
  }

  /** The company ID used at ConnectWise's login page. */
  public String companyId() {
    return companyId;
  }

  /** The API member's public key. */
  public String publicKey() {
    return publicKey;
  }

  /** The API member's identifier. */
  public String apiMemberIdentifier() {
    return apiMemberIdentifier;
  }

  /** The codebase the settings name, when they name one. */
  public Optional<String> codebase() {
    return Optional.ofNullable(codebase);
  }

  /** Whether the file held the private key (encrypted with a passphrase). */
  public boolean privateKeyIncluded() {
    return privateKey != null;
  }

  /** The complete PSA settings, when the file held the private key. */
  public Optional<PsaSettings> psaSettings() {
    return privateKey == null ? Optional.empty() : Optional.of(psaSettingsWith(privateKey));
  }

  /**
   * The PSA settings from the file with this private key, such as one the user entered again
   * after importing a file exported without a passphrase.
   *
   * @throws InvalidSettingsException naming the fix when the private key is not usable
   */
  public PsaSettings psaSettingsWith(Secret privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    return PsaSettings.builder()
        .site(site)
        .companyId(companyId)
        .publicKey(publicKey)
        .privateKey(privateKey)
        .apiMemberIdentifier(apiMemberIdentifier)
        .codebase(codebase)
        .allowInsecureHttp(allowInsecureHttp)
        .build();
  }

  /** Every section in the file as JSON, by name (copies: changing them changes nothing here). */
  public Map<String, JsonNode> sections() {
    return JsonValues.deepCopies(sections);
  }

  /** The section's value as its module's type, when the file has that section. */
  public <T> Optional<T> section(SettingsSection<T> section) {
    JsonNode json = sections.get(section.name());
    return json == null ? Optional.empty() : Optional.of(section.fromJson(json.deepCopy()));
  }

  /** The settings without the private key, which is shown only as included or not. */
  @Override
  public String toString() {
    return "ImportedSettings[formatVersion="
        + formatVersion
        + ", site="
        + site
        + ", companyId="
        + companyId
        + ", publicKey="
        + publicKey
        + ", apiMemberIdentifier="
        + apiMemberIdentifier
        + (codebase == null ? "" : ", codebase=" + codebase)
        + ", privateKey="
        + (privateKey == null ? "not included" : "included")
        + ", sections="
        + sections.keySet()
        + "]";
  }
}
