package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The settings stored on one device: whether it inherits the global policy, its own credentials
 * and sections (used when it does not inherit, or where the policy leaves them unset), and the
 * device-only settings that a policy never sets.
 *
 * @param inheritPolicy whether the policy's values replace the device's own where the policy sets
 *     them
 * @param credentials the device's own PSA settings
 * @param sections the device's own sections, by name
 * @param serviceTicketCompanyId the ConnectWise company the device's service tickets are opened
 *     for (device-only)
 * @param billingTarget where the device's storage is billed (device-only)
 */
public record DeviceSettings(
    boolean inheritPolicy,
    Optional<PsaSettings> credentials,
    Map<String, JsonNode> sections,
    OptionalLong serviceTicketCompanyId,
    Optional<BillingTarget> billingTarget) {

  /**
   * Checks every part and copies the sections.
   *
   * @throws IllegalArgumentException when the service ticket company id is not positive
   */
  public DeviceSettings {
    Objects.requireNonNull(credentials, "credentials");
    sections = JsonValues.copySections(sections);
    Objects.requireNonNull(serviceTicketCompanyId, "serviceTicketCompanyId");
    Objects.requireNonNull(billingTarget, "billingTarget");
    if (serviceTicketCompanyId.isPresent() && serviceTicketCompanyId.getAsLong() <= 0) {
      throw new IllegalArgumentException(
          "serviceTicketCompanyId "
              + serviceTicketCompanyId.getAsLong()
              + " is not a ConnectWise id: choose the company the device's tickets are for");
    }
  }

  /** The sections as JSON (copies: changing them changes nothing here). */
  @Override
  public Map<String, JsonNode> sections() {
    return JsonValues.deepCopies(sections);
  }

  /** A builder for a device that inherits the policy and sets nothing of its own. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder().inheritPolicy(inheritPolicy);
    credentials.ifPresent(builder::credentials);
    sections.forEach(builder::section);
    serviceTicketCompanyId.ifPresent(builder::serviceTicketCompanyId);
    billingTarget.ifPresent(builder::billingTarget);
    return builder;
  }

  /** Builds {@link DeviceSettings}. */
  public static final class Builder {
    private boolean inheritPolicy = true;
    private PsaSettings credentials;
    private final Map<String, JsonNode> sections = new TreeMap<>();
    private Long serviceTicketCompanyId;
    private BillingTarget billingTarget;

    private Builder() {}

    /** Whether the device inherits the global policy (default: yes). */
    public Builder inheritPolicy(boolean inheritPolicy) {
      this.inheritPolicy = inheritPolicy;
      return this;
    }

    /** The device's own PSA settings. */
    public Builder credentials(PsaSettings credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets one of the device's own sections as JSON under its name. */
    public Builder section(String name, JsonNode json) {
      sections.put(JsonValues.requireSectionName(name), Objects.requireNonNull(json, "json"));
      return this;
    }

    /** Sets one of the device's own sections, written with its module's codec. */
    public <T> Builder section(SettingsSection<T> section, T value) {
      return section(section.name(), section.toJson(Objects.requireNonNull(value, "value")));
    }

    /** Removes one of the device's own sections. */
    public Builder removeSection(String name) {
      sections.remove(name);
      return this;
    }

    /** The ConnectWise company the device's service tickets are opened for. */
    public Builder serviceTicketCompanyId(long companyId) {
      this.serviceTicketCompanyId = companyId;
      return this;
    }

    /** Where the device's storage is billed. */
    public Builder billingTarget(BillingTarget billingTarget) {
      this.billingTarget = Objects.requireNonNull(billingTarget, "billingTarget");
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException when the service ticket company id is not positive
     */
    public DeviceSettings build() {
      return new DeviceSettings(
          inheritPolicy,
          Optional.ofNullable(credentials),
          sections,
          serviceTicketCompanyId == null
              ? OptionalLong.empty()
              : OptionalLong.of(serviceTicketCompanyId),
          Optional.ofNullable(billingTarget));
    }
  }
}
