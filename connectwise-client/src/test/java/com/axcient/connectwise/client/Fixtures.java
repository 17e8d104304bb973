package com.axcient.connectwise.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import com.axcient.connectwise.testkit.internal.NoDelayServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared settings and helpers for the tests that run the client against a MockWebServer. */
final class Fixtures {

  static final String COMPANY_ID = "acme";
  static final String PUBLIC_KEY = "Pub1Key2Abc";
  static final String PRIVATE_KEY = "Priv9Key8Xyz";
  /** Basic base64("acme+Pub1Key2Abc:Priv9Key8Xyz"), worked out by hand. */
  static final String AUTHORIZATION = "Basic YWNtZStQdWIxS2V5MkFiYzpQcml2OUtleThYeXo=";
  static final String CLIENT_ID = "3f0a6a51-7c1e-4f55-9d1f-0b8c7f3d2e10";
  static final String CODEBASE = "v4_6_release";
  /** The API root path with the configured codebase. */
  static final String API = "/v4_6_release/apis/3.0";

  private Fixtures() {}

  /**
   * A MockWebServer whose connections send small writes at once. Without this, the server's
   * separate writes of headers and body wait for the client's delayed acknowledgement and every
   * request takes about 40 ms.
   */
  static MockWebServer server() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    return server;
  }

  /**
   * A builder for a client of the server, with the codebase configured (so no discovery) and a
   * retry policy that never sleeps.
   */
  static ConnectWiseClient.Builder builder(MockWebServer server) {
    return ConnectWiseClient.builder()
        .site(server.url("/").toString())
        .allowInsecureHttp(true)
        .companyId(COMPANY_ID)
        .publicKey(PUBLIC_KEY)
        .privateKey(Secret.of(PRIVATE_KEY))
        .clientId(CLIENT_ID)
        .codebase(CODEBASE)
        .readTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().sleeper(duration -> {}).build());
  }

  /** A JSON answer. */
  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** A 200 JSON answer. */
  static MockResponse json(String body) {
    return json(200, body);
  }

  /** The next recorded request; fails instead of waiting forever. */
  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived at the server");
    }
    return request;
  }

  /** The answer to {@code /login/companyinfo} naming a codebase. */
  static MockResponse companyInfo(String codebase) {
    return json(
        "{\"CompanyName\":\"Acme\",\"Codebase\":\""
            + codebase
            + "\",\"VersionCode\":\"v2025.1\",\"VersionNumber\":\"v4.6.0\","
            + "\"CompanyID\":\"acme\",\"IsCloud\":true,\"SiteUrl\":\"na.myconnectwise.net\"}");
  }

  /** A sleeper that records the waits instead of sleeping. */
  static final class RecordingSleeper implements RetryPolicy.Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }
}
