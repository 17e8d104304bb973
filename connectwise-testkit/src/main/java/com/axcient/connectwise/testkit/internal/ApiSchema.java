package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ConnectWise object schemas the simulator serves: the official GET-only OpenAPI document
 * shipped in this jar, plus a small supplement for the resources it lacks. Max lengths live in
 * description text ({@code "Max length: 100;"}), so they are parsed out of it here.
 */
public final class ApiSchema {

  /** The official document's resource name inside the jar. */
  public static final String OFFICIAL = "/com/axcient/connectwise/testkit/manage-openapi.json";

  private static final String SUPPLEMENT =
      "/com/axcient/connectwise/testkit/internal/supplement-schemas.json";
  private static final Pattern MAX_LENGTH = Pattern.compile("Max length: (\\d+);");
  private static final String REF_PREFIX = "#/components/schemas/";

  private static final class Holder {
    static final ApiSchema INSTANCE = new ApiSchema();
  }

  private final Map<String, ObjectSchema> schemas = new HashMap<>();
  private final Map<String, Boolean> officialNames = new HashMap<>();

  private ApiSchema() {
    read(Json.resource(OFFICIAL), true);
    read(Json.resource(SUPPLEMENT), false);
  }

  /** The schemas, parsed once per class loader. */
  public static ApiSchema get() {
    return Holder.INSTANCE;
  }

  private void read(JsonNode document, boolean official) {
    document
        .path("components")
        .path("schemas")
        .properties()
        .forEach(
            entry -> {
              schemas.put(entry.getKey(), parseObject(entry.getKey(), entry.getValue()));
              officialNames.put(entry.getKey(), official);
            });
  }

  private static ObjectSchema parseObject(String name, JsonNode node) {
    Map<String, Property> properties = new LinkedHashMap<>();
    node.path("properties")
        .properties()
        .forEach(e -> properties.put(e.getKey(), parseProperty(e.getKey(), e.getValue())));
    List<String> required = new ArrayList<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    return new ObjectSchema(
        name, Collections.unmodifiableMap(properties), Collections.unmodifiableList(required));
  }

  private static Property parseProperty(String name, JsonNode node) {
    String description = node.path("description").asText("");
    Matcher matcher = MAX_LENGTH.matcher(description);
    int maxLength = matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    List<String> enumValues = new ArrayList<>();
    node.path("enum").forEach(v -> enumValues.add(v.asText()));
    JsonNode items = node.path("items");
    return new Property(
        name,
        node.path("type").asText(node.has("$ref") ? "object" : ""),
        node.path("format").asText(""),
        refName(node.path("$ref").asText(null)),
        items.path("type").asText(items.has("$ref") ? "object" : ""),
        refName(items.path("$ref").asText(null)),
        node.has("additionalProperties"),
        List.copyOf(enumValues),
        maxLength,
        description.contains("Only available for POST"));
  }

  private static String refName(String ref) {
    return ref == null ? null : ref.substring(REF_PREFIX.length());
  }

  /** The named object schema; the simulator only asks for names it knows. */
  public ObjectSchema require(String name) {
    ObjectSchema schema = schemas.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("No schema named " + name);
    }
    return schema;
  }

  /** True when the schema comes from the official document rather than the supplement. */
  public boolean isOfficial(String name) {
    return officialNames.getOrDefault(name, false);
  }

  /** One object schema: its properties in document order and its required property names. */
  public static final class ObjectSchema {
    private final String name;
    private final Map<String, Property> properties;
    private final List<String> required;

    ObjectSchema(String name, Map<String, Property> properties, List<String> required) {
      this.name = name;
      this.properties = properties;
      this.required = required;
    }

    /** The schema's name, e.g. {@code Ticket}. */
    public String name() {
      return name;
    }

    /** The properties by name, in document order. */
    public Map<String, Property> properties() {
      return properties;
    }

    /** The required property names. */
    public List<String> required() {
      return required;
    }
  }

  /** One property of an object schema. */
  public static final class Property {
    private final String name;
    private final String type;
    private final String format;
    private final String ref;
    private final String itemsType;
    private final String itemsRef;
    private final boolean map;
    private final List<String> enumValues;
    private final int maxLength;
    private final boolean postOnly;

    Property(
        String name,
        String type,
        String format,
        String ref,
        String itemsType,
        String itemsRef,
        boolean map,
        List<String> enumValues,
        int maxLength,
        boolean postOnly) {
      this.name = name;
      this.type = type;
      this.format = format;
      this.ref = ref;
      this.itemsType = itemsType;
      this.itemsRef = itemsRef;
      this.map = map;
      this.enumValues = enumValues;
      this.maxLength = maxLength;
      this.postOnly = postOnly;
    }

    /** The property name. */
    public String name() {
      return name;
    }

    /** The JSON type: string, integer, number, boolean, array or object. */
    public String type() {
      return type;
    }

    /** The format, e.g. {@code date-time}, or empty. */
    public String format() {
      return format;
    }

    /** The referenced object schema's name, or null. */
    public String ref() {
      return ref;
    }

    /** The JSON type of array items, or empty. */
    public String itemsType() {
      return itemsType;
    }

    /** The object schema of array items, or null. */
    public String itemsRef() {
      return itemsRef;
    }

    /** True for a string-to-string map such as {@code _info}. */
    public boolean isMap() {
      return map;
    }

    /** True for an object property with no declared shape: any JSON value is allowed. */
    public boolean isAny() {
      return "object".equals(type) && ref == null && !map;
    }

    /** The allowed values of an enum, or empty. */
    public List<String> enumValues() {
      return enumValues;
    }

    /** The maximum length from the description, or -1. */
    public int maxLength() {
      return maxLength;
    }

    /** True for the create-only fields that are never returned (e.g. initialDescription). */
    public boolean isPostOnly() {
      return postOnly;
    }
  }
}
