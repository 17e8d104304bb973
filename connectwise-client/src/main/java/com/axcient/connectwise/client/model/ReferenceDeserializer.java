package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link Reference} straight into its builder. References are the most frequent object in
 * ConnectWise's answers (seven or so in every ticket, each with its own {@code _info} map), and
 * reading them through the generated JSON holder cost a holder, a map copy and reflective setters
 * for each. Unknown properties are skipped; unusual tokens go to Jackson's own coercions, as
 * before.
 */
final class ReferenceDeserializer extends StdDeserializer<Reference> {

  private static final long serialVersionUID = 1L;

  ReferenceDeserializer() {
    super(Reference.class);
  }

  @Override
  public Reference deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    String field;
    if (parser.isExpectedStartObjectToken()) {
      field = parser.nextFieldName();
    } else if (parser.hasToken(JsonToken.FIELD_NAME)) {
      field = parser.currentName();
    } else {
      return (Reference) context.handleUnexpectedToken(Reference.class, parser);
    }
    Reference.Builder builder = Reference.builder();
    try {
      for (; field != null; field = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        switch (field) {
          case "id":
            builder.id(
                token == JsonToken.VALUE_NUMBER_INT
                    ? parser.getLongValue()
                    : _parseLongPrimitive(parser, context));
            break;
          case "name":
            builder.name(text(parser, context, token));
            break;
          case "identifier":
            builder.identifier(text(parser, context, token));
            break;
          case "_info":
            readInfo(parser, context, token, builder);
            break;
          default:
            parser.skipChildren();
        }
      }
      return builder.build();
    } catch (IllegalStateException | NullPointerException e) {
      // The builder's own checks (a missing id, a null in _info), reported as Jackson would.
      throw context.instantiationException(Reference.class, e);
    }
  }

  private static Optional<String> text(
      JsonParser parser, DeserializationContext context, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return Optional.of(parser.getText());
    }
    return Optional.ofNullable(context.readValue(parser, String.class));
  }

  private static void readInfo(
      JsonParser parser, DeserializationContext context, JsonToken token, Reference.Builder builder)
      throws IOException {
    if (token != JsonToken.START_OBJECT) {
      JavaType type =
          context.getTypeFactory().constructMapType(Map.class, String.class, String.class);
      Map<String, String> info = context.readValue(parser, type);
      if (info != null) {
        builder.putAllInfo(info);
      }
      return;
    }
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      builder.putInfo(
          key,
          parser.nextToken() == JsonToken.VALUE_STRING
              ? parser.getText()
              : context.readValue(parser, String.class));
    }
  }
}
