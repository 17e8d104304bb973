package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A member: a user of the ConnectWise instance, such as a technician, a manager or an API member
 * that an integration signs in as ({@code /system/members}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMember.class)
@JsonDeserialize(as = ImmutableMember.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Member {

  Member() {}

  /** The member's id; absent on a member that is being created. */
  public abstract OptionalLong id();

  /** The member's sign-in name, such as "jdoe". Required on create; at most 15 characters. */
  public abstract Optional<String> identifier();

  /** The member's licence: full, API, StreamlineIT or subcontractor. Required on create. */
  public abstract Optional<LicenseClass> licenseClass();

  /** The member's first name. Required on create; at most 30 characters. */
  public abstract Optional<String> firstName();

  /** The member's middle initial. At most 1 character. */
  public abstract Optional<String> middleInitial();

  /** The member's last name. Required on create; at most 30 characters. */
  public abstract Optional<String> lastName();

  /** The member's job title. */
  public abstract Optional<String> title();

  /** When the member was hired. Required on create. */
  public abstract Optional<Instant> hireDate();

  /** Whether the member is inactive and can no longer sign in. */
  public abstract Optional<Boolean> inactiveFlag();

  /** When the member was made inactive. */
  public abstract Optional<Instant> inactiveDate();

  /** The member's office e-mail address. At most 250 characters. */
  public abstract Optional<String> officeEmail();

  /** The member's mobile e-mail address. At most 250 characters. */
  public abstract Optional<String> mobileEmail();

  /** The member's home e-mail address. At most 250 characters. */
  public abstract Optional<String> homeEmail();

  /** Which of the member's e-mail addresses is used by default. Required on create. */
  public abstract Optional<ContactChannel> defaultEmail();

  /** The member's primary e-mail address. At most 250 characters. */
  public abstract Optional<String> primaryEmail();

  /** The member's office phone number. At most 15 characters. */
  public abstract Optional<String> officePhone();

  /** The extension of the member's office phone. At most 10 characters. */
  public abstract Optional<String> officeExtension();

  /** The member's mobile phone number. At most 15 characters. */
  public abstract Optional<String> mobilePhone();

  /** Which of the member's phone numbers is used by default. Required on create. */
  public abstract Optional<ContactChannel> defaultPhone();

  /** The security role that decides what the member may see and change. Required on create. */
  public abstract Optional<Reference> securityRole();

  /** The member's type, such as "Technician". */
  public abstract Optional<Reference> type();

  /** The member's time zone. */
  public abstract Optional<Reference> timeZone();

  /** The member's manager. */
  public abstract Optional<Reference> reportsTo();

  /** The member's default office location. */
  public abstract Optional<Reference> defaultLocation();

  /** The member's default department. */
  public abstract Optional<Reference> defaultDepartment();

  /** The service board the member's new tickets go to by default. */
  public abstract Optional<Reference> serviceDefaultBoard();

  /** The member's default work role for time entries. */
  public abstract Optional<Reference> workRole();

  /** The member's default work type for time entries. */
  public abstract Optional<Reference> workType();

  /** Notes about the member. */
  public abstract Optional<String> notes();

  /** The member's custom field values. */
  public abstract List<CustomFieldValue> customFields();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a member. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Member}. */
  public static final class Builder extends ImmutableMember.Builder {
    Builder() {}
  }

  /**
   * A member's licence, which decides how the member can use ConnectWise.
   *
   * <p>{@link #UNKNOWN} stands for a licence this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum LicenseClass {
    /** A full member, who signs in to ConnectWise ({@code "F"}). */
    @JsonProperty("F")
    FULL,
    /** An API member, which only integrations sign in as ({@code "A"}). */
    @JsonProperty("A")
    API,
    /** A StreamlineIT member ({@code "C"}). */
    @JsonProperty("C")
    STREAMLINE_IT,
    /** A subcontractor ({@code "X"}). */
    @JsonProperty("X")
    SUBCONTRACTOR,
    /** A licence this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * Which of a member's e-mail addresses or phone numbers is used by default.
   *
   * <p>{@link #UNKNOWN} stands for a choice this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum ContactChannel {
    /** The office address or number. */
    @JsonProperty("Office")
    OFFICE,
    /** The mobile address or number. */
    @JsonProperty("Mobile")
    MOBILE,
    /** The home address or number. */
    @JsonProperty("Home")
    HOME,
    /** A choice this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
