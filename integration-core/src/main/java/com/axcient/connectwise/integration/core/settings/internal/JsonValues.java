package com.axcient.connectwise.integration.core.settings.internal;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Copies and checks of section JSON shared by settings files and the global policy. */
public final class JsonValues {

  private static final Pattern SECTION_NAME = Pattern.compile("[a-z][A-Za-z0-9-]{0,63}");

  private JsonValues() {}

  /**
   * A sorted, unmodifiable deep copy, so that a caller's later changes to its JSON cannot reach a
   * value type.
   */
  public static Map<String, JsonNode> copySections(Map<String, ? extends JsonNode> sections) {
    Objects.requireNonNull(sections, "sections");
    Map<String, JsonNode> copy = new TreeMap<>();
    sections.forEach(
        (name, json) -> {
          requireSectionName(name);
          copy.put(name, Objects.requireNonNull(json, "section " + name).deepCopy());
        });
    return Collections.unmodifiableMap(copy);
  }

  /** A deep copy of each section, for handing out without exposing the held JSON. */
  public static Map<String, JsonNode> deepCopies(Map<String, JsonNode> sections) {
    Map<String, JsonNode> copy = new TreeMap<>();
    sections.forEach((name, json) -> copy.put(name, json.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  /** Checks a section name, naming the rule when it is broken. */
  public static String requireSectionName(String name) {
    Objects.requireNonNull(name, "section name");
    if (!SECTION_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "section name '"
              + name
              + "' is not allowed: use a lower-case letter followed by letters, digits or '-'");
    }
    return name;
  }

  /** Whether the text is an allowed section name. */
  public static boolean isSectionName(String name) {
    return SECTION_NAME.matcher(name).matches();
  }

  /**
   * Every problem with the sections: unknown names and what each known section's validator finds,
   * with fields prefixed by {@code prefix + name + "."}.
   */
  public static List<SettingsProblem> validateSections(
      Map<String, JsonNode> sections, Map<String, SettingsSection<?>> known, String prefix) {
    List<SettingsProblem> problems = new ArrayList<>();
    sections.forEach(
        (name, json) -> {
          SettingsSection<?> section = known.get(name);
          if (section == null) {
            problems.add(
                new SettingsProblem(
                    prefix + name,
                    "is not a section this product knows"
                        + (known.isEmpty() ? "" : " (it knows " + String.join(", ", new TreeMap<>(known).keySet()) + ")")
                        + ": remove it, or install the module that provides it"));
            return;
          }
          List<SettingsProblem> found;
          try {
            found = section.validate(json.deepCopy());
          } catch (RuntimeException e) {
            // A validator that fails on odd JSON must not let the section through.
            found =
                List.of(new SettingsProblem("", "cannot be read (" + e.getClass().getSimpleName() + "): correct the section's JSON"));
          }
          for (SettingsProblem problem : found) {
            String field =
                problem.field().isEmpty() ? prefix + name : prefix + name + "." + problem.field();
            problems.add(new SettingsProblem(field, problem.message()));
          }
        });
    return problems;
  }

  /** The sections by name, rejecting two with the same name. */
  public static Map<String, SettingsSection<?>> byName(List<SettingsSection<?>> sections) {
    Map<String, SettingsSection<?>> byName = new TreeMap<>();
    for (SettingsSection<?> section : sections) {
      String name = requireSectionName(section.name());
      if (byName.putIfAbsent(name, section) != null) {
        throw new IllegalArgumentException(
            "two settings sections are named '" + name + "': register each section once");
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
