package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.json;
import static com.axcient.connectwise.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.Fixtures.RecordingSleeper;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per retry rule; the sleeper records the waits instead of sleeping. */
class RetryTest {

  @StartStop private final MockWebServer server = Fixtures.server();

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private ConnectWiseClient client(Consumer<RetryPolicy.Builder> policy) {
    RetryPolicy.Builder builder =
        RetryPolicy.builder()
            .sleeper(sleeper)
            .random(() -> 0.5)
            .baseDelay(Duration.ofMillis(100))
            .maxDelay(Duration.ofSeconds(1));
    policy.accept(builder);
    return Fixtures.builder(server).retryPolicy(builder.build()).build();
  }

  private ConnectWiseClient client() {
    return client(policy -> {});
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  private static MockResponse status(int code, String retryAfter) {
    return status(code).newBuilder().setHeader("Retry-After", retryAfter).build();
  }

  private static final MockResponse TICKET = json("{\"id\":5,\"summary\":\"Disk full\"}");

  @Test
  void a429IsRetriedAfterTheSecondsItAsks() throws Exception {
    server.enqueue(status(429, "3"));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThat(client.tickets().get(5).id()).hasValue(5);
    }

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(take(server).getTarget()).isEqualTo(take(server).getTarget());
  }

  @Test
  void a429IsRetriedAfterTheHttpDateItAsks() {
    String inAnHour =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    server.enqueue(status(429, inAnHour));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client(policy -> policy.maxRetryAfter(Duration.ofHours(2)))) {
      client.tickets().get(5);
    }

