package com.axcient.connectwise.client.model;

import com.axcient.connectwise.client.ConnectWiseJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads fixtures and writes models with the client's own mapper. */
final class ModelJson {

  static final ObjectMapper MAPPER = ConnectWiseJson.newObjectMapper();

  private ModelJson() {}

  /** Reads the fixture next to this class, such as {@code ticket.json}, as the given type. */
  static <T> T fixture(String name, Class<T> type) {
    try (InputStream in = ModelJson.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return MAPPER.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the value and parses the text again, so that trees compare by their JSON text. */
  static JsonNode written(Object value) {
    return tree(text(value));
  }

  /** The value as ConnectWise would receive it. */
  static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON text. */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Reads JSON text as the given type. */
  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
