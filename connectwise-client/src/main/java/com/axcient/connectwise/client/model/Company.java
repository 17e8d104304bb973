package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A company: a customer, prospect, vendor or partner organisation that tickets, agreements and
 * invoices belong to ({@code /company/companies}).
 *
 * <p>To create a company, ConnectWise needs {@link #identifier()}, {@link #name()} and at least one
 * address field; an identifier that is already used is rejected.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCompany.class)
@JsonDeserialize(as = ImmutableCompany.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Company {

  Company() {}

  /** The company's id; absent on a company that is being created. */
  public abstract OptionalLong id();

  /**
   * The company's short unique code, such as "ContosoLtd". Required on create; at most 156
   * characters.
   */
  public abstract Optional<String> identifier();

  /** The company's name. Required on create; at most 156 characters. */
  public abstract Optional<String> name();

  /** The company's status, such as "Active". */
  public abstract Optional<Reference> status();

  /** The company's types, such as "Client" or "Vendor"; ConnectWise only takes them on create. */
  public abstract List<Reference> types();

  /** The first address line. At most 50 characters. */
  public abstract Optional<String> addressLine1();

  /** The second address line. At most 50 characters. */
  public abstract Optional<String> addressLine2();

  /** The city. At most 50 characters. */
  public abstract Optional<String> city();

  /** The state or province. At most 50 characters. */
  public abstract Optional<String> state();

  /** The postal code. At most 12 characters. */
  public abstract Optional<String> zip();

  /** The country. */
  public abstract Optional<Reference> country();

  /** The main phone number. At most 30 characters. */
  public abstract Optional<String> phoneNumber();

  /** The fax number. At most 30 characters. */
  public abstract Optional<String> faxNumber();

  /** The web site. At most 255 characters. */
  public abstract Optional<String> website();

  /** The sales territory the company belongs to. */
  public abstract Optional<Reference> territory();

  /** The company's market, such as "Healthcare". */
  public abstract Optional<Reference> market();

  /** The company's account number. */
  public abstract Optional<String> accountNumber();

  /** The company's default contact. */
  public abstract Optional<Reference> defaultContact();

  /** When the company became a customer. */
  public abstract Optional<Instant> dateAcquired();

  /** The parent company, for a subsidiary. */
  public abstract Optional<Reference> parentCompany();

  /** The company's annual revenue. */
  public abstract Optional<BigDecimal> annualRevenue();

  /** The company's number of employees. */
  public abstract Optional<Integer> numberOfEmployees();

  /** The member who manages the company's territory. */
  public abstract Optional<Reference> territoryManager();

  /** The company that is invoiced for this company's work. */
  public abstract Optional<Reference> billToCompany();

  /** The company's billing terms, such as "Net 30 days". */
  public abstract Optional<Reference> billingTerms();

  /** Whether the company is a lead (prospect). */
  public abstract Optional<Boolean> leadFlag();

  /** Whether the company is deleted. */
  public abstract Optional<Boolean> deletedFlag();

  /** When the company was deleted. */
  public abstract Optional<Instant> dateDeleted();

  /** The identifier of the member who deleted the company. */
  public abstract Optional<String> deletedBy();

  /** Whether the company is a vendor. */
  public abstract Optional<Boolean> isVendorFlag();

  /** The company's main site (address). */
  public abstract Optional<Reference> site();

  /** Free-form tags that integrations put on the company. */
  public abstract List<String> integratorTags();

  /** The company's custom field values. */
  public abstract List<CustomFieldValue> customFields();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a company. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Company}. */
  public static final class Builder extends ImmutableCompany.Builder {
    Builder() {}
  }
}
