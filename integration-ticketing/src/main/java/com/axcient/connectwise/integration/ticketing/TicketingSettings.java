package com.axcient.connectwise.integration.ticketing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticketing settings a user makes: the on/off switch, one rule per event class, and how the
 * product's customers map to ConnectWise companies.
 *
 * @param enabled whether ticketing runs at all; off until the user turns it on. While off, alerts
 *     are not accepted and nothing is sent to ConnectWise
 * @param rules the rule of each event class; an event class without a rule opens no tickets
 * @param customerCompanies the product's customer IDs mapped to ConnectWise company identifiers
 * @param createMissingCompanies whether a mapped company that does not exist in ConnectWise is
 *     created, with the company status {@code Imported}
 */
public record TicketingSettings(
    boolean enabled,
    Map<EventClass, TicketRule> rules,
    Map<String, String> customerCompanies,
    boolean createMissingCompanies) {

  /** Copies the maps; checks that every part is present. */
  public TicketingSettings {
    rules = Map.copyOf(Objects.requireNonNull(rules, "rules"));
    customerCompanies = Map.copyOf(Objects.requireNonNull(customerCompanies, "customerCompanies"));
    rules.forEach(
        (eventClass, rule) -> {
          if (!eventClass.equals(rule.eventClass())) {
            throw new IllegalArgumentException(
                "rules: the rule stored under " + eventClass + " is for " + rule.eventClass());
          }
        });
  }

  /**
   * Ticketing off, with no rules: the state before the user has set anything up.
   *
   * @return the settings
   */
  public static TicketingSettings off() {
    return builder().build();
  }

  /**
   * A builder with ticketing off, no rules and no customer mappings.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder().enabled(enabled).createMissingCompanies(createMissingCompanies);
    rules.values().forEach(b::rule);
    customerCompanies.forEach(b::customerCompany);
    return b;
  }

  /**
   * The rule of an event class.
   *
   * @param eventClass the event class
   * @return its rule, or empty when it has none
   */
  public Optional<TicketRule> rule(EventClass eventClass) {
    return Optional.ofNullable(rules.get(eventClass));
  }

  /** Builds {@link TicketingSettings}. */
  public static final class Builder {
    private boolean enabled;
    private final Map<EventClass, TicketRule> rules = new LinkedHashMap<>();
    private final Map<String, String> customerCompanies = new LinkedHashMap<>();
    private boolean createMissingCompanies;

    private Builder() {}

    /**
     * Turns ticketing on or off.
     *
     * @param enabled {@code true} to turn it on
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Adds or replaces the rule of the rule's event class.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(TicketRule rule) {
      rules.put(rule.eventClass(), rule);
      return this;
    }

    /**
     * Maps a product customer to a ConnectWise company.
     *
     * @param customer the customer's ID in the product
     * @param companyIdentifier the company's identifier in ConnectWise, such as {@code AcmeDental}
     * @return this builder
     */
    public Builder customerCompany(String customer, String companyIdentifier) {
      customerCompanies.put(
          Objects.requireNonNull(customer, "customer"),
          Objects.requireNonNull(companyIdentifier, "companyIdentifier"));
      return this;
    }

    /**
     * Sets whether missing mapped companies are created.
     *
     * @param createMissingCompanies {@code true} to create them with the status {@code Imported}
     * @return this builder
     */
    public Builder createMissingCompanies(boolean createMissingCompanies) {
      this.createMissingCompanies = createMissingCompanies;
      return this;
    }

    /**
     * The settings.
     *
     * @return the settings
     */
    public TicketingSettings build() {
      return new TicketingSettings(enabled, rules, customerCompanies, createMissingCompanies);
    }
  }
}
