package com.axcient.connectwise.client.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses an RFC 8288 {@code Link} header such as {@code <url>; rel="next", <url>; rel="last"}. */
final class LinkHeader {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
  private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*\"?([^\";,]+)\"?");

  private LinkHeader() {}

  /** The target URL of each relation, by lower-case relation name. */
  static Map<String, String> parse(String header) {
    Map<String, String> links = new LinkedHashMap<>();
    if (header == null) {
      return links;
    }
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      Matcher rel = REL.matcher(link.group(2));
      if (rel.find()) {
        for (String name : rel.group(1).trim().split("\\s+")) {
          links.putIfAbsent(name.toLowerCase(Locale.ROOT), link.group(1).trim());
        }
      }
    }
    return links;
  }
}
