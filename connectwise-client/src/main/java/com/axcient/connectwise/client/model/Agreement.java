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
 * An agreement: a contract with a customer company, such as a managed-services contract or a block
 * of prepaid hours, that covers work and bills a recurring amount ({@code /finance/agreements}).
 * The products and services it bills are its {@link AgreementAddition additions}.
 *
 * <p>To create an agreement, ConnectWise needs {@link #name()}, {@link #type()},
 * {@link #company()} and {@link #contact()}; updates also need the billing fields marked
 * "required on updates".
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreement.class)
@JsonDeserialize(as = ImmutableAgreement.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Agreement {

  Agreement() {}

  /** The agreement's id; absent on an agreement that is being created. */
  public abstract OptionalLong id();

  /** The agreement's name. Required on create; at most 100 characters. */
  public abstract Optional<String> name();

  /** The agreement type, such as "Managed Services". Required on create. */
  public abstract Optional<Reference> type();

  /** The customer company. Required on create. */
  public abstract Optional<Reference> company();

  /** The customer's contact for the agreement. Required on create. */
  public abstract Optional<Reference> contact();

  /** The customer's site (address) the agreement is for. */
  public abstract Optional<Reference> site();

  /** The parent agreement, for a child agreement. */
  public abstract Optional<Reference> parentAgreement();

  /** The customer's purchase order number. At most 50 characters. */
  public abstract Optional<String> customerPO();

  /** The office location that owns the agreement. */
  public abstract Optional<Reference> location();

  /** The department that owns the agreement. */
  public abstract Optional<Reference> department();

  /** When the agreement starts. */
  public abstract Optional<Instant> startDate();

  /** When the agreement ends, unless {@link #noEndingDateFlag()} is set. */
  public abstract Optional<Instant> endDate();

  /** Whether the agreement runs until it is cancelled. */
  public abstract Optional<Boolean> noEndingDateFlag();

  /** Whether the agreement is cancelled. */
  public abstract Optional<Boolean> cancelledFlag();

  /** When the agreement was cancelled. */
  public abstract Optional<Instant> dateCancelled();

  /** Why the agreement was cancelled. At most 100 characters. */
  public abstract Optional<String> reasonCancelled();

  /** The service level agreement for the customer's tickets. */
  public abstract Optional<Reference> sla();

  /** The work order number. At most 20 characters. */
  public abstract Optional<String> workOrder();

  /** Notes for members only. */
  public abstract Optional<String> internalNotes();

  /** What the agreement's allowance counts: an amount, hours or incidents. */
  public abstract Optional<ApplicationUnits> applicationUnits();

  /** The allowance per {@link #applicationCycle()}, in {@link #applicationUnits()}. */
  public abstract Optional<BigDecimal> applicationLimit();

  /** The period after which the allowance starts again. */
  public abstract Optional<ApplicationCycle> applicationCycle();

  /** Whether the allowance is unlimited. */
  public abstract Optional<Boolean> applicationUnlimitedFlag();

  /** Whether the agreement bills once rather than every billing cycle. */
  public abstract Optional<Boolean> oneTimeFlag();

  /** Whether the agreement covers time. */
  public abstract Optional<Boolean> coverAgreementTime();

  /** Whether the agreement covers products. */
  public abstract Optional<Boolean> coverAgreementProduct();

  /** Whether the agreement covers expenses. */
  public abstract Optional<Boolean> coverAgreementExpense();

  /** Whether an unused allowance carries over to the next cycle. */
  public abstract Optional<Boolean> carryOverUnused();

  /** Whether work beyond the allowance is still covered (and billed as overrun). */
  public abstract Optional<Boolean> allowOverruns();

  /** The number of days after which carried-over allowance expires. */
  public abstract Optional<Integer> expiredDays();

  /** Whether the agreement expires when its allowance reaches zero. */
  public abstract Optional<Boolean> expireWhenZero();

  /** Whether work under the agreement is charged to the firm rather than to the customer. */
  public abstract Optional<Boolean> chargeToFirm();

  /** How members are paid for the agreement's work. Required on updates. */
  public abstract Optional<EmployeeCompRate> employeeCompRate();

  /** How often the agreement is invoiced, such as monthly. */
  public abstract Optional<Reference> billingCycle();

  /** Whether a one-time charge is billed. */
  public abstract Optional<Boolean> billOneTimeFlag();

  /** The billing terms, such as "Net 30 days". */
  public abstract Optional<Reference> billingTerms();

  /** Which year the invoicing follows. Required on updates. */
  public abstract Optional<InvoicingCycle> invoicingCycle();

  /** The company that is invoiced, when it differs from {@link #company()}. */
  public abstract Optional<Reference> billToCompany();

  /** The contact the invoices go to. */
  public abstract Optional<Reference> billToContact();

  /** The site (address) the invoices go to. */
  public abstract Optional<Reference> billToSite();

  /** The amount billed every billing cycle. */
  public abstract Optional<BigDecimal> billAmount();

  /** Whether the agreement's billing is taxable. */
  public abstract Optional<Boolean> taxable();

  /** The prorated amount of the first invoice. */
  public abstract Optional<BigDecimal> prorateFirstBill();

  /** When billing starts. */
  public abstract Optional<Instant> billStartDate();

  /** The tax code applied to the agreement's invoices. */
  public abstract Optional<Reference> taxCode();

  /** Whether the first invoice is prorated. */
  public abstract Optional<Boolean> prorateFlag();

  /** The description printed on invoices. */
  public abstract Optional<String> invoiceDescription();

  /** The default work role for time under the agreement. */
  public abstract Optional<Reference> workRole();

  /** The default work type for time under the agreement. */
  public abstract Optional<Reference> workType();

  /** The invoice template used for the agreement's invoices. */
  public abstract Optional<Reference> invoiceTemplate();

  /** Whether time under the agreement is billed. Required on updates. */
  public abstract Optional<BillingOption> billTime();

  /** Whether expenses under the agreement are billed. Required on updates. */
  public abstract Optional<BillingOption> billExpenses();

  /** Whether products under the agreement are billed. Required on updates. */
  public abstract Optional<BillingOption> billProducts();

  /** Whether billable time is put on the agreement's invoice. */
  public abstract Optional<Boolean> billableTimeInvoice();

  /** Whether billable expenses are put on the agreement's invoice. */
  public abstract Optional<Boolean> billableExpenseInvoice();

  /** Whether billable products are put on the agreement's invoice. */
  public abstract Optional<Boolean> billableProductInvoice();

  /** Whether ConnectWise creates the agreement's invoices automatically. */
  public abstract Optional<Boolean> autoInvoiceFlag();

  /** The agreement's status: active, cancelled, expired or inactive. */
  public abstract Optional<Status> agreementStatus();

  /** The agreement's custom field values. */
  public abstract List<CustomFieldValue> customFields();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for an agreement. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Agreement}. */
  public static final class Builder extends ImmutableAgreement.Builder {
    Builder() {}
  }

  /**
   * The status of an agreement; agreement additions report their agreement's status too.
   *
   * <p>{@link #UNKNOWN} stands for a status this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum Status {
    /** Active. */
    @JsonProperty("Active")
    ACTIVE,
    /** Cancelled. */
    @JsonProperty("Cancelled")
    CANCELLED,
    /** Past its end date. */
    @JsonProperty("Expired")
    EXPIRED,
    /** Inactive. */
    @JsonProperty("Inactive")
    INACTIVE,
    /** A status this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * What an agreement's allowance counts.
   *
   * <p>{@link #UNKNOWN} stands for a unit this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum ApplicationUnits {
    /** An amount of money. */
    @JsonProperty("Amount")
    AMOUNT,
    /** Hours of work. */
    @JsonProperty("Hours")
    HOURS,
    /** A number of tickets (incidents). */
    @JsonProperty("Incidents")
    INCIDENTS,
    /** A unit this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * The period after which an agreement's allowance starts again.
   *
   * <p>{@link #UNKNOWN} stands for a period this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum ApplicationCycle {
    /** Every two weeks from the agreement's start. */
    @JsonProperty("Contract2Weeks")
    CONTRACT_2_WEEKS,
    /** Every four weeks from the agreement's start. */
    @JsonProperty("Contract4Weeks")
    CONTRACT_4_WEEKS,
    /** Every year from the agreement's start. */
    @JsonProperty("ContractYear")
    CONTRACT_YEAR,
    /** Every calendar month. */
    @JsonProperty("CalendarMonth")
    CALENDAR_MONTH,
    /** Every calendar quarter. */
    @JsonProperty("CalendarQuarter")
    CALENDAR_QUARTER,
    /** Every calendar week. */
    @JsonProperty("CalendarWeek")
    CALENDAR_WEEK,
    /** Every quarter from the agreement's start. */
    @JsonProperty("ContractQuarter")
    CONTRACT_QUARTER,
    /** Every calendar year. */
    @JsonProperty("CalendarYear")
    CALENDAR_YEAR,
    /** A period this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * How members are paid for an agreement's work.
   *
   * <p>{@link #UNKNOWN} stands for a rate this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum EmployeeCompRate {
    /** At their actual rate. */
    @JsonProperty("Actual")
    ACTUAL,
    /** At the agreement's hourly rate. */
    @JsonProperty("Hourly")
    HOURLY,
    /** A rate this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * Which year an agreement's invoicing follows.
   *
   * <p>{@link #UNKNOWN} stands for a cycle this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum InvoicingCycle {
    /** The year from the agreement's start. */
    @JsonProperty("ContractYear")
    CONTRACT_YEAR,
    /** The calendar year. */
    @JsonProperty("CalendarYear")
    CALENDAR_YEAR,
    /** A cycle this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
