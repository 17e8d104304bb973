package com.axcient.connectwise.integration.core.settings;

import java.util.Objects;

/**
 * One thing wrong with a setting: which field, and what to do about it in the user's words.
 *
 * @param field the setting's name as the settings page shows it, such as {@code companyId}
 * @param message what is wrong and how to fix it
 */
public record SettingsProblem(String field, String message) {

  /** Checks that both parts are present. */
  public SettingsProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
