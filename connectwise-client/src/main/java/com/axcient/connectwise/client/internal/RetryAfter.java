package com.axcient.connectwise.client.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: seconds, or an HTTP date. */
final class RetryAfter {

  /**
   * The longest wait a header is read as. Anything longer (a date centuries ahead, or a number of
   * seconds too large for a long) is read as this, which the retry policy never waits for; it
   * still fits a {@code long} of nanoseconds and can be added to any current instant.
   */
  static final Duration LONGEST = Duration.ofDays(100L * 365);

  private RetryAfter() {}

  /**
   * The wait the header asks for, at most {@link #LONGEST}; null when absent or unusable (a
   * negative number, or neither seconds nor an HTTP date).
   */
  static Duration parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String text = header.strip();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // All digits: a number of seconds; one too large for a long is still "very long".
      try {
        return atMostLongest(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException | ArithmeticException tooLarge) {
        return LONGEST;
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return wait.isNegative() ? Duration.ZERO : atMostLongest(wait);
    } catch (DateTimeParseException | ArithmeticException notADate) {
      return null;
    }
  }

  /** Whether the wait is one the header could only have meant as "very long": never waited for. */
  static boolean isLongest(Duration wait) {
    return wait.compareTo(LONGEST) >= 0;
  }

  private static Duration atMostLongest(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
