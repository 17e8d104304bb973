package com.axcient.connectwise.integration.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A named part of the product's integration settings that another module owns, such as the
 * ticketing rules ({@code "ticketing"}) or the billing mappings ({@code "billing"}).
 *
 * <p>Settings files and the global policy carry each section as JSON under its name. The module
 * that owns a section registers an implementation so that a section is validated before anything
 * is applied, and so that callers can read it as the module's own type.
 *
 * @param <T> the module's type for the section's value
 */
public interface SettingsSection<T> {

  /**
   * The section's name in settings files and policies: a lower-case letter followed by letters,
   * digits or {@code -}, such as {@code ticketing}.
   */
  String name();

  /**
   * Every problem with a section's JSON, empty when it can be read. Each problem names the field
   * inside the section (such as {@code rules[0].boardId}); callers add the section's place in the
   * document in front of it.
   */
  List<SettingsProblem> validate(JsonNode json);

  /** The section's value; called only with JSON for which {@link #validate} found no problem. */
  T fromJson(JsonNode json);

  /** The value as JSON that {@link #validate} accepts. */
  JsonNode toJson(T value);

  /** The value that applies when neither a policy nor the device sets this section. */
  default Optional<T> defaultValue() {
    return Optional.empty();
  }
}
