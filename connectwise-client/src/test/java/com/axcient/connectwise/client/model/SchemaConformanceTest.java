package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every property a model writes exists in ConnectWise's schema for that record, with a compatible
 * type, so that a misspelt or mistyped property fails here rather than being ignored by the server.
 *
 * <p>{@link BoardTypeSubTypeItemAssociation}, {@link Callback}, {@link SystemInfo} and
 * {@link CompanyInfo} have no schema in our copy of the document (its GET subset lacks them) and
 * are not checked here.
 */
class SchemaConformanceTest {

  static Stream<Arguments> modelsWithSchema() {
    return Stream.of(
        Arguments.of(CustomFieldValue.class, "CustomFieldValue"),
        Arguments.of(Ticket.class, "Ticket"),
        Arguments.of(TicketNote.class, "ServiceNote"),
        Arguments.of(Board.class, "Board"),
        Arguments.of(BoardStatus.class, "BoardStatus"),
        Arguments.of(BoardTeam.class, "BoardTeam"),
        Arguments.of(BoardType.class, "BoardType"),
        Arguments.of(BoardSubType.class, "BoardSubType"),
        Arguments.of(BoardItem.class, "BoardItem"),
        Arguments.of(Priority.class, "Priority"),
        Arguments.of(Company.class, "Company"),
        Arguments.of(CompanyStatus.class, "CompanyStatus"),
        Arguments.of(Agreement.class, "Agreement"),
        Arguments.of(AgreementAddition.class, "Addition"),
        Arguments.of(CatalogItem.class, "CatalogItem"),
        Arguments.of(Member.class, "Member"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("modelsWithSchema")
  void everyWrittenPropertyExistsInTheSchemaWithACompatibleType(Class<?> model, String schema) {
    JsonNode json = written(FullyPopulated.of(model));

    assertThat(json.size())
        .as("%s writes one property per attribute when fully populated", model.getSimpleName())
        .isEqualTo(FullyPopulated.attributes(model).size());
    assertThat(violations(model.getSimpleName(), json, schema)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("modelsWithSchema")
  void everyEnumMapsExactlyTheSchemasValues(Class<?> model, String schema) {
    Object populated = FullyPopulated.of(model);
    for (Method attribute : FullyPopulated.attributes(model)) {
      Class<?> type = FullyPopulated.elementType(attribute);
      if (!type.isEnum()) {
        continue;
      }
      String property = jsonName(model, populated, attribute);
      Set<String> written = new TreeSet<>();
      for (Object constant : knownConstants(type)) {
        Object instance = FullyPopulated.with(model, populated, attribute.getName(), constant);
        written.add(written(instance).get(property).textValue());
      }
      Set<String> declared = new TreeSet<>();
      ManageSchema.properties(schema)
          .get(property)
          .path("enum")
          .forEach(v -> declared.add(v.asText()));
      assertThat(written)
          .as("%s.%s: the JSON values of %s", model.getSimpleName(), property, type.getName())
          .isEqualTo(declared);
    }
  }

  @Test
  void everyEnumReadsUnknownValuesAsUnknown() {
    Set<Class<?>> enums = new LinkedHashSet<>();
    modelsWithSchema()
        .map(arguments -> (Class<?>) arguments.get()[0])
        .flatMap(model -> FullyPopulated.attributes(model).stream())
        .map(FullyPopulated::elementType)
        .filter(Class::isEnum)
        .forEach(enums::add);

    assertThat(enums)
        .contains(Ticket.Severity.class, BillingOption.class, Member.LicenseClass.class);
    for (Class<?> type : enums) {
      assertThat(
              Arrays.stream(type.getFields())
                  .filter(f -> f.isAnnotationPresent(JsonEnumDefaultValue.class)))
          .as("%s has one default constant", type.getName())
          .singleElement()
          .satisfies(f -> assertThat(f.getName()).isEqualTo("UNKNOWN"));
      assertThat(ModelJson.read("\"SomethingNew\"", type))
          .as("%s read from an unknown value", type.getName())
          .hasToString("UNKNOWN");
    }
  }

  @Test
  void referencesWriteNameAndIdentifierUnderTheSchemasNames() {
    Set<String> referenceSchemas = new TreeSet<>();
    modelsWithSchema()
        .forEach(
            arguments -> {
              String schema = (String) arguments.get()[1];
              ManageSchema.properties(schema)
                  .forEach(
                      property -> {
                        String target = ManageSchema.referencedSchema(property);
                        if (target != null && target.endsWith("Reference")) {
                          referenceSchemas.add(target);
                        }
                      });
            });

    assertThat(referenceSchemas).contains("CompanyReference", "MemberReference", "BoardReference");
    for (String schema : referenceSchemas) {
      JsonNode properties = ManageSchema.properties(schema);
      Reference.Builder reference = Reference.builder().id(1);
      if (properties.has("name")) {
        reference.name("name");
      }
      if (properties.has("identifier")) {
        reference.identifier("identifier");
      }
      List<String> violations = new ArrayList<>();
      checkReference("Reference", written(reference.build()), schema, violations);
      assertThat(violations).isEmpty();
    }
    assertThat(ManageSchema.properties("CompanyReference").has("identifier")).isTrue();
    assertThat(ManageSchema.properties("MemberReference").has("identifier")).isTrue();
    assertThat(ManageSchema.properties("BoardReference").has("name")).isTrue();
  }

  @Test
  void detectsAMisspeltProperty() {
    ObjectNode json = (ObjectNode) written(Ticket.builder().summary("Printer offline").build());
    json.put("sumary", "Printer offline");
    json.putObject("board").put("id", 1).put("nmae", "Help Desk");

    assertThat(violations("Ticket", json, "Ticket"))
        .containsExactly(
            "Ticket.sumary: not a property of schema Ticket",
            "Ticket.board.nmae: not a property of schema BoardReference");
  }

  @Test
  void detectsAMistypedProperty() {
    ObjectNode json = (ObjectNode) written(Ticket.builder().build());
    json.put("budgetHours", "1.5");
    json.put("parentTicketId", 1.5);
    json.put("closedFlag", "true");
    json.put("severity", "Urgent");

    assertThat(violations("Ticket", json, "Ticket"))
        .containsExactly(
            "Ticket.budgetHours: expected number, wrote STRING \"1.5\"",
            "Ticket.parentTicketId: expected integer, wrote NUMBER 1.5",
            "Ticket.closedFlag: expected boolean, wrote STRING \"true\"",
            "Ticket.severity: expected one of [\"Low\",\"Medium\",\"High\"], wrote \"Urgent\"");
  }

  private static List<String> violations(String model, JsonNode json, String schema) {
    List<String> violations = new ArrayList<>();
    checkObject(model, json, schema, violations);
    return violations;
  }

  private static void checkObject(String at, JsonNode json, String schema, List<String> out) {
    JsonNode properties = ManageSchema.properties(schema);
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      String where = at + "." + field.getKey();
      JsonNode property = properties.get(field.getKey());
      if (property == null) {
        out.add(where + ": not a property of schema " + schema);
      } else {
        checkValue(where, field.getValue(), property, out);
      }
    }
  }

  // A reference is checked against its own schema (ServiceStatusReference, CompanyReference, ...):
  // it needs an integer id, and whatever else it writes must exist there.
  private static void checkReference(String at, JsonNode json, String schema, List<String> out) {
    if (!ManageSchema.properties(schema).path("id").path("type").asText().equals("integer")) {
      out.add(at + ": schema " + schema + " has no integer id");
    }
    checkObject(at, json, schema, out);
  }

  private static void checkValue(String at, JsonNode value, JsonNode property, List<String> out) {
    String target = ManageSchema.referencedSchema(property);
    if (target != null) {
      if (!value.isObject()) {
        out.add(at + ": expected object " + target + ", wrote " + describe(value));
      } else if (target.endsWith("Reference")) {
        checkReference(at, value, target, out);
      } else {
        checkObject(at, value, target, out);
      }
      return;
    }
    String type = property.path("type").asText();
    boolean compatible =
        switch (type) {
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          case "array" -> value.isArray();
          // ConnectWise declares free-form values (a custom field's value) as a bare "object",
          // and they hold strings, numbers and booleans; a map declares its value type.
          case "object" -> value.isObject() || isFreeForm(property);
          default -> false;
        };
    if (!compatible) {
      out.add(at + ": expected " + type + ", wrote " + describe(value));
      return;
    }
    if (property.has("enum") && !contains(property.get("enum"), value)) {
      out.add(at + ": expected one of " + property.get("enum") + ", wrote " + value);
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        checkValue(at + "[" + i + "]", value.get(i), property.path("items"), out);
      }
    }
    if (value.isObject() && property.has("additionalProperties")) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        checkValue(
            at + "." + entry.getKey(), entry.getValue(), property.get("additionalProperties"), out);
      }
    }
  }

  private static boolean isFreeForm(JsonNode property) {
    return !property.has("properties") && !property.has("additionalProperties");
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode value) {
    return value.getNodeType() + " " + value;
  }

  private static List<Object> knownConstants(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> !((Enum<?>) c).name().equals("UNKNOWN"))
        .<Object>map(c -> c)
        .toList();
  }

  // The JSON name of an attribute: the one property that disappears when the attribute is absent.
  private static String jsonName(Class<?> model, Object populated, Method attribute) {
    Object without = FullyPopulated.with(model, populated, attribute.getName(), Optional.empty());
    Set<String> names = new TreeSet<>();
    written(populated).fieldNames().forEachRemaining(names::add);
    written(without).fieldNames().forEachRemaining(names::remove);
    assertThat(names).as("JSON name of %s", attribute).hasSize(1);
    return names.iterator().next();
  }
}
