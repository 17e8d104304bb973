package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;

/**
 * Reads a free-form JSON value, keeping decimal numbers exact: Jackson's own tree reader turns
 * {@code 0.10} into a {@code double}, which would round currency custom fields.
 */
final class ExactJsonValueDeserializer extends JsonDeserializer<JsonNode> {

  @Override
  public JsonNode deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return DecimalNode.valueOf(parser.getDecimalValue());
    }
    return context.readTree(parser);
  }

  // A JSON null is a value ("the field is cleared"), not an absent one.
  @Override
  public JsonNode getNullValue(DeserializationContext context) {
    return NullNode.getInstance();
  }
}
