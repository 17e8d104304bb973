package com.axcient.connectwise.integration.ticketing;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the ticketing settings, in the user's words.
 *
 * @param eventClass the rule it concerns; empty for the settings as a whole (such as a customer
 *     mapping)
 * @param field the field, such as {@code closedStatusId}
 * @param message what is wrong and how to fix it
 */
public record RuleProblem(Optional<EventClass> eventClass, String field, String message) {

  /** Checks that every part is present. */
  public RuleProblem {
    Objects.requireNonNull(eventClass, "eventClass");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The problem as one line, such as {@code rule BACKUP_FAILED: closedStatusId: ...}.
   *
   * @return the line
   */
  @Override
  public String toString() {
    return eventClass.map(c -> "rule " + c + ": ").orElse("") + field + ": " + message;
  }
}
