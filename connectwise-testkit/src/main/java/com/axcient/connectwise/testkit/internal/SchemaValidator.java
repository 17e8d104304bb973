package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.internal.ApiSchema.ObjectSchema;
import com.axcient.connectwise.testkit.internal.ApiSchema.Property;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against an object schema: every field must be declared, and every value
 * must have the declared type, format and enum value. Used on the simulator's own responses in
 * its tests, so that what it serves is what the official schema describes.
 */
public final class SchemaValidator {

  private final ApiSchema schema;

  /** A validator over the given schemas. */
  public SchemaValidator(ApiSchema schema) {
    this.schema = schema;
  }

  /** The violations found in {@code value} read as {@code schemaName}; empty when valid. */
  public List<String> validate(JsonNode value, String schemaName) {
    List<String> problems = new ArrayList<>();
    checkObject(value, schema.require(schemaName), schemaName, problems);
    return problems;
  }

  private void checkObject(JsonNode value, ObjectSchema object, String at, List<String> problems) {
    if (!value.isObject()) {
      problems.add(at + ": expected an object " + object.name() + " but found " + value);
      return;
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String path = at + "." + field.getKey();
      Property property = object.properties().get(field.getKey());
      if (property == null) {
        problems.add(path + ": not a property of " + object.name());
      } else if (property.isPostOnly()) {
        problems.add(path + ": create-only property returned in a response");
      } else {
        checkValue(field.getValue(), property, path, problems);
      }
    }
  }

  private void checkValue(JsonNode value, Property property, String at, List<String> problems) {
    if (value.isNull() || property.isAny()) {
      return;
    }
    if (property.ref() != null) {
      checkObject(value, schema.require(property.ref()), at, problems);
      return;
    }
    switch (property.type()) {
      case "string":
        checkString(value, property, at, problems);
        break;
      case "integer":
        if (!value.isIntegralNumber()
            || ("int32".equals(property.format()) && !value.canConvertToInt())) {
          problems.add(at + ": expected an integer but found " + value);
        }
        break;
      case "number":
        if (!value.isNumber()) {
          problems.add(at + ": expected a number but found " + value);
        }
        break;
      case "boolean":
        if (!value.isBoolean()) {
          problems.add(at + ": expected a boolean but found " + value);
        }
        break;
      case "array":
        checkArray(value, property, at, problems);
        break;
      case "object":
        checkMap(value, at, problems);
        break;
      default:
        problems.add(at + ": the schema declares an unknown type " + property.type());
    }
  }

  private static void checkString(JsonNode value, Property property, String at, List<String> problems) {
    if (!value.isTextual()) {
      problems.add(at + ": expected a string but found " + value);
      return;
    }
    String text = value.asText();
    if (!property.enumValues().isEmpty() && !property.enumValues().contains(text)) {
      problems.add(at + ": " + text + " is not one of " + property.enumValues());
    }
    if ("date-time".equals(property.format()) && !Dates.isDateTime(text)) {
      problems.add(at + ": " + text + " is not a date-time");
    }
    if ("uuid".equals(property.format()) && !text.matches("[0-9a-fA-F-]{36}")) {
      problems.add(at + ": " + text + " is not a uuid");
    }
  }

  private void checkArray(JsonNode value, Property property, String at, List<String> problems) {
    if (!value.isArray()) {
      problems.add(at + ": expected an array but found " + value);
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String path = at + "[" + i + "]";
      if (property.itemsRef() != null) {
        checkObject(item, schema.require(property.itemsRef()), path, problems);
      } else if ("string".equals(property.itemsType()) && !item.isTextual()) {
        problems.add(path + ": expected a string but found " + item);
      } else if ("integer".equals(property.itemsType()) && !item.isIntegralNumber()) {
        problems.add(path + ": expected an integer but found " + item);
      }
    }
  }

  private static void checkMap(JsonNode value, String at, List<String> problems) {
    if (!value.isObject()) {
      problems.add(at + ": expected a map of strings but found " + value);
      return;
    }
    value.properties().forEach(e -> {
      if (!e.getValue().isTextual()) {
        problems.add(at + "." + e.getKey() + ": expected a string but found " + e.getValue());
      }
    });
  }
}
