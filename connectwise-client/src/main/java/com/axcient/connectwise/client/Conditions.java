package com.axcient.connectwise.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ConnectWise {@code conditions} expression, built so that no value can change its meaning.
 *
 * <pre>{@code
 * Conditions open = Conditions.field("board/id").eq(5)
 *     .and(Conditions.field("closedFlag").eq(false))
 *     .and(Conditions.field("summary").contains("backup \"nightly\""));
 * // board/id = 5 and closedFlag = false and summary contains "backup \"nightly\""
 * }</pre>
 *
 * <p>Strings are double-quoted with {@code \} and {@code "} escaped; control characters and
 * unpaired surrogates are refused, because ConnectWise documents no escape for them. Instants are
 * rendered in UTC as {@code [yyyy-MM-ddTHH:mm:ssZ]} (truncated to the second), numbers and
 * booleans bare. Field paths may contain only letters, digits, {@code _} and {@code /}. Combining
 * expressions with {@link #and} and {@link #or} adds parentheses where precedence needs them.
 * Instances are immutable.
 */
public final class Conditions {

  private static final Pattern FIELD_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private enum Kind {
    TERM,
    RAW,
    AND,
    OR
  }

  private final Kind kind;
  private final String text;
  private final List<Conditions> parts;

  private Conditions(Kind kind, String text, List<Conditions> parts) {
    this.kind = kind;
    this.text = text;
    this.parts = parts;
  }

  /**
   * Starts a condition on a field, such as {@code summary}, {@code board/id} or
   * {@code _info/lastUpdated}.
   *
   * @throws IllegalArgumentException if the path has characters other than letters, digits,
   *     {@code _} and {@code /}
   */
  public static Field field(String path) {
    return new Field(checkFieldPath(path, "field path"));
  }

  /**
   * Wraps an expression written by hand, passed to ConnectWise as it is (in parentheses when
   * combined). Never build one from data you did not write yourself: use {@link #field} instead.
   *
   * @throws IllegalArgumentException if the expression is blank or has control characters
   */
  public static Conditions raw(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("A raw condition must not be blank");
    }
    checkText(expression, "raw condition");
    return new Conditions(Kind.RAW, expression, List.of());
  }

  /** All of the given conditions ({@code a and b and c}). */
  public static Conditions allOf(Conditions first, Conditions... more) {
    Conditions result = first;
    for (Conditions next : more) {
      result = result.and(next);
    }
    return result;
  }

  /** Any of the given conditions ({@code a or b or c}). */
  public static Conditions anyOf(Conditions first, Conditions... more) {
    Conditions result = first;
    for (Conditions next : more) {
      result = result.or(next);
    }
    return result;
  }

  /** This condition and another one. */
  public Conditions and(Conditions other) {
    return combine(Kind.AND, other);
  }

  /** This condition or another one. */
  public Conditions or(Conditions other) {
    return combine(Kind.OR, other);
  }

  private Conditions combine(Kind junction, Conditions other) {
    Objects.requireNonNull(other, "other");
    List<Conditions> combined = new ArrayList<>();
    addFlattened(combined, junction, this);
    addFlattened(combined, junction, other);
    return new Conditions(junction, null, List.copyOf(combined));
  }

  private static void addFlattened(List<Conditions> target, Kind junction, Conditions part) {
    if (part.kind == junction) {
      target.addAll(part.parts);
    } else {
      target.add(part);
    }
  }

  /** The expression as ConnectWise reads it (before URL encoding). */
  public String render() {
    StringBuilder out = new StringBuilder();
    render(out, false);
    return out.toString();
  }

  private void render(StringBuilder out, boolean nested) {
    switch (kind) {
      case TERM:
        out.append(text);
        break;
      case RAW:
        if (nested) {
          out.append('(').append(text).append(')');
        } else {
          out.append(text);
        }
        break;
      default:
        if (nested) {
          out.append('(');
        }
        String junction = kind == Kind.AND ? " and " : " or ";
        for (int i = 0; i < parts.size(); i++) {
          if (i > 0) {
            out.append(junction);
          }
          parts.get(i).render(out, true);
        }
        if (nested) {
          out.append(')');
        }
    }
  }

  /** The rendered expression. */
  @Override
  public String toString() {
    return render();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Conditions && render().equals(((Conditions) other).render());
  }

  @Override
  public int hashCode() {
    return render().hashCode();
  }

  static String checkFieldPath(String path, String what) {
    Objects.requireNonNull(path, what);
    if (!FIELD_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "Invalid "
              + what
              + " '"
              + printable(path)
              + "': use property names of letters, digits and _ separated by /, such as board/id");
    }
    return path;
  }

  /**
   * Renders a value as a ConnectWise literal: quoted and escaped string, bare number or boolean,
   * or a bracketed UTC date-time.
   */
  static String literal(Object value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "A condition value must not be null: use isNull() or isNotNull()");
    }
    if (value instanceof CharSequence) {
      return quote(value.toString());
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException("A condition value must be a finite number: " + value);
      }
      return BigDecimal.valueOf(number).toPlainString();
    }
    if (value instanceof Instant) {
      return "[" + DATE_TIME.format(((Instant) value).truncatedTo(ChronoUnit.SECONDS)) + "]";
    }
    if (value instanceof OffsetDateTime) {
      return literal(((OffsetDateTime) value).toInstant());
    }
    if (value instanceof ZonedDateTime) {
      return literal(((ZonedDateTime) value).toInstant());
    }
    throw new IllegalArgumentException(
        "Unsupported condition value type "
            + value.getClass().getName()
            + ": use a String, a number, a Boolean or an Instant");
  }

  private static String quote(String value) {
    checkText(value, "condition value");
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static void checkText(String value, String what) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "A "
                + what
                + " must not contain control characters (found U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + "): remove line breaks, tabs and NUL before searching");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw unpairedSurrogate(what, i);
      }
      if (Character.isLowSurrogate(c)) {
        throw unpairedSurrogate(what, i);
      }
    }
  }

  private static IllegalArgumentException unpairedSurrogate(String what, int index) {
    return new IllegalArgumentException(
        "A " + what + " must be valid Unicode text (unpaired surrogate at index " + index + ")");
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 60; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }

  private static Conditions term(String field, String operator, String operand) {
    return new Conditions(Kind.TERM, field + " " + operator + " " + operand, List.of());
  }

  /**
   * A field waiting for its operator. Values may be a {@link String}, a number, a
   * {@link Boolean} or an {@link Instant} ({@link OffsetDateTime} and {@link ZonedDateTime} are
   * converted to UTC); {@code null} is refused: use {@link #isNull()}.
   */
  public static final class Field {
    private final String path;

    private Field(String path) {
      this.path = path;
    }

    /** {@code field = value}. */
    public Conditions eq(Object value) {
      return term(path, "=", literal(value));
    }

    /** {@code field != value}. */
    public Conditions ne(Object value) {
      return term(path, "!=", literal(value));
    }

    /** {@code field < value}. */
    public Conditions lt(Object value) {
      return term(path, "<", literal(value));
    }

    /** {@code field <= value}. */
    public Conditions le(Object value) {
      return term(path, "<=", literal(value));
    }

    /** {@code field > value}. */
    public Conditions gt(Object value) {
      return term(path, ">", literal(value));
    }

    /** {@code field >= value}. */
    public Conditions ge(Object value) {
      return term(path, ">=", literal(value));
    }

    /** {@code field contains "text"}: a case-insensitive substring match. */
    public Conditions contains(String text) {
      return term(path, "contains", quote(Objects.requireNonNull(text, "text")));
    }

    /**
     * {@code field like "pattern"}, where {@code %} in the pattern matches any text. The pattern
     * is quoted and escaped like any string; its {@code %} signs stay wildcards.
     */
    public Conditions like(String pattern) {
      return term(path, "like", quote(Objects.requireNonNull(pattern, "pattern")));
    }

    /** {@code field not like "pattern"}. */
    public Conditions notLike(String pattern) {
      return term(path, "not like", quote(Objects.requireNonNull(pattern, "pattern")));
    }

    /** {@code field in (a, b, c)}. */
    public Conditions in(Collection<?> values) {
      return term(path, "in", list(values));
    }

    /** {@code field in (a, b, c)}. */
    public Conditions in(Object... values) {
      return in(Arrays.asList(values));
    }

    /** {@code field not in (a, b, c)}. */
    public Conditions notIn(Collection<?> values) {
      return term(path, "not in", list(values));
    }

    /** {@code field = null}. */
    public Conditions isNull() {
      return term(path, "=", "null");
    }

    /** {@code field != null}. */
    public Conditions isNotNull() {
      return term(path, "!=", "null");
    }

    private static String list(Collection<?> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("An 'in' condition needs at least one value");
      }
      StringBuilder out = new StringBuilder("(");
      for (Object value : values) {
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(literal(value));
      }
      return out.append(')').toString();
    }
  }
}
