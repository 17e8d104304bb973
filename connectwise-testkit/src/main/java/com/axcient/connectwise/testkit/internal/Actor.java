package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The member a change is made by: the API member for API requests, or a technician for changes
 * made through the simulator's data API.
 *
 * @param id the member's record id
 * @param identifier the member's identifier, written to {@code _info.updatedBy}
 * @param name the member's display name
 */
public record Actor(long id, String identifier, String name) {

  /** The actor for a member record. */
  public static Actor of(JsonNode member) {
    return new Actor(
        member.path("id").asLong(),
        member.path("identifier").asText(),
        member.path("firstName").asText() + " " + member.path("lastName").asText());
  }
}
