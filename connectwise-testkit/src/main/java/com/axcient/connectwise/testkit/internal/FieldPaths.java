package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.internal.ApiSchema.ObjectSchema;
import com.axcient.connectwise.testkit.internal.ApiSchema.Property;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Field paths such as {@code board/id} or {@code _info/lastUpdated}: checked against a schema
 * (ConnectWise refuses a condition or sort on a field it does not have) and read from records.
 */
final class FieldPaths {

  /** What a path ends at: its JSON type, and whether the value is a date-time. */
  enum Type {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE, OBJECT, ANY
  }

  private FieldPaths() {}

  /** The type at the end of {@code path}; an {@link ApiError} 400 when a segment is unknown. */
  static Type resolve(ApiSchema schema, ObjectSchema root, String path, String parameter) {
    String[] segments = path.split("/", -1);
    ObjectSchema current = root;
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      Property property = current == null ? null : current.properties().get(segment);
      if (property == null) {
        throw ApiError.badRequest(
            parameter + " is invalid: the field '" + path + "' is not valid for " + root.name() + ".");
      }
      boolean last = i == segments.length - 1;
      if (property.isMap()) {
        if (i == segments.length - 2) {
          return Type.STRING;
        }
        throw ApiError.badRequest(parameter + " is invalid: the field '" + path + "' is not valid.");
      }
      String ref = property.ref() != null ? property.ref() : property.itemsRef();
      if (last) {
        if (ref != null) {
          return Type.OBJECT;
        }
        return typeOf(property);
      }
      if (ref == null) {
        throw ApiError.badRequest(
            parameter + " is invalid: the field '" + path + "' is not valid for " + root.name() + ".");
      }
      current = schema.require(ref);
    }
    return Type.ANY;
  }

  private static Type typeOf(Property property) {
    String type = "array".equals(property.type()) ? property.itemsType() : property.type();
    switch (type) {
      case "string":
        return "date-time".equals(property.format()) ? Type.DATE : Type.STRING;
      case "integer":
        return Type.INTEGER;
      case "number":
        return Type.NUMBER;
      case "boolean":
        return Type.BOOLEAN;
      default:
        return Type.ANY;
    }
  }

  /** The values at {@code path}; arrays on the way fan out, so a path may yield several. */
  static List<JsonNode> read(JsonNode record, String path) {
    List<JsonNode> current = new ArrayList<>();
    current.add(record);
    for (String segment : path.split("/", -1)) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        collect(node.get(segment), next);
      }
      current = next;
    }
    return current;
  }

  private static void collect(JsonNode value, List<JsonNode> into) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    if (value.isArray()) {
      value.forEach(item -> collect(item, into));
    } else {
      into.add(value);
    }
  }
}
