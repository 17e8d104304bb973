package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A product or service in the procurement catalog, such as a device, a licence or "Cloud Backup per
 * device" ({@code /procurement/catalog}). Agreement additions and ticket products refer to catalog
 * items.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCatalogItem.class)
@JsonDeserialize(as = ImmutableCatalogItem.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class CatalogItem {

  CatalogItem() {}

  /** The item's id; absent on an item that is being created. */
  public abstract OptionalLong id();

  /** The item's unique code, such as a part number. Required on create; at most 75 characters. */
  public abstract Optional<String> identifier();

  /** The item's short description. Required on create; at most 60 characters. */
  public abstract Optional<String> description();

  /** Whether the item is inactive, so it cannot be sold any more. */
  public abstract Optional<Boolean> inactiveFlag();

  /** The item's product subcategory. Required on create. */
  public abstract Optional<Reference> subcategory();

  /** The item's product type. Required on create. */
  public abstract Optional<Reference> type();

  /** Whether the item is an agreement, a bundle, stock, a non-stock product or a service. */
  public abstract Optional<ProductClass> productClass();

  /** Whether each unit of the item has a serial number. */
  public abstract Optional<Boolean> serializedFlag();

  /** The item's unit of measure, such as "Each". */
  public abstract Optional<Reference> unitOfMeasure();

  /** The item's price per unit. */
  public abstract Optional<BigDecimal> price();

  /** The item's cost per unit. */
  public abstract Optional<BigDecimal> cost();

  /** Whether the item is taxable. */
  public abstract Optional<Boolean> taxableFlag();

  /** Whether the vendor ships the item straight to the customer. */
  public abstract Optional<Boolean> dropShipFlag();

  /** Whether the item is a special order. */
  public abstract Optional<Boolean> specialOrderFlag();

  /** The item's description for customers. Required on create; at most 6000 characters. */
  public abstract Optional<String> customerDescription();

  /** The item's manufacturer. */
  public abstract Optional<Reference> manufacturer();

  /** The manufacturer's part number. At most 50 characters. */
  public abstract Optional<String> manufacturerPartNumber();

  /** The vendor company the item is bought from. */
  public abstract Optional<Reference> vendor();

  /** The vendor's stock keeping unit. At most 50 characters. */
  public abstract Optional<String> vendorSku();

  /** Notes about the item. */
  public abstract Optional<String> notes();

  /** A reference to the item in another system. At most 50 characters. */
  public abstract Optional<String> integrationXRef();

  /** Whether the item is billed every billing cycle. */
  public abstract Optional<Boolean> recurringFlag();

  /** The recurring price per billing cycle. */
  public abstract Optional<BigDecimal> recurringRevenue();

  /** The recurring cost per billing cycle. */
  public abstract Optional<BigDecimal> recurringCost();

  /** Whether the recurring charge is billed once only. */
  public abstract Optional<Boolean> recurringOneTimeFlag();

  /** How often the recurring charge is billed, such as monthly. */
  public abstract Optional<Reference> recurringBillCycle();

  /** The item's product category. */
  public abstract Optional<Reference> category();

  /** Whether the item is billed to the customer when it is used on a ticket or project. */
  public abstract Optional<BillingOption> billableOption();

  /** The agreement type created when an agreement item is sold. */
  public abstract Optional<Reference> agreementType();

  /** The item's custom field values. */
  public abstract List<CustomFieldValue> customFields();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a catalog item. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CatalogItem}. */
  public static final class Builder extends ImmutableCatalogItem.Builder {
    Builder() {}
  }

  /**
   * What kind of product a catalog item is.
   *
   * <p>{@link #UNKNOWN} stands for a class this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum ProductClass {
    /** An agreement sold as a product. */
    @JsonProperty("Agreement")
    AGREEMENT,
    /** A bundle of other catalog items. */
    @JsonProperty("Bundle")
    BUNDLE,
    /** A product kept in stock. */
    @JsonProperty("Inventory")
    INVENTORY,
    /** A product not kept in stock; ConnectWise's default. */
    @JsonProperty("NonInventory")
    NON_INVENTORY,
    /** A service. */
    @JsonProperty("Service")
    SERVICE,
    /** A class this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
