package com.axcient.connectwise.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What ConnectWise posts to a registered callback URL when a record changes: which record
 * ({@link #type()}, {@link #recordId()}), what happened ({@link #action()}), and the record
 * itself ({@link #entity()}). Treat it as a hint: re-read the record through the API before
 * acting on it, since callbacks can arrive late, twice, or out of order.
 */
public final class CallbackPayload {

  private final JsonNode raw;
  private final JsonNode entity;

  CallbackPayload(JsonNode raw, JsonNode entity) {
    this.raw = raw;
    this.entity = entity;
  }

  /** {@code added}, {@code updated} or {@code deleted}. */
  public Optional<String> action() {
    return text("Action");
  }

  /** The kind of record, such as {@code ticket} or {@code company}. */
  public Optional<String> type() {
    return text("Type");
  }

  /** The changed record's id. */
  public OptionalLong recordId() {
    JsonNode id = raw.get("ID");
    return id != null && id.canConvertToLong() ? OptionalLong.of(id.asLong()) : OptionalLong.empty();
  }

  /** ConnectWise's id of this message. */
  public Optional<String> messageId() {
    return text("MessageId");
  }

  /** The company ID of the site that sent the callback. */
  public Optional<String> companyId() {
    return text("CompanyId");
  }

  /** The identifier of the member whose change caused the callback. */
  public Optional<String> memberId() {
    return text("MemberId");
  }

  /** The site URL the callback came from. */
  public Optional<String> fromUrl() {
    return text("FromUrl");
  }

  /**
   * The changed record as JSON ({@code Entity}, which ConnectWise sends as a JSON string or an
   * object); a missing node when absent. Convert it with the client's mapper, for example
   * {@code mapper.convertValue(payload.entity(), Ticket.class)}.
   */
  public JsonNode entity() {
    return entity;
  }

  /** The whole payload as received. */
  public JsonNode raw() {
    return raw;
  }

  private Optional<String> text(String field) {
    JsonNode value = raw.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  static JsonNode missing() {
    return MissingNode.getInstance();
  }

  /** Names the record and the action; the entity is left out as it may carry customer data. */
  @Override
  public String toString() {
    return "CallbackPayload{"
        + type().orElse("?")
        + " "
        + (recordId().isPresent() ? recordId().getAsLong() : "?")
        + " "
        + action().orElse("?")
        + "}";
  }
}
