package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.model.Company;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure becomes the exception that says what went wrong, with the request's context. */
class ErrorMappingTest {

  private static final String ERROR_BODY =
      "{\"code\":\"%s\",\"message\":\"%s\"}";

  @StartStop private final MockWebServer server = Fixtures.server();

  private ConnectWiseClient client;

  @BeforeEach
  void buildClient() {
    client = Fixtures.builder(server).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static MockResponse error(int status, String code, String message) {
    return json(status, String.format(ERROR_BODY, code, message))
        .newBuilder()
        .setHeader("x-cw-request-id", "req-" + status)
        .build();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(401, "Unauthorized", AuthenticationException.class),
        Arguments.of(403, "Forbidden", PermissionException.class),
        Arguments.of(404, "NotFound", NotFoundException.class),
        Arguments.of(405, "MethodNotAllowed", ValidationException.class),
        Arguments.of(408, "RequestTimeout", ServerException.class),
        Arguments.of(409, "Conflict", ConflictException.class),
        Arguments.of(415, "UnsupportedMediaType", ValidationException.class),
        Arguments.of(422, "Unprocessable", ValidationException.class),
        Arguments.of(429, "TooManyRequests", RateLimitedException.class),
        Arguments.of(500, "InternalServerError", ServerException.class),
        Arguments.of(502, "BadGateway", ServerException.class),
        Arguments.of(503, "ServiceUnavailable", ServerException.class),
        Arguments.of(504, "GatewayTimeout", ServerException.class),
        Arguments.of(418, "Teapot", ConnectWiseException.class));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("statuses")
  void eachStatusBecomesItsExceptionWithTheRequestContext(
      int status, String code, Class<? extends ConnectWiseException> type) {
    server.enqueue(error(status, code, "It went wrong."));

    assertThatThrownBy(() -> client.tickets().get(5))
        .isExactlyInstanceOf(type)
        .isInstanceOfSatisfying(
            ConnectWiseException.class,
            e -> {
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).isEqualTo("/service/tickets/5");
              assertThat(e.status()).hasValue(status);
              assertThat(e.errorCode()).hasValue(code);
              assertThat(e.serverMessage()).hasValue("It went wrong.");
              assertThat(e.requestId()).hasValue("req-" + status);
              assertThat(e.getMessage())
                  .contains("GET /service/tickets/5 -> " + status + " " + code)
                  .contains("[request id req-" + status + "]");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBadRequestCarriesConnectWiseFieldErrors() {
    server.enqueue(
        json(
            400,
            "{\"code\":\"InvalidObject\",\"message\":\"ticket object is invalid\",\"errors\":["
                + "{\"code\":\"MissingRequiredField\",\"message\":\"The company field is required.\","
                + "\"resource\":\"ticket\",\"field\":\"company\"},"
                + "{\"code\":\"InvalidField\",\"message\":\"Summary is limited to 100 characters\","
                + "\"resource\":\"ticket\",\"field\":\"summary\"}]}"));

    assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.path()).isEqualTo("/service/tickets");
              assertThat(e.errorCode()).hasValue("InvalidObject");
              assertThat(e.fieldErrors())
                  .containsExactly(
                      FieldError.of(
                          "MissingRequiredField", "The company field is required.", "ticket", "company"),
                      FieldError.of(
                          "InvalidField", "Summary is limited to 100 characters", "ticket", "summary"));
              assertThat(e.getMessage())
                  .contains("company: MissingRequiredField (The company field is required.)");
            });
  }

