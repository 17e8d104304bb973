package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * ConnectWise's official OpenAPI document (GET subset, version 2026.4), read once from the copy
 * the testkit ships on its classpath.
 */
public final class ManageSchema {

  private static final String LOCATION = "/com/axcient/connectwise/testkit/manage-openapi.json";

  private static final JsonNode DOCUMENT = load();
  private static final JsonNode SCHEMAS = DOCUMENT.path("components").path("schemas");

  private ManageSchema() {}

  /** The {@code paths} object: each API path below {@code /apis/3.0} and its operations. */
  public static JsonNode paths() {
    return DOCUMENT.path("paths");
  }

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
    try (InputStream in = ManageSchema.class.getResourceAsStream(LOCATION)) {
      if (in == null) {
        throw new IllegalStateException("the ConnectWise schema is not on the classpath at " + LOCATION);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ConnectWise schema at " + LOCATION, e);
    }
  }
}
