package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings defined once for many devices: the ConnectWise credentials and the product's sections
 * (such as the ticketing rules and the billing defaults), each as JSON under its name. A policy
 * may set any of them; what it leaves unset comes from the device. It never holds device-only
 * settings (the service ticket company, the billing target).
 *
 * @param credentials the PSA settings every inheriting device uses, if the policy sets them
 * @param sections the product's sections the policy sets, by name
 */
public record GlobalPolicy(Optional<PsaSettings> credentials, Map<String, JsonNode> sections) {

  /** Checks both parts and copies the sections. */
  public GlobalPolicy {
    Objects.requireNonNull(credentials, "credentials");
    sections = JsonValues.copySections(sections);
  }

  /** A policy that sets nothing. */
  public static GlobalPolicy empty() {
    return builder().build();
  }

  /** The sections as JSON (copies: changing them changes nothing here). */
  @Override
  public Map<String, JsonNode> sections() {
    return JsonValues.deepCopies(sections);
  }

  /** A builder for a policy that sets nothing yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GlobalPolicy}. */
  public static final class Builder {
    private PsaSettings credentials;
    private final Map<String, JsonNode> sections = new TreeMap<>();

    private Builder() {}

    /** The PSA settings every inheriting device uses. */
    public Builder credentials(PsaSettings credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Sets a section as JSON under its name. */
    public Builder section(String name, JsonNode json) {
      sections.put(JsonValues.requireSectionName(name), Objects.requireNonNull(json, "json"));
      return this;
    }

    /** Sets a section's value, written with its module's {@link SettingsSection#toJson}. */
    public <T> Builder section(SettingsSection<T> section, T value) {
      return section(section.name(), section.toJson(Objects.requireNonNull(value, "value")));
    }

    /** The policy. */
    public GlobalPolicy build() {
      return new GlobalPolicy(Optional.ofNullable(credentials), sections);
    }
  }
}
