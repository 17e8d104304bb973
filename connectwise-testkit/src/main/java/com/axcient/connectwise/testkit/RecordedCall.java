package com.axcient.connectwise.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received, as the {@link Journal} keeps it: what was asked, and what
 * the simulator did about it. The {@code Authorization} header is redacted.
 */
public final class RecordedCall {

  private final Instant time;
  private final String method;
  private final String path;
  private final String apiPath;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;
  private final boolean handled;
  private final String fault;

  RecordedCall(Instant time, String method, String path, String apiPath,
      Map<String, List<String>> query, Map<String, List<String>> headers, String body, int status,
      boolean handled, String fault) {
    this.time = time;
    this.method = method;
    this.path = path;
    this.apiPath = apiPath;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.status = status;
    this.handled = handled;
    this.fault = fault;
  }

  /**
   * When it arrived, by the simulator's clock.
   *
   * @return the instant
   */
  public Instant time() {
    return time;
  }

  /**
   * The HTTP method.
   *
   * @return e.g. {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The full decoded path.
   *
   * @return e.g. {@code /v4_6_release/apis/3.0/service/tickets}
   */
  public String path() {
    return path;
  }

  /**
   * The path relative to the API base, or the full path for requests outside it.
   *
   * @return e.g. {@code /service/tickets} or {@code /login/companyinfo/training}
   */
  public String apiPath() {
    return apiPath;
  }

  /**
   * The decoded query parameters, in the order received.
   *
   * @return parameter name to values
   */
  public Map<String, List<String>> query() {
    return query;
  }

  /**
   * The first decoded value of a query parameter, e.g. the exact {@code conditions} received.
   *
   * @param name the parameter name
   * @return the value, if the parameter was sent
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The request headers, names in lower case, {@code Authorization} redacted.
   *
   * @return header name to values
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, if sent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The request body as UTF-8 text.
   *
   * @return the body; empty when there was none
   */
  public String body() {
    return body;
  }

  /**
   * The status put on the wire.
   *
   * @return the status; 0 when the connection was dropped or stalled before a response
   */
  public int status() {
    return status;
  }

  /**
   * Whether the request reached the simulated data (a POST that was handled created its record),
   * even if a fault then hid the answer.
   *
   * @return true when handled
   */
  public boolean handled() {
    return handled;
  }

  /**
   * The fault applied to this request, if any.
   *
   * @return a description such as {@code drop after write on POST /service/tickets}
   */
  public Optional<String> fault() {
    return Optional.ofNullable(fault);
  }

  @Override
  public String toString() {
    return method + " " + apiPath + (query.isEmpty() ? "" : " " + query) + " -> "
        + (status == 0 ? "no response" : status) + (fault == null ? "" : " [" + fault + "]");
  }
}
