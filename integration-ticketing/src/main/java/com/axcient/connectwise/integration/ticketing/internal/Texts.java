package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Template filling, the summary cut and log-safe text. */
public final class Texts {

  /** The most characters ConnectWise stores in a ticket summary. */
  public static final int MAX_SUMMARY = 100;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

  private Texts() {}

  /**
   * The placeholders in a template that are not known.
   *
   * @param template the template
   * @return the unknown placeholders, in order
   */
  public static List<String> unknownPlaceholders(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!TicketRule.PLACEHOLDERS.contains(m.group())) {
        unknown.add(m.group());
      }
    }
    return unknown;
  }

  /**
   * Fills a template with an event's values; missing optional values become empty.
   *
   * @param template the template
   * @param e the event
   * @return the text
   */
  public static String fill(String template, AlertEvent e) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value;
      switch (m.group()) {
        case "{device}":
          value = e.device();
          break;
        case "{protectedSystem}":
          value = e.protectedSystem().orElse("");
          break;
        case "{message}":
          value = e.message();
          break;
        case "{eventClass}":
          value = e.eventClass().name();
          break;
        case "{severity}":
          value = e.severity().name();
          break;
        case "{customer}":
          value = e.customer().orElse("");
          break;
        case "{time}":
          value = e.time().toString();
          break;
        case "{alertId}":
          value = e.alertId();
          break;
        default:
          value = m.group();
          break;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A ticket summary: one line, spaces collapsed, at most {@value #MAX_SUMMARY} characters. A
   * longer text is cut and ends with an ellipsis; a surrogate pair is never split.
   *
   * @param text the filled summary template
   * @return the summary
   */
  public static String summary(String text) {
    String line = CONTROL.matcher(text).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    if (line.isEmpty()) {
      line = "Alert";
    }
    if (line.length() <= MAX_SUMMARY) {
      return line;
    }
    return prefix(line, MAX_SUMMARY - 1).stripTrailing() + "\u2026";
  }

  /**
   * The first {@code length} characters of a longer text, one fewer when the last would be the
   * first half of a surrogate pair: a cut never leaves half a character.
   */
  static String prefix(String text, int length) {
    return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
  }

  /**
   * Text fit for a log line: control characters replaced, at most 120 characters.
   *
   * @param text product or server text
   * @return the safe text
   */
  public static String forLog(String text) {
    String line = CONTROL.matcher(text).replaceAll(" ");
    return line.length() <= 120 ? line : line.substring(0, 120) + "...";
  }
}
