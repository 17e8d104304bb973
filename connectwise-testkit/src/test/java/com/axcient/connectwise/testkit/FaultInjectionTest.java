package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static final Duration SHORT = Duration.ofMillis(300);
  private ConnectWiseSimulator cw;
  private RawHttp http;

  @BeforeEach
  void start() {
    cw = ConnectWiseSimulator.builder().build().start();
    http = new RawHttp(cw);
  }

  @AfterEach
  void stop() {
    cw.close();
  }

  private static String ticket(String key) {
    return "{\"summary\":\"Backup failed\",\"company\":{\"id\":251},\"externalXRef\":\"" + key + "\"}";
  }

  private int ticketsWithKey(String key) {
    return cw.data().list("/service/tickets", "externalXRef = \"" + key + "\"").size();
  }

  @Test
  void rateLimitedAnswers429WithRetryAfterForTheNextNRequestsOnly() {
    cw.faults().on("POST", "/service/tickets").times(2).rateLimited(Duration.ofSeconds(7));

    RawHttp.Reply first = http.post("/service/tickets", ticket("k1"));
    RawHttp.Reply second = http.post("/service/tickets", ticket("k1"));
    RawHttp.Reply third = http.post("/service/tickets", ticket("k1"));

    assertThat(first.status).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("7");
    assertThat(first.json().path("code").asText()).isEqualTo("TooManyRequests");
    assertThat(second.status).isEqualTo(429);
    assertThat(third.status).isEqualTo(201);
    assertThat(ticketsWithKey("k1")).isEqualTo(1);
    assertThat(cw.journal().calls("POST", "/service/tickets"))
        .extracting(RecordedCall::handled).containsExactly(false, false, true);
  }

  @Test
  void okHttpResendsAPostWhenAPooledConnectionDropsAfterTheWriteAndTheJournalShowsBoth() throws IOException {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    okhttp3.Request warmUp = new okhttp3.Request.Builder().url(cw.apiUrl() + "/system/info")
        .header("Authorization", cw.authorizationHeader()).header("clientId", cw.clientId()).build();
    client.newCall(warmUp).execute().close();
    cw.faults().on("POST", "/service/tickets").dropConnectionAfterWrite();

    okhttp3.Request post = warmUp.newBuilder().url(cw.apiUrl() + "/service/tickets")
        .post(okhttp3.RequestBody.create(ticket("k10"), okhttp3.MediaType.get("application/json"))).build();
    try (okhttp3.Response response = client.newCall(post).execute()) {
      assertThat(response.code()).isEqualTo(201);
    }

    assertThat(ticketsWithKey("k10")).isEqualTo(2);
    assertThat(cw.journal().calls("POST", "/service/tickets")).extracting(RecordedCall::status)
        .containsExactly(0, 201);
    client.connectionPool().evictAll();
  }

  @Test
  void aStatusFaultRejectsTheRequestWithoutWriting() {
    cw.faults().on("POST", "/service/tickets").respondStatus(503).retryAfter(0);

    RawHttp.Reply reply = http.post("/service/tickets", ticket("k2"));

    assertThat(reply.status).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("0");
    assertThat(reply.header("Content-Type")).startsWith("text/html");
    assertThat(ticketsWithKey("k2")).isZero();
  }

  @Test
  void aFaultTakesATrailingSlashPathTheRouterSendsToTheSameCollection() {
    cw.faults().on("POST", "/service/tickets").times(1).respondStatus(503);

    RawHttp.Reply reply = http.post("/service/tickets/", ticket("k-slash"));

    assertThat(reply.status).isEqualTo(503);
    assertThat(cw.faults().active()).isEmpty();
    assertThat(ticketsWithKey("k-slash")).isZero();
    assertThat(cw.journal().calls("POST", "/service/tickets")).hasSize(1);
  }

  @Test
  void aStatusFaultAfterWriteCreatesTheTicketThenFails() {
    cw.faults().on("POST", "/service/tickets").respondStatus(500).afterWrite();

    RawHttp.Reply reply = http.post("/service/tickets", ticket("k3"));

    assertThat(reply.status).isEqualTo(500);
    assertThat(reply.json().path("code").asText()).isNotBlank();
    assertThat(ticketsWithKey("k3")).isEqualTo(1);
  }

  @Test
  void aCreatedAnswerCanCarryABodyThatIsNotJson() {
    cw.faults().on("POST", "/service/tickets").respondStatus(201).afterWrite()
        .body("text/html", "<html><body>Saved</body></html>");

    RawHttp.Reply reply = http.post("/service/tickets", ticket("k4"));

    assertThat(reply.status).isEqualTo(201);
    assertThat(reply.body).startsWith("<html>");
    assertThat(ticketsWithKey("k4")).isEqualTo(1);
  }

  @Test
  void droppingTheConnectionAfterTheWriteLeavesTheTicketCreated() {
    cw.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();

    assertThatThrownBy(() -> http.sendRaw("POST", "/service/tickets", ticket("k5"), Duration.ofSeconds(5)))
        .isInstanceOf(IOException.class);

    assertThat(ticketsWithKey("k5")).isEqualTo(1);
    RecordedCall call = cw.journal().last();
    assertThat(call.status()).isZero();
    assertThat(call.handled()).isTrue();
    assertThat(call.fault()).hasValueSatisfying(f -> assertThat(f).contains("after write"));
    assertThat(http.post("/service/tickets", ticket("k5b")).status).isEqualTo(201);
  }

  @Test
  void droppingTheConnectionBeforeTheWriteCreatesNothing() {
    cw.faults().on("POST", "/service/tickets").dropConnection();

    assertThatThrownBy(() -> http.sendRaw("POST", "/service/tickets", ticket("k6"), Duration.ofSeconds(5)))
        .isInstanceOf(IOException.class);

    assertThat(ticketsWithKey("k6")).isZero();
    assertThat(cw.journal().last().handled()).isFalse();
  }

  @Test
  void aResponseCutMidBodyFailsTheReadAfterTheWrite() {
    cw.faults().on("POST", "/service/tickets").cutResponseBody();

    assertThatThrownBy(() -> http.sendRaw("POST", "/service/tickets", ticket("k7"), Duration.ofSeconds(5)))
        .isInstanceOf(IOException.class);

    assertThat(ticketsWithKey("k7")).isEqualTo(1);
  }

  @Test
  void addedLatencyMakesAShortTimeoutFireAfterTheWrite() {
    cw.faults().on("POST", "/service/tickets").latency(Duration.ofSeconds(5));

    assertThatThrownBy(() -> http.sendRaw("POST", "/service/tickets", ticket("k8"), SHORT))
        .isInstanceOf(HttpTimeoutException.class);

    assertThat(ticketsWithKey("k8")).isEqualTo(1);
  }

  @Test
  void aStalledResponseNeverArrives() {
    cw.faults().on("POST", "/service/tickets").stall();

    assertThatThrownBy(() -> http.sendRaw("POST", "/service/tickets", ticket("k9"), SHORT))
        .isInstanceOf(HttpTimeoutException.class);

    assertThat(ticketsWithKey("k9")).isEqualTo(1);
    assertThat(cw.journal().last().status()).isZero();
  }

  @Test
  void aThrottledBodyArrivesWhole() {
    String expected = http.get("/service/tickets/41001").body;
    cw.faults().on("GET", "/service/tickets/*").throttleBody(256, Duration.ofMillis(1));

    RawHttp.Reply slow = http.get("/service/tickets/41001");

    assertThat(slow.body).isEqualTo(expected);
    assertThat(cw.journal().last().fault()).isPresent();
  }

  @Test
  void refusedConnectionsLastUntilTheOutageEnds() {
    int port = cw.port();
    // A pooled connection is open when the outage starts; it is closed with the listener.
    assertThat(http.get("/system/info").status).isEqualTo(200);
    try (Outage outage = cw.faults().refuseConnections()) {
      assertThatThrownBy(() -> http.sendRaw("GET", "/system/info", null, Duration.ofSeconds(5)))
          .isInstanceOf(ConnectException.class);
      assertThat(outage.isActive()).isTrue();
    }

    assertThat(cw.port()).isEqualTo(port);
    assertThat(http.get("/system/info").status).isEqualTo(200);
  }

  @Test
  void patternsMatchSegmentsMethodsAndTheDiscoveryPath() {
    cw.faults().on("*", "/service/tickets/*/notes").always().respondStatus(502);
    cw.faults().on("GET", "/login/**").respondStatus(503);

    assertThat(http.get("/service/tickets/41001/notes").status).isEqualTo(502);
    assertThat(http.post("/service/tickets/41001/notes", "{}").status).isEqualTo(502);
    assertThat(http.get("/service/tickets/41001").status).isEqualTo(200);
    assertThat(http.sendTo("GET", URI.create(cw.baseUrl() + "/login/companyinfo/training"), null,
        Duration.ofSeconds(5)).status).isEqualTo(503);
    assertThat(http.get("/service/tickets/41001/notes").status).isEqualTo(502);
  }

  @Test
  void faultsCanBeListedCancelledAndCleared() {
    Fault once = cw.faults().on("GET", "/system/info").times(3).respondStatus(500);
    cw.faults().on("GET", "/service/boards").respondStatus(500);

    http.get("/system/info");
    assertThat(once.remaining()).isEqualTo(2);
    once.cancel();
    assertThat(http.get("/system/info").status).isEqualTo(200);
    assertThat(cw.faults().active()).hasSize(1);
    cw.faults().clear();
    assertThat(http.get("/service/boards").status).isEqualTo(200);
  }

  @Test
  void theFirstMatchingFaultWins() {
    cw.faults().on("GET", "/system/info").respondStatus(502);
    cw.faults().on("GET", "/system/**").respondStatus(504);

    List<Integer> statuses = List.of(http.get("/system/info").status, http.get("/system/info").status,
        http.get("/system/info").status);

    assertThat(statuses).containsExactly(502, 504, 200);
  }
}
