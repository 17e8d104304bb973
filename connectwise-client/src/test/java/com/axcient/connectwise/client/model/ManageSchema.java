package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * ConnectWise's official OpenAPI document (GET subset, version 2026.4), read once.
 *
 * <p>It is read from the testkit module's sources, relative to this module (Maven runs tests with
 * the module as working directory). This is the only place that knows where the file is, so that
 * it can move to the classpath once the testkit is a test dependency.
 */
final class ManageSchema {

  private static final Path LOCATION =
      Path.of(
          "../connectwise-testkit/src/main/resources/",
          "com/axcient/connectwise/testkit/manage-openapi.json");

  private static final JsonNode SCHEMAS = load().path("components").path("schemas");

  private ManageSchema() {}

  /** The named schema under {@code components.schemas}; fails if there is none. */
  static JsonNode schema(String name) {
    JsonNode schema = SCHEMAS.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + name + " in " + LOCATION);
    }
    return schema;
  }

  /** The properties of the named schema. */
  static JsonNode properties(String name) {
    return schema(name).path("properties");
  }

  /**
   * The name of the schema a property refers to, through {@code $ref} or a single-element
   * {@code allOf}; {@code null} for a property with an inline type.
   */
  static String referencedSchema(JsonNode property) {
    JsonNode ref = property.get("$ref");
    if (ref == null && property.path("allOf").size() == 1) {
      ref = property.path("allOf").get(0).get("$ref");
    }
    return ref == null ? null : ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
  }

  private static JsonNode load() {
    try {
      return new ObjectMapper().readTree(LOCATION.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ConnectWise schema at " + LOCATION, e);
    }
  }
}
