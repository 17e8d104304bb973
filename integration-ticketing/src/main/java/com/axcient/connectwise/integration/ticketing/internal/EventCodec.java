package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertSeverity;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Alert events as outbox payloads (JSON), version 1. */
public final class EventCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Ends a free text field that was cut to fit the outbox payload. */
  static final String TRUNCATED = "\u2026 (truncated)";

  private EventCodec() {}

  /**
   * The event as JSON. The message is cut to {@value AlertEvent#MAX_MESSAGE_LENGTH} characters and
   * the other free text fields to {@value AlertEvent#MAX_TEXT_LENGTH}, so the escaped JSON (at most
   * 6 characters per character) always fits the outbox payload.
   *
   * @param e the event
   * @return the JSON text
   */
  public static String encode(AlertEvent e) {
    return node(e).toString();
  }

  /**
   * A delayed opening as JSON: the raise that scheduled it and the incident it opens.
   *
   * @param e the raise
   * @param incident the incident of the alert's link that the opening is for
   * @return the JSON text
   */
  public static String encodeOpening(AlertEvent e, int incident) {
    return node(e).put("incident", incident).toString();
  }

  /**
   * The incident a delayed opening is for.
   *
   * @param json the opening's JSON text
   * @return the incident, or empty for an opening written without one
   * @throws IllegalArgumentException when the payload is not JSON
   */
  public static OptionalInt incident(String json) {
    try {
      JsonNode incident = MAPPER.readTree(json).get("incident");
      return incident == null || !incident.canConvertToInt()
          ? OptionalInt.empty()
          : OptionalInt.of(incident.asInt());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the work item's payload is not an alert event", e);
    }
  }

  private static ObjectNode node(AlertEvent e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", 1);
    node.put("alertId", e.alertId());
    node.put("eventClass", e.eventClass().name());
    node.put("severity", e.severity().name());
    node.put("device", cut(e.device(), AlertEvent.MAX_TEXT_LENGTH));
    e.protectedSystem()
        .ifPresent(v -> node.put("protectedSystem", cut(v, AlertEvent.MAX_TEXT_LENGTH)));
    e.customer().ifPresent(v -> node.put("customer", cut(v, AlertEvent.MAX_TEXT_LENGTH)));
    e.deviceCompany()
        .ifPresent(v -> node.put("deviceCompany", cut(v, AlertEvent.MAX_TEXT_LENGTH)));
    node.put("message", cut(e.message(), AlertEvent.MAX_MESSAGE_LENGTH));
    node.put("time", e.time().toString());
    node.put("state", e.state().name());
    return node;
  }

  /**
   * The event from JSON.
   *
   * @param json the JSON text
   * @return the event
   * @throws IllegalArgumentException when the payload is not an event
   */
  public static AlertEvent decode(String json) {
    try {
      JsonNode n = MAPPER.readTree(json);
      return new AlertEvent(
          n.path("alertId").asText(),
          EventClass.of(n.path("eventClass").asText()),
          AlertSeverity.valueOf(n.path("severity").asText()),
          n.path("device").asText(),
          text(n, "protectedSystem"),
          text(n, "customer"),
          text(n, "deviceCompany"),
          n.path("message").asText(),
          Instant.parse(n.path("time").asText()),
          AlertState.valueOf(n.path("state").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("the work item's payload is not an alert event", e);
    }
  }

  /**
   * The text, or when longer than {@code max} its start followed by {@link #TRUNCATED}, {@code max}
   * characters in all; a surrogate pair is never split.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return Texts.prefix(text, max - TRUNCATED.length()) + TRUNCATED;
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
