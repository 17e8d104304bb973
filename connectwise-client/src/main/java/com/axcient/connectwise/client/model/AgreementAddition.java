package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
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
 * An agreement addition: a product or service billed on an agreement every billing cycle, such as
 * "25 x Cloud Backup per device" ({@code /finance/agreements/{id}/additions}), ConnectWise's
 * "Addition".
 *
 * <p>To add one, ConnectWise needs {@link #product()} (the catalog item, by id or identifier) and
 * {@link #billCustomer()}. An addition is cancelled by setting its {@link #cancelledDate()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreementAddition.class)
@JsonDeserialize(as = ImmutableAgreementAddition.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class AgreementAddition {

  AgreementAddition() {}

  /** The addition's id; absent on an addition that is being added. */
  public abstract OptionalLong id();

  /** The catalog item billed, by id or identifier. Required on create. */
  public abstract Optional<Reference> product();

  /** The quantity billed, exactly as entered (it may have decimals). */
  public abstract Optional<BigDecimal> quantity();

  /** The quantity included in the agreement at no extra charge. */
  public abstract Optional<BigDecimal> lessIncluded();

  /** The price per unit. */
  public abstract Optional<BigDecimal> unitPrice();

  /** The cost per unit. */
  public abstract Optional<BigDecimal> unitCost();

  /** Whether the addition is billed to the customer. Required on create. */
  public abstract Optional<BillCustomer> billCustomer();

  /** When the addition starts being billed. */
  public abstract Optional<Instant> effectiveDate();

  /** When the addition stops being billed; setting it cancels the addition. */
  public abstract Optional<Instant> cancelledDate();

  /** Whether the addition is taxable. */
  public abstract Optional<Boolean> taxableFlag();

  /** The serial number of the product. At most 50 characters. */
  public abstract Optional<String> serialNumber();

  /** The description printed on invoices. At most 6000 characters. */
  public abstract Optional<String> invoiceDescription();

  /** Whether the product needs to be purchased. */
  public abstract Optional<Boolean> purchaseItemFlag();

  /** Whether the product is a special order. */
  public abstract Optional<Boolean> specialOrderFlag();

  /** The id of the agreement the addition belongs to. */
  public abstract OptionalLong agreementId();

  /** The product's description. */
  public abstract Optional<String> description();

  /** The quantity billed. */
  public abstract Optional<BigDecimal> billedQuantity();

  /** The product's unit of measure, such as "Each". */
  public abstract Optional<String> uom();

  /** The extended price for the whole quantity. */
  public abstract Optional<BigDecimal> extPrice();

  /** The extended cost for the whole quantity. */
  public abstract Optional<BigDecimal> extCost();

  /** The addition's position in the agreement's list of additions. */
  public abstract Optional<BigDecimal> sequenceNumber();

  /** The margin between the extended price and the extended cost. */
  public abstract Optional<BigDecimal> margin();

  /** The prorated cost per unit for a partial billing period. */
  public abstract Optional<BigDecimal> prorateCost();

  /** The prorated price per unit for a partial billing period. */
  public abstract Optional<BigDecimal> proratePrice();

  /** The prorated extended cost for a partial billing period. */
  public abstract Optional<BigDecimal> extendedProrateCost();

  /** The prorated extended price for a partial billing period. */
  public abstract Optional<BigDecimal> extendedProratePrice();

  /** Whether the current partial billing period is prorated. */
  public abstract Optional<Boolean> prorateCurrentPeriodFlag();

  /** The sales opportunity the addition came from. */
  public abstract Optional<Reference> opportunity();

  /** The status of the agreement the addition belongs to. */
  public abstract Optional<Agreement.Status> agreementStatus();

  /** How the addition is grouped on invoices. */
  public abstract Optional<Reference> invoiceGrouping();

  /** The addition's custom field values. */
  public abstract List<CustomFieldValue> customFields();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for an agreement addition. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AgreementAddition}. */
  public static final class Builder extends ImmutableAgreementAddition.Builder {
    Builder() {}
  }

  /**
   * Whether an agreement addition is billed to the customer. Unlike {@link BillingOption}, an
   * addition has no "no default" choice.
   *
   * <p>{@link #UNKNOWN} stands for an option this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum BillCustomer {
    /** Billed to the customer. */
    @JsonProperty("Billable")
    BILLABLE,
    /** Not billed, and not shown on the invoice. */
    @JsonProperty("DoNotBill")
    DO_NOT_BILL,
    /** Shown on the invoice at no charge. */
    @JsonProperty("NoCharge")
    NO_CHARGE,
    /** An option this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
