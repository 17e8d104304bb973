package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The value of one custom field on a ConnectWise record, such as a company's "Region" or a
 * ticket's "Backup job id": the fields an administrator adds to ConnectWise's screens.
 *
 * <p>To set a custom field on a write, send its id and the new value, for example
 * {@code CustomFieldValue.of(7, "EU")}; ConnectWise fills in the caption and type on reads.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomFieldValue.class)
@JsonDeserialize(as = ImmutableCustomFieldValue.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class CustomFieldValue {

  CustomFieldValue() {}

  /** The id of the custom field's definition; this is what identifies the field on writes. */
  public abstract long id();

  /** The field's caption as shown on the screen, such as "Region". */
  public abstract Optional<String> caption();

  /** How the field's value is shown and validated (text, number, date, checkbox, ...). */
  public abstract Optional<Type> type();

  /** How users enter the value: typed in, picked from a list, a date picker, or an option. */
  public abstract Optional<EntryMethod> entryMethod();

  /** The number of decimals shown for number, currency and percent fields. */
  public abstract Optional<Integer> numberOfDecimals();

  /**
   * The field's value as ConnectWise sends it: text, a number, {@code true}/{@code false}, or JSON
   * {@code null} for a field that is cleared; empty when ConnectWise left it out.
   *
   * <p>A present value is always written, even an empty string or {@code null}, so that a write can
   * clear the field. Decimal numbers are read exactly, as {@link DecimalNode}.
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  @JsonDeserialize(contentUsing = ExactJsonValueDeserializer.class)
  public abstract Optional<JsonNode> value();

  /** A custom field value with a text value, for fields of type text, date, hyperlink and list. */
  public static CustomFieldValue of(long id, String value) {
    return builder().id(id).value(TextNode.valueOf(value)).build();
  }

  /** A custom field value with an exact number, for fields of type number, currency and percent. */
  public static CustomFieldValue of(long id, BigDecimal value) {
    return builder().id(id).value(DecimalNode.valueOf(value)).build();
  }

  /** A custom field value for a checkbox field. */
  public static CustomFieldValue of(long id, boolean value) {
    return builder().id(id).value(BooleanNode.valueOf(value)).build();
  }

  /** A custom field value that clears the field: its value is written as JSON {@code null}. */
  public static CustomFieldValue cleared(long id) {
    return builder().id(id).value(NullNode.getInstance()).build();
  }

  /** A builder for a custom field value. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CustomFieldValue}. */
  public static final class Builder extends ImmutableCustomFieldValue.Builder {
    Builder() {}
  }

  /**
   * A custom field's type, which decides how ConnectWise shows and validates its value.
   *
   * <p>{@link #UNKNOWN} stands for a type this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum Type {
    /** Several lines of text. */
    @JsonProperty("TextArea")
    TEXT_AREA,
    /** A button. */
    @JsonProperty("Button")
    BUTTON,
    /** An amount of money. */
    @JsonProperty("Currency")
    CURRENCY,
    /** A date. */
    @JsonProperty("Date")
    DATE,
    /** A link. */
    @JsonProperty("Hyperlink")
    HYPERLINK,
    /** An IP address. */
    @JsonProperty("IPAddress")
    IP_ADDRESS,
    /** A checkbox: {@code true} or {@code false}. */
    @JsonProperty("Checkbox")
    CHECKBOX,
    /** A number. */
    @JsonProperty("Number")
    NUMBER,
    /** A percentage. */
    @JsonProperty("Percent")
    PERCENT,
    /** A phone number. */
    @JsonProperty("PhoneNumber")
    PHONE_NUMBER,
    /** One line of text. */
    @JsonProperty("Text")
    TEXT,
    /** A password, shown masked. */
    @JsonProperty("Password")
    PASSWORD,
    /** A type this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * How users enter a custom field's value.
   *
   * <p>{@link #UNKNOWN} stands for a method this library does not know yet; it is for reading only.
   */
  public enum EntryMethod {
    /** Picked with a date picker. */
    @JsonProperty("Date")
    DATE,
    /** Typed in. */
    @JsonProperty("EntryField")
    ENTRY_FIELD,
    /** Picked from a list the administrator defined. */
    @JsonProperty("List")
    LIST,
    /** Chosen from a set of options. */
    @JsonProperty("Option")
    OPTION,
    /** A method this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
