package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.companyInfo;
import static com.axcient.connectwise.client.Fixtures.json;
import static com.axcient.connectwise.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.model.CompanyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codebase is found through {@code /login/companyinfo}, once, and again after a move. */
class CodebaseDiscoveryTest {

  @StartStop private final MockWebServer server = Fixtures.server();

  private ConnectWiseClient discoveringClient() {
    return Fixtures.builder(server).codebase(null).build();
  }

  private static MockResponse emptyNotFound() {
    return new MockResponse.Builder().code(404).build();
  }

  @Test
  void discoversTheCodebaseOnFirstUseWithoutCredentials() throws Exception {
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(json("{\"id\":1}"));

    try (ConnectWiseClient client = discoveringClient()) {
      assertThat(server.getRequestCount()).isZero(); // building sends nothing
      client.boards().get(1);
      assertThat(client.codebase()).isEqualTo("v2025_1/");
    }

    RecordedRequest discovery = take(server);
    assertThat(discovery.getMethod()).isEqualTo("GET");
    assertThat(discovery.getTarget()).isEqualTo("/login/companyinfo/acme");
    assertThat(discovery.getHeaders().get("Authorization")).isNull();
    assertThat(take(server).getTarget()).isEqualTo("/v2025_1/apis/3.0/service/boards/1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void discoversOnceForManyCallsOnManyThreads() throws Exception {
    AtomicInteger discoveries = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getTarget().startsWith("/login/companyinfo/")) {
              discoveries.incrementAndGet();
              return companyInfo("v2025_1");
            }
            return json("{\"id\":1}");
          }
        });
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (ConnectWiseClient client = discoveringClient()) {
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(() -> client.boards().get(1));
        calls.add(() -> client.boards().getAsync(1).join());
      }
      for (Future<Object> result : threads.invokeAll(calls)) {
        assertThat(result.get()).isNotNull();
      }
      client.companyInfo();
      client.codebase();
    } finally {
      threads.shutdown();
    }

    assertThat(discoveries).hasValue(1);
    assertThat(server.getRequestCount()).isEqualTo(65);
    for (int i = 0; i < 65; i++) {
      String target = take(server).getTarget();
      assertThat(target).matches("/login/companyinfo/acme|/v2025_1/apis/3\\.0/service/boards/1");
    }
  }

  @Test
  void companyInfoIsReadOnceAndTyped() throws Exception {
    server.enqueue(companyInfo("v4_6_release/"));

    try (ConnectWiseClient client = discoveringClient()) {
      CompanyInfo info = client.companyInfo();
      assertThat(client.companyInfo()).isEqualTo(info);
      assertThat(client.codebase()).isEqualTo("v4_6_release/");
      assertThat(info.codebase()).hasValue("v4_6_release/");
      assertThat(info.companyName()).hasValue("Acme");
      assertThat(info.isCloud()).hasValue(true);
    }
    assertThat(take(server).getTarget()).isEqualTo("/login/companyinfo/acme");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aConfiguredCodebaseSkipsDiscovery() throws Exception {
    server.enqueue(json("{\"id\":1}"));

    try (ConnectWiseClient client = Fixtures.builder(server).codebase("/v2025_8").build()) {
      client.boards().get(1);
      assertThat(client.codebase()).isEqualTo("v2025_8/");
    }

    assertThat(take(server).getTarget()).isEqualTo("/v2025_8/apis/3.0/service/boards/1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPastedUrlGivesTheCodebase() throws Exception {
    server.enqueue(json("{\"id\":1}"));

    try (ConnectWiseClient client =
        Fixtures.builder(server)
            .codebase(null)
            .site(server.url("/v2025_1/apis/3.0/service/tickets").toString())
            .build()) {
      client.boards().get(1);
      assertThat(client.siteUrl()).isEqualTo(server.url("/").toString());
    }

    assertThat(take(server).getTarget()).isEqualTo("/v2025_1/apis/3.0/service/boards/1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void looksTheCodebaseUpAgainOnceAfterA404WithoutErrorBodyThenSucceeds() throws Exception {
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(json("{\"id\":1}"));
    server.enqueue(emptyNotFound()); // the hosted site moved to a new codebase
    server.enqueue(companyInfo("v2025_5/"));
    server.enqueue(json("{\"id\":2}"));

    try (ConnectWiseClient client = discoveringClient()) {
      assertThat(client.boards().get(1).id()).hasValue(1);
      assertThat(client.boards().get(2).id()).hasValue(2);
      assertThat(client.codebase()).isEqualTo("v2025_5/");
    }

    assertThat(take(server).getTarget()).isEqualTo("/login/companyinfo/acme");
    assertThat(take(server).getTarget()).isEqualTo("/v2025_1/apis/3.0/service/boards/1");
    assertThat(take(server).getTarget()).isEqualTo("/v2025_1/apis/3.0/service/boards/2");
    assertThat(take(server).getTarget()).isEqualTo("/login/companyinfo/acme");
    assertThat(take(server).getTarget()).isEqualTo("/v2025_5/apis/3.0/service/boards/2");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void anAsyncCallAlsoFollowsAMovedCodebase() throws Exception {
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(emptyNotFound());
    server.enqueue(companyInfo("v2025_5/"));
    server.enqueue(json("{\"id\":2}"));

    try (ConnectWiseClient client = discoveringClient()) {
      assertThat(client.boards().getAsync(2).join().id()).hasValue(2);
    }

    assertThat(take(server).getTarget()).isEqualTo("/login/companyinfo/acme");
    assertThat(take(server).getTarget()).isEqualTo("/v2025_1/apis/3.0/service/boards/2");
    assertThat(take(server).getTarget()).isEqualTo("/login/companyinfo/acme");
    assertThat(take(server).getTarget()).isEqualTo("/v2025_5/apis/3.0/service/boards/2");
  }

  @Test
  void aPersistingBare404IsAnAuthenticationProblemAfterOneLookup() throws Exception {
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/html")
            .setHeader("x-cw-request-id", "req-404")
            .body("<html><body>Not Found</body></html>")
            .build());
    server.enqueue(companyInfo("v2025_1/")); // the same codebase: nothing moved

    try (ConnectWiseClient client = discoveringClient()) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.status()).hasValue(404);
                assertThat(e.method()).isEqualTo("GET");
                assertThat(e.path()).isEqualTo("/service/tickets/5");
                assertThat(e.requestId()).hasValue("req-404");
                assertThat(e.getMessage())
                    .contains("company ID, public key or private key is wrong")
                    .contains("api-na.myconnectwise.net");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aBare404OnTheNewCodebaseTooIsAnAuthenticationProblemWithoutAnotherLookup()
      throws Exception {
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(emptyNotFound());
    server.enqueue(companyInfo("v2025_5/"));
    server.enqueue(emptyNotFound());

    try (ConnectWiseClient client = discoveringClient()) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("the answer had no body");
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void a404WithConnectWiseErrorBodyIsNotFoundWithoutALookup() throws Exception {
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(json(404, "{\"code\":\"NotFound\",\"message\":\"Ticket 5 was not found.\"}"));

    try (ConnectWiseClient client = discoveringClient()) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e -> {
                assertThat(e.errorCode()).hasValue("NotFound");
                assertThat(e.serverMessage()).hasValue("Ticket 5 was not found.");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void withAConfiguredCodebaseABare404IsNotLookedUp() throws Exception {
    server.enqueue(emptyNotFound());

    try (ConnectWiseClient client = Fixtures.builder(server).build()) {
      assertThatThrownBy(() -> client.tickets().get(5)).isInstanceOf(AuthenticationException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "  null \n"})
  void anUnknownCompanyIsNotFoundNamingTheCompany(String body) throws Exception {
    server.enqueue(json(body));

    try (ConnectWiseClient client = discoveringClient()) {
      assertThatThrownBy(() -> client.boards().get(1))
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("no company 'acme'")
                    .contains("check the company ID");
                assertThat(e.path()).isEqualTo("/login/companyinfo/acme");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aDiscoveryAnswerWithoutCodebaseSaysTheSiteIsProbablyNotConnectWise() {
    server.enqueue(json("{\"hello\":\"world\"}"));

    try (ConnectWiseClient client = discoveringClient()) {
      assertThatThrownBy(client::codebase)
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("did not name a codebase");
    }
  }

  @Test
  void aFailedDiscoveryIsTriedAgainOnTheNextCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(companyInfo("v2025_1/"));
    server.enqueue(json("{\"id\":1}"));

    try (ConnectWiseClient client =
        Fixtures.builder(server).codebase(null).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.boards().get(1)).isInstanceOf(ServerException.class);
      assertThat(client.boards().get(1).id()).hasValue(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
