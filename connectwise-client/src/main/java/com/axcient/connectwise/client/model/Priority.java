package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A ticket priority, such as "Priority 1 - Emergency Response" ({@code /service/priorities}).
 * Priorities are shared by all boards; a ticket's priority orders the board and can drive its
 * service level agreement.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePriority.class)
@JsonDeserialize(as = ImmutablePriority.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Priority {

  Priority() {}

  /** The priority's id; absent on a priority that is being created. */
  public abstract OptionalLong id();

  /** The priority's name. Required on create; at most 50 characters. */
  public abstract Optional<String> name();

  /** The colour the priority is shown in. Required on create. */
  public abstract Optional<Color> color();

  /** The priority's position when tickets are sorted by priority. */
  public abstract Optional<Integer> sortOrder();

  /** Whether this is the priority new tickets get. */
  public abstract Optional<Boolean> defaultFlag();

  /** A link to the priority's icon. */
  public abstract Optional<String> imageLink();

  /** How serious the priority is. */
  public abstract Optional<Level> level();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a priority. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Priority}. */
  public static final class Builder extends ImmutablePriority.Builder {
    Builder() {}
  }

  /**
   * The colour a priority is shown in.
   *
   * <p>{@link #UNKNOWN} stands for a colour this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum Color {
    /** Black. */
    @JsonProperty("Black")
    BLACK,
    /** Blue. */
    @JsonProperty("Blue")
    BLUE,
    /** Cyan. */
    @JsonProperty("Cyan")
    CYAN,
    /** Gray. */
    @JsonProperty("Gray")
    GRAY,
    /** Green. */
    @JsonProperty("Green")
    GREEN,
    /** Lime. */
    @JsonProperty("Lime")
    LIME,
    /** Orange. */
    @JsonProperty("Orange")
    ORANGE,
    /** Pink. */
    @JsonProperty("Pink")
    PINK,
    /** Purple. */
    @JsonProperty("Purple")
    PURPLE,
    /** Red. */
    @JsonProperty("Red")
    RED,
    /** White. */
    @JsonProperty("White")
    WHITE,
    /** Yellow. */
    @JsonProperty("Yellow")
    YELLOW,
    /** A custom colour chosen in ConnectWise. */
    @JsonProperty("Custom")
    CUSTOM,
    /** A colour this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /**
   * How serious a priority is.
   *
   * <p>{@link #UNKNOWN} stands for a level this library does not know yet; it is for reading only
   * and must not be sent to ConnectWise.
   */
  public enum Level {
    /** Critical. */
    @JsonProperty("Critical")
    CRITICAL,
    /** High. */
    @JsonProperty("High")
    HIGH,
    /** Medium. */
    @JsonProperty("Medium")
    MEDIUM,
    /** Low. */
    @JsonProperty("Low")
    LOW,
    /** A level this library does not know; for reading only. */
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
