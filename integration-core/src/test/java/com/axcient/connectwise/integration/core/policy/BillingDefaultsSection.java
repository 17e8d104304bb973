package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;

/** A stand-in for the billing module's defaults: a unit and a scale, with a built-in default. */
final class BillingDefaultsSection implements SettingsSection<BillingDefaultsSection.Defaults> {

  record Defaults(String unit, int scale) {}

  @Override
  public String name() {
    return "billing";
  }

  @Override
  public List<SettingsProblem> validate(JsonNode json) {
    String unit = json.path("unit").asText();
    if (!unit.equals("GB") && !unit.equals("GiB")) {
      return List.of(new SettingsProblem("unit", "must be GB or GiB"));
    }
    return List.of();
  }

  @Override
  public Defaults fromJson(JsonNode json) {
    return new Defaults(json.path("unit").asText(), json.path("scale").asInt());
  }

  @Override
  public JsonNode toJson(Defaults value) {
    return JsonNodeFactory.instance.objectNode().put("unit", value.unit()).put("scale", value.scale());
  }

  @Override
  public Optional<Defaults> defaultValue() {
    return Optional.of(new Defaults("GB", 2));
  }
}
