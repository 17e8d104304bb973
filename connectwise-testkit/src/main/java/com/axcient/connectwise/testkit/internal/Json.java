package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The simulator's one JSON mapper and the few tree helpers every part of it needs. */
public final class Json {

  /** Refuses trailing content after the JSON value, so a truncated or doubled body is a 400. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Reads a JSON document. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Reads a JSON document from the class path. */
  public static JsonNode resource(String name) {
    try (var in = Json.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises compactly, as ConnectWise does. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }

  /** ConnectWise's date-time form: UTC, whole seconds, {@code Z}. */
  public static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The text of a field, or null when the field is absent, null or not text. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The id inside a reference field ({@code {"id": 5}}), or -1. */
  public static long refId(JsonNode node, String field) {
    JsonNode ref = node == null ? null : node.get(field);
    if (ref != null && ref.isObject() && ref.path("id").canConvertToLong()) {
      return ref.path("id").asLong();
    }
    return -1;
  }

  /** True when the field holds boolean true. */
  public static boolean flag(JsonNode node, String field) {
    return node != null && node.path(field).asBoolean(false);
  }
}
