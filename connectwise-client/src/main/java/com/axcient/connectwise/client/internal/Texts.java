package com.axcient.connectwise.client.internal;

/** Makes server-provided text safe for a log line or an exception message. */
public final class Texts {

  private static final int MAX_LENGTH = 300;

  private Texts() {}

  /**
   * The text with line breaks and other control characters replaced by spaces and shortened, so
   * that a server cannot forge log lines; {@code "-"} for null.
   */
  public static String forLog(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
    for (int i = 0; i < text.length(); i++) {
      if (out.length() >= MAX_LENGTH) {
        out.append('…');
        break;
      }
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }
}
