package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.internal.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * The simulator's answers to a full ticket listing, recorded once and served again from memory on
 * loopback. The simulator copies its whole table for every page it serves (about a second a page
 * at 100,000 tickets), which would drown the client's own cost; the replay serves the same bytes
 * and headers in a few milliseconds, so what is left to compare is the two clients.
 */
final class ReplayServer implements AutoCloseable {

  private record Answer(String contentType, String link, byte[] body) {}

  private final Map<String, Answer> answers = new HashMap<>();
  private final MockWebServer server = new MockWebServer();
  private final long bytes;

  private ReplayServer(ConnectWiseSimulator cw) {
    OkHttpClient http = new OkHttpClient();
    String discovery = "/login/companyinfo/" + cw.companyId();
    answers.put(discovery, fetch(http, HttpUrl.get(cw.baseUrl() + discovery), cw, false));
    HttpUrl url = HttpUrl.get(cw.apiUrl() + "/service/tickets").newBuilder()
        .addQueryParameter("pageSize", Integer.toString(ListingPasses.PAGE_SIZE))
        .addQueryParameter("page", "1")
        .build();
    long total = 0;
    while (url != null) {
      Answer answer = fetch(http, url, cw, true);
      answers.put(key(url), answer);
      total += answer.body().length;
      String next = ListingPasses.nextLink(answer.link());
      url = next == null ? null : url.resolve(next);
    }
    this.bytes = total;
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Answer answer = answers.get(key(request.getUrl()));
        if (answer == null) {
          return new MockResponse.Builder().code(404).body("{\"code\":\"NotFound\"}").build();
        }
        MockResponse.Builder response = new MockResponse.Builder().code(200)
            .setHeader("Content-Type", answer.contentType())
            .body(new Buffer().write(answer.body()));
        if (answer.link() != null) {
          response.setHeader("Link", answer.link().replace(cw.baseUrl(), baseUrl()));
        }
        return response.build();
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the replay server", e);
    }
  }

  /** Records every page of the simulator's ticket list, and its discovery answer. */
  static ReplayServer record(ConnectWiseSimulator cw) {
    return new ReplayServer(cw);
  }

  /** The site URL to give a client instead of the simulator's. */
  String baseUrl() {
    HttpUrl url = server.url("/");
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** The bytes of all recorded pages. */
  long bytes() {
    return bytes;
  }

  private static String key(HttpUrl url) {
    String page = url.queryParameter("page");
    return url.encodedPath() + (url.encodedPath().endsWith("/service/tickets")
        ? "#" + (page == null ? "1" : page) : "");
  }

  private static Answer fetch(OkHttpClient http, HttpUrl url, ConnectWiseSimulator cw, boolean api) {
    Request.Builder request = new Request.Builder().url(url);
    if (api) {
      request.header("Authorization", cw.authorizationHeader()).header("clientId", cw.clientId());
    }
    try (Response response = http.newCall(request.build()).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("Recording " + url.encodedPath() + " failed: " + response.code());
      }
      return new Answer(response.header("Content-Type", "application/json"), response.header("Link"),
          response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Recording " + url.encodedPath() + " failed", e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
