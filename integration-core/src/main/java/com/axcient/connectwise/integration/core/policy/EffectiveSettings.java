package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings a device works with: its own merged with the global policy, each value with its
 * {@link Source}.
 *
 * <p>Merge rules: when the device inherits, each value the policy sets (the credentials, each
 * section as a whole) comes from the policy; anything else comes from the device, and failing that
 * from the default. A device that does not inherit uses only its own values and the defaults.
 * Device-only settings (the service ticket company, the billing target) always come from the
 * device. A section is taken whole from one source, never field by field, so its parts always
 * belong together (a status always belongs to the board it was chosen with).
 *
 * @param inheritPolicy whether the device inherits the policy
 * @param policyVersion the version of the policy merged in; empty when none was
 * @param credentials the PSA settings to connect with
 * @param sections every section that has a value or a registered default, by name
 * @param serviceTicketCompanyId the company the device's service tickets are opened for
 * @param billingTarget where the device's storage is billed
 */
public record EffectiveSettings(
    boolean inheritPolicy,
    Optional<String> policyVersion,
    Sourced<PsaSettings> credentials,
    Map<String, Sourced<JsonNode>> sections,
    Sourced<Long> serviceTicketCompanyId,
    Sourced<BillingTarget> billingTarget) {

  /** Checks every part and copies the sections. */
  public EffectiveSettings {
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(credentials, "credentials");
    sections = copy(sections);
    Objects.requireNonNull(serviceTicketCompanyId, "serviceTicketCompanyId");
    Objects.requireNonNull(billingTarget, "billingTarget");
  }

  /**
   * Merges a device's settings with the policy.
   *
   * @param policy the policy, empty when none is known
   * @param device the device's settings
   * @param knownSections the sections whose defaults apply when neither sets them
   */
  public static EffectiveSettings merge(
      Optional<FetchedPolicy> policy,
      DeviceSettings device,
      Collection<? extends SettingsSection<?>> knownSections) {
    Optional<FetchedPolicy> inherited = device.inheritPolicy() ? policy : Optional.empty();
    Optional<PsaSettings> policyCredentials =
        inherited.flatMap(p -> p.policy().credentials());
    Sourced<PsaSettings> credentials =
        policyCredentials.isPresent()
            ? Sourced.fromPolicy(policyCredentials.get())
            : device.credentials().map(Sourced::fromDevice).orElseGet(() -> Sourced.byDefault(Optional.empty()));

    Map<String, Sourced<JsonNode>> sections = new TreeMap<>();
    for (SettingsSection<?> section : knownSections) {
      sections.put(section.name(), Sourced.byDefault(defaultJson(section)));
    }
    device.sections().forEach((name, json) -> sections.put(name, Sourced.fromDevice(json)));
    inherited.ifPresent(
        p -> p.policy().sections().forEach((name, json) -> sections.put(name, Sourced.fromPolicy(json))));

    return new EffectiveSettings(
        device.inheritPolicy(),
        inherited.map(FetchedPolicy::version),
        credentials,
        sections,
        device.serviceTicketCompanyId().isPresent()
            ? Sourced.fromDevice(device.serviceTicketCompanyId().getAsLong())
            : Sourced.byDefault(Optional.empty()),
        device.billingTarget().map(Sourced::fromDevice).orElseGet(() -> Sourced.byDefault(Optional.empty())));
  }

  /** The sections (copies: changing them changes nothing here). */
  @Override
  public Map<String, Sourced<JsonNode>> sections() {
    return copy(sections);
  }

  /** A section as JSON with its source; a default without a value when nothing sets it. */
  public Sourced<JsonNode> section(String name) {
    Sourced<JsonNode> section = sections.get(name);
    return section == null ? Sourced.byDefault(Optional.empty()) : copy(section);
  }

  /** A section as its module's type, with its source. */
  public <T> Sourced<T> section(SettingsSection<T> section) {
    Sourced<JsonNode> json = section(section.name());
    if (json.value().isEmpty()) {
      return Sourced.byDefault(section.defaultValue());
    }
    return new Sourced<>(Optional.of(section.fromJson(json.value().get())), json.source());
  }

  private static <T> Optional<JsonNode> defaultJson(SettingsSection<T> section) {
    return section.defaultValue().map(section::toJson);
  }

  private static Map<String, Sourced<JsonNode>> copy(Map<String, Sourced<JsonNode>> sections) {
    Map<String, Sourced<JsonNode>> copy = new TreeMap<>();
    sections.forEach((name, value) -> copy.put(Objects.requireNonNull(name), copy(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Sourced<JsonNode> copy(Sourced<JsonNode> value) {
    return new Sourced<>(value.value().map(JsonNode::deepCopy), value.source());
  }
}
