package com.axcient.connectwise.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain HTTP requests to a simulator, with the API member's credentials unless told otherwise. */
final class RawHttp {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final ConnectWiseSimulator simulator;
  private final HttpClient client;
  private final Map<String, String> headers = new LinkedHashMap<>();

  RawHttp(ConnectWiseSimulator simulator) {
    this(simulator, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  private RawHttp(ConnectWiseSimulator simulator, HttpClient client) {
    this.simulator = simulator;
    this.client = client;
    headers.put("Authorization", simulator.authorizationHeader());
    headers.put("clientId", simulator.clientId());
    headers.put("Accept", "application/vnd.connectwise.com+json; version=2026.4");
  }

  /** The same requester with a header changed; a null value removes it. */
  RawHttp with(String name, String value) {
    RawHttp copy = new RawHttp(simulator, client);
    copy.headers.clear();
    copy.headers.putAll(headers);
    if (value == null) {
      copy.headers.remove(name);
    } else {
      copy.headers.put(name, value);
    }
    return copy;
  }

  Reply get(String apiPath) {
    return send("GET", apiPath, null);
  }

  Reply post(String apiPath, String json) {
    return send("POST", apiPath, json);
  }

  Reply put(String apiPath, String json) {
    return send("PUT", apiPath, json);
  }

  Reply patch(String apiPath, String json) {
    return send("PATCH", apiPath, json);
  }

  Reply delete(String apiPath) {
    return send("DELETE", apiPath, null);
  }

  /** Sends to a path under the API base; the query part is given already encoded. */
  Reply send(String method, String apiPath, String json) {
    return sendTo(method, URI.create(simulator.apiUrl() + apiPath), json, Duration.ofSeconds(10));
  }

  Reply sendTo(String method, URI uri, String json, Duration timeout) {
    try {
      return new Reply(client.send(request(method, uri, json, timeout),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> sendRaw(String method, String apiPath, String json, Duration timeout)
      throws IOException, InterruptedException {
    return client.send(request(method, URI.create(simulator.apiUrl() + apiPath), json, timeout),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest request(String method, URI uri, String json, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
    headers.forEach(builder::header);
    if (json != null && !headers.containsKey("Content-Type")) {
      builder.header("Content-Type", "application/json");
    }
    return builder.method(method, json == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An answer. */
  static final class Reply {
    final int status;
    final String body;
    final HttpResponse<String> response;

    Reply(HttpResponse<String> response) {
      this.response = response;
      this.status = response.statusCode();
      this.body = response.body();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
