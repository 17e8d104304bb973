package com.axcient.connectwise.client.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A ConnectWise site as the user typed it, normalised: the browser hosts of the cloud regions
 * ({@code na.}, {@code eu.}, {@code au.myconnectwise.net}) become their API hosts, HTTPS is
 * required unless plain HTTP is explicitly allowed, and a codebase in a pasted URL is kept.
 */
public final class Site {

  private static final Pattern CLOUD_BROWSER_HOST =
      Pattern.compile("(na|eu|au)\\.myconnectwise\\.net");
  private static final Pattern CODEBASE_IN_PATH =
      Pattern.compile("/([A-Za-z0-9_.-]+)/apis/3\\.0(/.*)?");
  private static final Pattern CODEBASE = Pattern.compile("[A-Za-z0-9_.-]+/");

  private final HttpUrl root;
  private final String codebase;

  private Site(HttpUrl root, String codebase) {
    this.root = root;
    this.codebase = codebase;
  }

  /**
   * Parses a site: a host ({@code api-na.myconnectwise.net}, {@code cw.example.com:8443}) or a
   * URL ({@code https://na.myconnectwise.net/v4_6_release/apis/3.0}).
   *
   * @throws IllegalArgumentException naming the problem and the fix
   */
  public static Site parse(String site, boolean allowHttp) {
    if (site == null || site.isBlank()) {
      throw new IllegalArgumentException(
          "site is missing: set it to your ConnectWise host, such as api-na.myconnectwise.net");
    }
    String text = site.strip();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "site '" + printable(text) + "' contains spaces or control characters: enter the host only");
      }
    }
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      throw new IllegalArgumentException(
          "site '"
              + printable(site)
              + "' is not a host name or URL: enter it as api-na.myconnectwise.net or https://cw.example.com");
    }
    if (url.username().length() > 0 || url.password().length() > 0) {
      throw new IllegalArgumentException(
          "site must not contain a user name or password: credentials go in the company ID and keys");
    }
    if (!url.isHttps() && !allowHttp) {
      // Quoted as typed (scheme and port included) so the user sees which part to change.
      throw new IllegalArgumentException(
          "site '"
              + printable(withoutQuery(text))
              + "' uses plain http: ConnectWise must be reached over https (plain http is only"
              + " allowed for local tests with allowInsecureHttp)");
    }
    String host = url.host().toLowerCase(Locale.ROOT);
    Matcher browser = CLOUD_BROWSER_HOST.matcher(host);
    if (browser.matches()) {
      host = "api-" + browser.group(1) + ".myconnectwise.net";
    }
    String codebase = null;
    Matcher path = CODEBASE_IN_PATH.matcher(url.encodedPath());
    if (path.matches()) {
      codebase = path.group(1) + "/";
    }
    HttpUrl root = new HttpUrl.Builder().scheme(url.scheme()).host(host).port(url.port()).build();
    return new Site(root, codebase);
  }

  /** Checks a codebase such as {@code v4_6_release/} and adds the trailing slash if missing. */
  public static String normaliseCodebase(String codebase) {
    String text = codebase.strip();
    while (text.startsWith("/")) {
      text = text.substring(1);
    }
    if (!text.endsWith("/")) {
      text = text + "/";
    }
    if (!CODEBASE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "codebase '"
              + printable(codebase)
              + "' is not valid: it looks like v4_6_release or v2025_1 (letters, digits, _ . -)");
    }
    return text;
  }

  /** The site's root URL, such as {@code https://api-na.myconnectwise.net/}. */
  public HttpUrl root() {
    return root;
  }

  /** The host requests go to. */
  public String host() {
    return root.host();
  }

  /**
   * The host and, when it is not the scheme's default, the port: {@code cw.example.com:8443},
   * {@code api-na.myconnectwise.net}. What a user checks when nothing answers there.
   */
  public String authority() {
    String host = root.host().contains(":") ? "[" + root.host() + "]" : root.host();
    int port = root.port();
    return port == HttpUrl.defaultPort(root.scheme()) ? host : host + ":" + port;
  }

  /** The codebase found in the URL the user entered, if any. */
  public Optional<String> codebaseFromUrl() {
    return Optional.ofNullable(codebase);
  }

  /** The API root for a codebase: {@code https://host/<codebase>apis/3.0}. */
  public HttpUrl apiRoot(String codebase) {
    return root.newBuilder().addPathSegments(codebase + "apis/3.0").build();
  }

  /** Whether a URL points at this site (same scheme, host and port). */
  public boolean owns(HttpUrl url) {
    return url.scheme().equals(root.scheme())
        && url.host().equalsIgnoreCase(root.host())
        && url.port() == root.port();
  }

  /** The text up to any query or fragment, which may carry tokens and says nothing of the site. */
  private static String withoutQuery(String text) {
    int end = text.length();
    for (char c : new char[] {'?', '#'}) {
      int at = text.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return text.substring(0, end);
  }

  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
