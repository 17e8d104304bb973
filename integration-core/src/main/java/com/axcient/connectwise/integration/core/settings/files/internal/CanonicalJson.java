package com.axcient.connectwise.integration.core.settings.files.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One byte sequence for each parsed JSON value, whatever its layout in the file: what the
 * encrypted private key is bound to, so re-indenting a settings file or reordering its fields
 * keeps the key readable while changing any value does not.
 *
 * <p>The form, fixed here rather than left to a JSON library so that a later Jackson or JDK reads
 * today's files: ASCII without whitespace; object fields sorted by name ({@link
 * String#compareTo}, UTF-16 code units) as {@code {"name":value,...}}; array elements in order;
 * {@code true}, {@code false}, {@code null}; a string in double quotes with {@code "}, {@code \}
 * and every character outside U+0020 to U+007E written as {@code \}{@code uXXXX} (lower-case hex,
 * one per UTF-16 code unit); a whole number in decimal; any other number as the exact decimal
 * value of the {@code double} it was read as ({@link BigDecimal#BigDecimal(double)}, then {@link
 * BigDecimal#toString()}), or {@code NaN}, {@code Infinity}, {@code -Infinity}. Numbers are
 * compared as read, so {@code 1.50} and {@code 1.5} are the same value.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical form of a parsed value. */
  public static byte[] bytes(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void write(JsonNode value, StringBuilder out) {
    if (value.isObject()) {
      out.append('{');
      String separator = "";
      Map<String, JsonNode> fields = new TreeMap<>();
      value.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
      for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
        out.append(separator);
        string(field.getKey(), out);
        out.append(':');
        write(field.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      String separator = "";
      for (JsonNode element : value) {
        out.append(separator);
        write(element, out);
        separator = ",";
      }
      out.append(']');
    } else if (value.isTextual()) {
      string(value.textValue(), out);
    } else if (value.isIntegralNumber()) {
      out.append(value.bigIntegerValue());
    } else if (value.isNumber()) {
      double number = value.doubleValue();
      out.append(
          Double.isFinite(number) ? new BigDecimal(number).toString() : Double.toString(number));
    } else if (value.isBoolean()) {
      out.append(value.booleanValue());
    } else if (value.isNull()) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("Not a parsed JSON value: " + value.getNodeType());
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
