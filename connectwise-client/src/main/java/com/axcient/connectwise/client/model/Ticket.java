package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 * A service ticket: a request or incident a customer company raised, worked on a service board
 * until it reaches a closed status ({@code /service/tickets}).
 *
 * <p>To create a ticket, ConnectWise needs at least {@link #summary()} and {@link #company()}; a
 * {@link #board()} is usually set too. The
 * {@code initial*} fields, {@link #processNotifications()} and {@link #skipCallback()} only take
 * effect on writes and are never returned.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTicket.class)
@JsonDeserialize(builder = Ticket.Builder.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Ticket {

  Ticket() {}

  /** The ticket number; absent on a ticket that is being created. */
  public abstract OptionalLong id();

  /** The one-line summary shown on the board. Required on create; at most 100 characters. */
  public abstract Optional<String> summary();

  /** Whether this is a service ticket or a project ticket or issue. */
  public abstract Optional<RecordType> recordType();

  /** The service board the ticket is on. */
  public abstract Optional<Reference> board();

  /** The ticket's status on its board, such as "New" or "Completed". */
  public abstract Optional<Reference> status();

  /** The default work role for time entered on the ticket. */
  public abstract Optional<Reference> workRole();

  /** The default work type for time entered on the ticket. */
  public abstract Optional<Reference> workType();

  /** The customer company the ticket is for. Required on create. */
  public abstract Optional<Reference> company();

  /** The company's site (address) the ticket is about. */
  public abstract Optional<Reference> site();

  /** The site's name. At most 156 characters. */
  public abstract Optional<String> siteName();

  /** The first address line. At most 50 characters. */
  public abstract Optional<String> addressLine1();

  /** The second address line. At most 50 characters. */
  public abstract Optional<String> addressLine2();

  /** The city. At most 50 characters. */
  public abstract Optional<String> city();

  /** The state or province. At most 50 characters. */
  public abstract Optional<String> stateIdentifier();

  /** The postal code. At most 12 characters. */
  public abstract Optional<String> zip();

  /** The country. */
  public abstract Optional<Reference> country();

  /** The customer contact who raised the ticket. */
  public abstract Optional<Reference> contact();

  /** The contact's name. At most 62 characters. */
  public abstract Optional<String> contactName();

  /** The contact's phone number. At most 20 characters. */
  public abstract Optional<String> contactPhoneNumber();

  /** The extension of the contact's phone number. At most 15 characters. */
  public abstract Optional<String> contactPhoneExtension();

  /** The contact's e-mail address. At most 250 characters. */
  public abstract Optional<String> contactEmailAddress();

  /** The ticket's type on its board, such as "Incident". */
  public abstract Optional<Reference> type();

  /** The ticket's subtype on its board. */
  public abstract Optional<Reference> subType();

  /** The ticket's item on its board. */
  public abstract Optional<Reference> item();

  /** The board team the ticket is assigned to. */
  public abstract Optional<Reference> team();

  /** The member who owns the ticket. */
  public abstract Optional<Reference> owner();

  /** The ticket's priority. */
  public abstract Optional<Reference> priority();

  /** Where the work happens, such as "On-Site" or "Remote". */
  public abstract Optional<Reference> serviceLocation();

  /** How the ticket came in, such as "Phone", "Email" or "Portal". */
  public abstract Optional<Reference> source();

  /** The date the work is due. */
  public abstract Optional<Instant> requiredDate();

  /** The hours budgeted for the ticket. */
  public abstract Optional<BigDecimal> budgetHours();

  /** The sales opportunity the ticket belongs to. */
  public abstract Optional<Reference> opportunity();

  /** The customer agreement the ticket's work is covered by. */
  public abstract Optional<Reference> agreement();

  /** How urgent the ticket is (ConnectWise's "Urgency"). Required on updates. */
  public abstract Optional<Severity> severity();

  /** How much of the customer's business the ticket affects. Required on updates. */
  public abstract Optional<Impact> impact();

  /** A reference to the ticket in another system. At most 100 characters. */
  public abstract Optional<String> externalXRef();

  /** The customer's purchase order number. At most 50 characters. */
  public abstract Optional<String> poNumber();

  /** Whether every contact of the company can see the ticket in the customer portal. */
  public abstract Optional<Boolean> allowAllClientsPortalView();

  /** Whether the customer updated the ticket since a member last looked at it. */
  public abstract Optional<Boolean> customerUpdatedFlag();

  /** Whether the contact is e-mailed about changes to the ticket. */
  public abstract Optional<Boolean> automaticEmailContactFlag();

  /** Whether the assigned members are e-mailed about changes to the ticket. */
  public abstract Optional<Boolean> automaticEmailResourceFlag();

  /** Whether the {@link #automaticEmailCc()} addresses are e-mailed about changes. */
  public abstract Optional<Boolean> automaticEmailCcFlag();

  /** Further addresses e-mailed about changes. At most 1000 characters. */
  public abstract Optional<String> automaticEmailCc();

  /** The first discussion note, written only when the ticket is created; never returned. */
  public abstract Optional<String> initialDescription();

  /** The first internal note, written only when the ticket is created; never returned. */
  public abstract Optional<String> initialInternalAnalysis();

  /** The first resolution note, written only when the ticket is created; never returned. */
  public abstract Optional<String> initialResolution();

  /**
   * Whether ConnectWise runs its workflow e-mails and notifications for this write; {@code false}
   * skips them. Only used on writes.
   */
  public abstract Optional<Boolean> processNotifications();

  /** Whether this write skips the callbacks (webhooks) registered for tickets; writes only. */
  public abstract Optional<Boolean> skipCallback();

  /** When the ticket was closed. */
  public abstract Optional<Instant> closedDate();

  /** The identifier of the member who closed the ticket. */
  public abstract Optional<String> closedBy();

  /** Whether the ticket is closed. */
  public abstract Optional<Boolean> closedFlag();

  /** The hours worked on the ticket so far. */
  public abstract Optional<BigDecimal> actualHours();

  /** Whether the ticket's charges are approved for billing. */
  public abstract Optional<Boolean> approved();

  /** Whether time on the ticket is billed. */
  public abstract Optional<BillingOption> billTime();

  /** Whether expenses on the ticket are billed. */
  public abstract Optional<BillingOption> billExpenses();

  /** Whether products on the ticket are billed. */
  public abstract Optional<BillingOption> billProducts();

  /** Whether the ticket is within its service level agreement. */
  public abstract Optional<Boolean> isInSla();

  /** The number of the parent ticket, for a child ticket. */
  public abstract OptionalLong parentTicketId();

  /** Whether other tickets have this one as their parent. */
  public abstract Optional<Boolean> hasChildTicket();

  /** The ticket this one was merged into (its id only: ConnectWise sends no name for it). */
  public abstract Optional<Reference> mergedParentTicket();

  /** The office location that handles the ticket. */
  public abstract Optional<Reference> location();

  /** The department that handles the ticket. */
  public abstract Optional<Reference> department();

  /** The service level agreement that sets the ticket's response times. */
  public abstract Optional<Reference> sla();

  /** Free-form tags that integrations put on the ticket. */
  @JsonSetter(nulls = Nulls.SKIP)
  public abstract List<String> integratorTags();

  /** The ticket's custom field values. */
  @JsonSetter(nulls = Nulls.SKIP)
  public abstract List<CustomFieldValue> customFields();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  @JsonSetter(nulls = Nulls.SKIP)
  public abstract Map<String, String> info();

  /** A builder for a ticket, for creating one or changing a copy with {@code from(ticket)}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Ticket}; JSON is read straight into it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder extends ImmutableTicket.Builder {
    Builder() {}
  }

  /**
   * The kind of ticket.
   *
   * <p>{@link #UNKNOWN} stands for a kind this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum RecordType {
    /** A ticket on a service board. */
    @JsonProperty("ServiceTicket")
    SERVICE_TICKET,
    /** A ticket in a project's work plan. */
    @JsonProperty("ProjectTicket")
    PROJECT_TICKET,
    /** An issue raised on a project. */
    @JsonProperty("ProjectIssue")
    PROJECT_ISSUE,
    /** A kind this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * How urgent a ticket is; together with {@link Impact} it rates the ticket.
   *
   * <p>{@link #UNKNOWN} stands for a value this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum Severity {
    /** Low urgency. */
    @JsonProperty("Low")
    LOW,
    /** Medium urgency. */
    @JsonProperty("Medium")
    MEDIUM,
    /** High urgency. */
    @JsonProperty("High")
    HIGH,
    /** A value this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * How much of the customer's business a ticket affects; together with {@link Severity} it rates
   * the ticket.
   *
   * <p>{@link #UNKNOWN} stands for a value this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum Impact {
    /** Low impact. */
    @JsonProperty("Low")
    LOW,
    /** Medium impact. */
    @JsonProperty("Medium")
    MEDIUM,
    /** High impact. */
    @JsonProperty("High")
    HIGH,
    /** A value this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
