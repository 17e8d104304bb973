package com.axcient.connectwise.integration.core.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that cannot be used, with every problem found (not only the first). */
public class InvalidSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<SettingsProblem> problems;

  /** An exception listing these problems; there must be at least one. */
  public InvalidSettingsException(List<SettingsProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order the fields appear on the settings page. */
  public List<SettingsProblem> problems() {
    return problems;
  }

  private static String message(List<SettingsProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("An InvalidSettingsException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size()
        + " settings need fixing: "
        + problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; "));
  }
}
