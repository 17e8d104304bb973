package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** A stand-in for the ticketing module's section: one board id and an on/off switch. */
public final class TestRulesSection implements SettingsSection<TestRulesSection.Rules> {

  /** The section's value. */
  public record Rules(long boardId, boolean enabled) {}

  @Override
  public String name() {
    return "ticketing";
  }

  @Override
  public List<SettingsProblem> validate(JsonNode json) {
    JsonNode boardId = json.path("boardId");
    if (!boardId.canConvertToExactIntegral() || boardId.asLong() <= 0) {
      return List.of(new SettingsProblem("boardId", "is not a board id: choose a service board"));
    }
    return List.of();
  }

  @Override
  public Rules fromJson(JsonNode json) {
    return new Rules(json.path("boardId").asLong(), json.path("enabled").asBoolean());
  }

  @Override
  public JsonNode toJson(Rules value) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("boardId", value.boardId())
        .put("enabled", value.enabled());
  }
}