    assertThat(sleeper.waits).hasSize(1);
    assertThat(sleeper.waits.get(0))
        .isGreaterThan(Duration.ofMinutes(50))
        .isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void aRetryAfterLongerThanTheMaximumIsReportedAtOnce() {
    server.enqueue(status(429, "120"));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client(policy -> policy.maxRetryAfter(Duration.ofSeconds(60)))) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120)));
    }
    assertThat(sleeper.waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aShortRetryAfterStillWaitsAtLeastTheBackoff() {
    server.enqueue(status(503, "1"));
    server.enqueue(TICKET);

    try (ConnectWiseClient client =
        client(policy -> policy.baseDelay(Duration.ofSeconds(4)).maxDelay(Duration.ofSeconds(8)))) {
      client.tickets().get(5);
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504, 408})
  void gatewayErrorsBackOffWithFullJitter(int code) {
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(status(code));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client(policy -> policy.maxAttempts(5))) {
      assertThat(client.tickets().get(5).id()).hasValue(5);
    }

    // random 0.5 of a ceiling that doubles from 100 ms and stops at 1 s
    assertThat(sleeper.waits)
        .containsExactly(
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void theJitterIsDrawnBetweenZeroAndTheCeiling() {
    RetryPolicy low = RetryPolicy.builder().random(() -> 0.0).build();
    RetryPolicy high = RetryPolicy.builder().random(() -> 0.999).build();

    assertThat(low.delayAfter(3, null)).isEqualTo(Duration.ZERO);
    assertThat(high.delayAfter(1, null)).isEqualTo(Duration.ofMillis(499));
    assertThat(high.delayAfter(3, null)).isEqualTo(Duration.ofMillis(1998));
    assertThat(high.delayAfter(30, null)).isEqualTo(Duration.ofMillis(9990));
    assertThat(low.delayAfter(1, Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void stopsAfterTheAttemptLimitAndReportsTheLastFailure() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(503).newBuilder().setHeader("x-cw-request-id", "try-" + i).build());
    }

    try (ConnectWiseClient client = client(policy -> policy.maxAttempts(3))) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOfSatisfying(
              ServerException.class, e -> assertThat(e.requestId()).hasValue("try-2"));
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.waits).hasSize(2);
  }

  @Test
  void statusesOutsideThePolicyAreNotRetried() {
    server.enqueue(status(500));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> client.tickets().get(5)).isInstanceOf(ServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aDroppedConnectionIsRetriedForAGet() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThat(client.tickets().get(5).id()).hasValue(5);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(50));
  }

  static Stream<Arguments> repeatableWrites() {
    List<PatchOperation> absolute =
        List.of(PatchOperation.replace("status", Reference.of(2)), PatchOperation.remove("team"));
    return Stream.of(
        Arguments.of("GET", (Consumer<ConnectWiseClient>) c -> c.tickets().get(5)),
        Arguments.of("PUT", (Consumer<ConnectWiseClient>) c -> c.tickets().update(5, Ticket.builder().summary("x").build())),
        Arguments.of("DELETE", (Consumer<ConnectWiseClient>) c -> c.tickets().delete(5)),
        Arguments.of("PATCH", (Consumer<ConnectWiseClient>) c -> c.tickets().patch(5, absolute)),
        Arguments.of("PATCH", (Consumer<ConnectWiseClient>) c -> c.tickets().patchAsync(5, absolute).join()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repeatableWrites")
  void requestsThatAreSafeToRepeatAreRetried(String method, Consumer<ConnectWiseClient> call)
      throws Exception {
    server.enqueue(status(503));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      call.accept(client);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(take(server).getMethod()).isEqualTo(method);
    assertThat(take(server).getMethod()).isEqualTo(method);
  }

  static Stream<Arguments> unrepeatableWrites() {
    return Stream.of(
        Arguments.of("POST", (Consumer<ConnectWiseClient>) c -> c.tickets().create(Ticket.builder().summary("x").build())),
        Arguments.of("POST", (Consumer<ConnectWiseClient>) c -> c.tickets().createAsync(Ticket.builder().summary("x").build()).join()),
        Arguments.of(
            "PATCH",
            (Consumer<ConnectWiseClient>)
                c ->
                    c.tickets()
                        .patch(
                            5,
                            PatchOperation.replace("summary", "x"),
                            PatchOperation.add("integratorTags", List.of("backup")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unrepeatableWrites")
  void postsAndRelativePatchesAreNeverRetried(String method, Consumer<ConnectWiseClient> call)
      throws Exception {
    server.enqueue(status(503));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> call.accept(client))
          .satisfies(
              e ->
                  assertThat(e instanceof ServerException || e.getCause() instanceof ServerException)
                      .isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(take(server).getMethod()).isEqualTo(method);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aPostIsNotResentWhenThePooledConnectionDropsAfterItWasSent() throws Exception {
    server.enqueue(TICKET); // a GET leaves a pooled, kept-alive connection
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, "{\"id\":6}")); // what a second POST would get

    try (ConnectWiseClient client = client()) {
      client.tickets().get(5);
      assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.mayHaveReachedServer()).isTrue();
                assertThat(e.method()).isEqualTo("POST");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(take(server).getMethod()).isEqualTo("GET");
    assertThat(take(server).getMethod()).isEqualTo("POST");
  }

  @Test
  void aPostIsNotResentWhenTheServerDropsThePooledConnectionBeforeIt() throws Exception {
    // The server closes the kept-alive connection after the GET; the POST is written once, onto
    // the dead connection. OkHttp would otherwise send it again on a fresh connection, and the
    // server would record it and answer the 201 below.
    server.enqueue(TICKET.newBuilder().onResponseEnd(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, "{\"id\":6}"));

    try (ConnectWiseClient client = client()) {
      client.tickets().get(5);
      assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.mayHaveReachedServer()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(take(server).getMethod()).isEqualTo("GET");
  }

  @Test
  void aPostIsNotResentWhenThePooledConnectionDropsWhileItIsRead() throws Exception {
    server.enqueue(TICKET);
    server.enqueue(new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, "{\"id\":6}"));

    try (ConnectWiseClient client = client()) {
      client.tickets().get(5);
      assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
          .isInstanceOf(TransportException.class);
    }
    assertThat(take(server).getMethod()).isEqualTo("GET");
    assertThat(take(server).getMethod()).isEqualTo("POST");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostAnswered408IsNotResent() throws Exception {
    server.enqueue(status(408));
    server.enqueue(json(201, "{\"id\":6}"));

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> {
                assertThat(e.status()).hasValue(408);
                assertThat(e.getMessage()).contains("may or may not have been applied");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostAnswered503WithRetryAfterZeroIsNotResent() throws Exception {
    server.enqueue(status(503, "0"));
    server.enqueue(json(201, "{\"id\":6}"));

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
          .isInstanceOf(ServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRelativePatchAnswered503WithRetryAfterZeroIsNotResent() throws Exception {
    server.enqueue(status(503, "0"));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(
              () -> client.tickets().patch(5, PatchOperation.add("integratorTags", List.of("backup"))))
          .isInstanceOf(ServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostAnswered429ReportsTheRetryAfterOkHttpWasNotShown() {
    server.enqueue(status(429, "5"));

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(5)));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
  @ParameterizedTest(name = "{0}")
  @MethodSource("repeatableWrites")
  void eachAttemptIsOneRequestEvenOnA503WithRetryAfterZero(
      String method, Consumer<ConnectWiseClient> call) throws Exception {
    for (int i = 0; i < 6; i++) {
      server.enqueue(status(503, "0"));
    }

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> call.accept(client))
          .satisfies(
              e ->
                  assertThat(e instanceof ServerException || e.getCause() instanceof ServerException)
                      .isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.waits).hasSize(2);
    assertThat(take(server).getMethod()).isEqualTo(method);
  }

  @Test
  void theNoRetryPolicySendsOneRequestEvenOnA503WithRetryAfterZero() {
    server.enqueue(status(503, "0"));
    server.enqueue(TICKET);

    try (ConnectWiseClient client =
        Fixtures.builder(server).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.tickets().get(5)).isInstanceOf(ServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRetryAfterHiddenFromOkHttpOnOneAttemptIsNotReadForTheNext() {
    server.enqueue(status(503, "3"));
    server.enqueue(status(503));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThat(client.tickets().get(5).id()).hasValue(5);
    }
    // The second wait is the backoff (0.5 × 200 ms), not the first answer's 3 s again.
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(100));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "9223372036854775807", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void aRetryAfterTooLongToReadIsReportedAtOnceAsVeryLong(String retryAfter) {
    server.enqueue(status(429, retryAfter));
    server.enqueue(TICKET);

    try (ConnectWiseClient client =
        client(policy -> policy.maxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE)))) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> {
                Duration wait = e.retryAfter().orElseThrow();
                assertThat(wait).isGreaterThanOrEqualTo(Duration.ofDays(36_500));
                // Callers schedule with it: it must fit an instant and a count of nanoseconds.
                assertThat(java.time.Instant.now().plus(wait)).isAfter(java.time.Instant.now());
                assertThat(wait.toNanos()).isPositive();
                assertThat(e.getMessage()).contains("it asked to wait");
              });
    }
    assertThat(sleeper.waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a503WithARetryAfterTooLargeForALongIsNotRetried() {
    server.enqueue(status(503, "99999999999999999999"));
    server.enqueue(TICKET);

    try (ConnectWiseClient client = client()) {
      assertThatThrownBy(() -> client.tickets().get(5)).isInstanceOf(ServerException.class);
    }
    assertThat(sleeper.waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "soon", "+5"})
  void aNegativeOrGarbledRetryAfterIsIgnored(String retryAfter) {
    server.enqueue(status(429, retryAfter));
    server.enqueue(status(429, retryAfter));

    try (ConnectWiseClient client = client(policy -> policy.maxAttempts(2))) {
      assertThatThrownBy(() -> client.tickets().get(5))
          .isInstanceOfSatisfying(
              RateLimitedException.class, e -> assertThat(e.retryAfter()).isEmpty());
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(50));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
