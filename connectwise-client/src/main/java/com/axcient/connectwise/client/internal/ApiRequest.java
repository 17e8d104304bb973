package com.axcient.connectwise.client.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * One request to the ConnectWise API: method, path below {@code /apis/3.0} (or an absolute URL
 * taken from a {@code Link} header), query parameters, extra headers and body.
 */
public final class ApiRequest {

  private final String method;
  private final String path;
  private final HttpUrl absoluteUrl;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Object body;
  private final boolean repeatable;

  private ApiRequest(String method, String path, HttpUrl absoluteUrl, Object body, boolean repeatable) {
    this.method = method;
    this.path = path;
    this.absoluteUrl = absoluteUrl;
    this.body = body;
    this.repeatable = repeatable;
  }

  /** A GET of a path below {@code /apis/3.0}, such as {@code /service/tickets}. */
  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, null, null, true);
  }

  /** A GET of a full URL on the site, taken from a {@code Link} header. */
  public static ApiRequest get(HttpUrl url, String path) {
    return new ApiRequest("GET", path, url, null, true);
  }

  /** A POST: never repeated by the client. */
  public static ApiRequest post(String path, Object body) {
    return new ApiRequest("POST", path, null, body, false);
  }

  /** A PUT, which replaces the whole record and may be repeated. */
  public static ApiRequest put(String path, Object body) {
    return new ApiRequest("PUT", path, null, body, true);
  }

  /** A PATCH; repeatable when all its operations are absolute. */
  public static ApiRequest patch(String path, Object body, boolean repeatable) {
    return new ApiRequest("PATCH", path, null, body, repeatable);
  }

  /** A DELETE, which may be repeated. */
  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, null, null, true);
  }

  /** Adds a query parameter (values are URL-encoded when sent). */
  public ApiRequest query(String name, String value) {
    query.put(name, value);
    return this;
  }

  /** Adds a header. */
  public ApiRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  String method() {
    return method;
  }

  /** The path below {@code /apis/3.0}, used in errors and logs. */
  public String path() {
    return path;
  }

  HttpUrl absoluteUrl() {
    return absoluteUrl;
  }

  Map<String, String> queryParameters() {
    return Collections.unmodifiableMap(query);
  }

  Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  Object body() {
    return body;
  }

  boolean repeatable() {
    return repeatable;
  }
}
