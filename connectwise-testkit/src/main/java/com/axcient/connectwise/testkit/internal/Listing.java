package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.internal.ApiSchema.ObjectSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code orderBy} and {@code fields}: how a list is sorted and which fields it returns. */
public final class Listing {

  private static final Comparator<JsonNode> BY_ID = Comparator.comparingLong(n -> n.path("id").asLong());

  private Listing() {}

  /**
   * The order for {@code orderBy} ({@code "priority/sort asc, dateEntered desc"}); records equal
   * on every listed field stay in id order. Nulls sort first, as SQL Server sorts them.
   */
  public static Comparator<JsonNode> orderBy(ApiSchema schema, ObjectSchema root, String text) {
    if (text == null || text.isBlank()) {
      return BY_ID;
    }
    Comparator<JsonNode> order = null;
    for (String part : text.split(",")) {
      String[] words = part.trim().split("\\s+");
      if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
        throw ApiError.badRequest("orderBy is invalid: '" + part.trim() + "' is not 'field [asc|desc]'.");
      }
      String path = words[0];
      FieldPaths.resolve(schema, root, path, "orderBy");
      boolean descending = false;
      if (words.length == 2) {
        String direction = words[1].toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
          throw ApiError.badRequest("orderBy is invalid: '" + words[1] + "' is neither asc nor desc.");
        }
        descending = direction.equals("desc");
      }
      Comparator<JsonNode> field = (a, b) -> compareValues(first(a, path), first(b, path));
      if (descending) {
        field = field.reversed();
      }
      order = order == null ? field : order.thenComparing(field);
    }
    if (order == null) {
      throw ApiError.badRequest("orderBy is invalid: name at least one field.");
    }
    return order.thenComparing(BY_ID);
  }

  /** True when {@code orderBy} asks for nothing but ascending id, which forward-only paging allows. */
  public static boolean isIdOrder(String text) {
    return text == null || text.isBlank() || text.trim().matches("(?i)id(\\s+asc)?");
  }

  private static JsonNode first(JsonNode record, String path) {
    List<JsonNode> values = FieldPaths.read(record, path);
    return values.isEmpty() ? null : values.get(0);
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.asBoolean(), b.asBoolean());
    }
    return a.asText().toLowerCase(Locale.ROOT).compareTo(b.asText().toLowerCase(Locale.ROOT));
  }

  /**
   * Keeps only the listed fields ({@code "id,summary,board/name"}); nested paths keep the named
   * part of an object. Unknown names are ignored, as ConnectWise ignores them.
   */
  public static ObjectNode project(ObjectNode record, String fields) {
    ObjectNode result = Json.object();
    for (String raw : fields.split(",")) {
      String path = raw.trim();
      String[] segments = path.split("/");
      // A path of only slashes names no field: ignored, like an unknown name.
      if (segments.length > 0) {
        copy(record, result, segments, 0);
      }
    }
    return result;
  }

  private static void copy(JsonNode from, ObjectNode to, String[] segments, int index) {
    JsonNode value = from.get(segments[index]);
    if (value == null) {
      return;
    }
    if (index == segments.length - 1 || !value.isObject()) {
      if (index == segments.length - 1) {
        to.set(segments[index], value.deepCopy());
      }
      return;
    }
    JsonNode existing = to.get(segments[index]);
    ObjectNode child = existing instanceof ObjectNode ? (ObjectNode) existing : to.putObject(segments[index]);
    copy(value, child, segments, index + 1);
  }
}
