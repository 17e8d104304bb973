package com.axcient.connectwise.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the date forms ConnectWise writes and accepts. */
public final class Dates {

  private Dates() {}

  /** Parses {@code 2024-05-01T10:00:00Z} (offsets allowed) or a bare date at UTC midnight. */
  public static Instant parse(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notDateTime) {
      return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
  }

  /** True when {@link #parse} accepts the text. */
  public static boolean isDateTime(String text) {
    try {
      parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