  @Test
  void aDuplicateIdentifierIsAConflict() {
    server.enqueue(
        json(
            400,
            "{\"code\":\"InvalidObject\",\"message\":\"company object is invalid\",\"errors\":["
                + "{\"code\":\"ObjectExists\",\"message\":\"The identifier is already in use.\","
                + "\"resource\":\"company\",\"field\":\"identifier\"}]}"));

    assertThatThrownBy(() -> client.companies().create(Company.builder().identifier("Acme").build()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.status()).hasValue(400);
              assertThat(e.fieldErrors()).extracting(f -> f.code().orElseThrow()).containsExactly("ObjectExists");
              assertThat(e.getMessage()).contains("same identifier already exists");
            });
  }

  @Test
  void rateLimitedCarriesRetryAfter() {
    server.enqueue(error(429, "TooManyRequests", "Slow down.").newBuilder().setHeader("Retry-After", "7").build());

    assertThatThrownBy(() -> client.boards().get(1))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
              assertThat(e.getMessage()).contains("asked to wait 7 s");
            });
  }

  @Test
  void forbiddenNamesTheMissingPermissionAndWhereToGrantIt() {
    server.enqueue(error(403, "Forbidden", "No."));

    assertThatThrownBy(() -> client.tickets().patch(5, PatchOperation.replace("status", Reference.of(2))))
        .isInstanceOf(PermissionException.class)
        .hasMessageContaining("lacks the permission for PATCH /service/tickets/5")
        .hasMessageContaining("System > Security Roles");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html; charset=utf-8", "application/json"})
  void anHtmlPageWithStatus200NamesTheBrowserHostAndTheCodebase(String contentType) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", contentType)
            .body("\n  <!DOCTYPE html><html><head><title>ConnectWise</title></head></html>")
            .build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOfSatisfying(
            InvalidResponseException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("HTML page instead of JSON")
                  .contains("use api-na.myconnectwise.net, not na.myconnectwise.net")
                  .contains("codebase is wrong");
              assertThat(e.status()).hasValue(200);
            });
  }

  @Test
  void anHtmlPageWithStatus404NamesTheLikelyCause() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/html")
            .body("<html><body><h1>404 - File or directory not found.</h1></body></html>")
            .build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("company ID, public key or private key is wrong")
        .hasMessageContaining("not na.myconnectwise.net")
        .hasMessageContaining("codebase is wrong");
  }

  @Test
  void aGatewayHtmlPageWith503IsAnOutageNotAWrongHost() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .setHeader("Content-Type", "text/html")
            .body("<html><body><h1>503 Service Unavailable</h1></body></html>")
            .build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("gateway or proxy")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("na.myconnectwise.net"));
  }

  @Test
  void cannotRouteNamesTheCodebaseOrCompany() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/plain")
            .body("Cannot route. Codebase/company is invalid")
            .build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .hasMessageContaining("could not route the request")
        .hasMessageContaining("the codebase or company ID is wrong");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":5,\"summary\":\"Disk", "{\"id\":\"five\"}", "[1,2]", "nonsense"})
  void unreadableJsonOnSuccessIsAnInvalidResponse(String body) {
    server.enqueue(json(body).newBuilder().setHeader("x-cw-request-id", "bad-json").build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOfSatisfying(
            InvalidResponseException.class,
            e -> {
              assertThat(e.getMessage()).contains("could not be read as");
              assertThat(e.status()).hasValue(200);
              assertThat(e.requestId()).hasValue("bad-json");
              assertThat(e.path()).isEqualTo("/service/tickets/5");
            });
  }

  @Test
  void anEmptySuccessWhereARecordWasExpectedIsAnInvalidResponse() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("no body where a record was expected");
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    server.enqueue(json("{\"count\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));

    assertThatThrownBy(() -> client.tickets().count())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void anAnswerOverTheSizeLimitIsRefused() {
    try (ConnectWiseClient small = Fixtures.builder(server).maxResponseBytes(1024).build()) {
      server.enqueue(json("{\"id\":5,\"summary\":\"" + "x".repeat(2000) + "\"}"));
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .chunkedBody("{\"id\":5,\"summary\":\"" + "y".repeat(4000) + "\"}", 512)
              .build());

      assertThatThrownBy(() -> small.tickets().get(5))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("larger than the limit of 1024 bytes");
      assertThatThrownBy(() -> small.tickets().get(5))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("larger than the limit of 1024 bytes");
    }
  }

  @Test
  void aRedirectIsNotFollowed() {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", "https://login.example.com/login?next=/tickets")
            .build());

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("redirected the request to login.example.com")
        .hasMessageContaining("redirects are not followed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverTextCannotForgeLogLines() {
    server.enqueue(error(400, "InvalidObject", "bad\\r\\nINFO forged line"));

    assertThatThrownBy(() -> client.tickets().get(5))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.serverMessage()).hasValue("bad  INFO forged line");
              assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
            });
  }

  @Test
  void aDroppedConnectionIsATransportErrorThatMayHaveReachedTheServer() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

    assertThatThrownBy(() -> client.tickets().create(Ticket.builder().summary("x").build()))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.mayHaveReachedServer()).isTrue();
              assertThat(e.status()).isEmpty();
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.path()).isEqualTo("/service/tickets");
              assertThat(e.getMessage()).contains(server.getHostName()).doesNotContain("Priv9Key8Xyz");
            });
  }

  @Test
  void aRefusedConnectionIsATransportErrorThatNeverReachedTheServer() throws Exception {
    MockWebServer closed = Fixtures.server();
    closed.start();
    closed.close();

    try (ConnectWiseClient unreachable = Fixtures.builder(closed).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> unreachable.tickets().get(5))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.mayHaveReachedServer()).isFalse();
                // The port is what the user most often has wrong on a site that has one.
                assertThat(e.getMessage())
                    .startsWith(
                        "Could not connect to "
                            + closed.url("/").host()
                            + ":"
                            + closed.url("/").port()
                            + ": check the site");
              });
    }
  }

  @Test
  void asyncCallsFailWithTheSameExceptions() {
    server.enqueue(error(404, "NotFound", "No such ticket."));

    assertThatThrownBy(() -> client.tickets().getAsync(5).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.requestId()).hasValue("req-404"));
  }
}
