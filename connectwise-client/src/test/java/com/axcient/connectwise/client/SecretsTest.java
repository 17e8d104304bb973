package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.axcient.connectwise.client.model.Ticket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The private key never shows: not in logs, exceptions or {@code toString()}. */
class SecretsTest {

  private static final String CANARY = "Canary7PrivateKey9x";
  private static final String CREDENTIALS = Fixtures.COMPANY_ID + "+" + Fixtures.PUBLIC_KEY + ":" + CANARY;
  private static final String BASE64 =
      Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));

  @StartStop private final MockWebServer server = Fixtures.server();

  @Test
  void theKeyAppearsNowhereWhateverHappens() {
    List<String> seen = new ArrayList<>();
    List<LogRecord> okHttpRecords = new ArrayList<>();
    Logger okHttp = Logger.getLogger("okhttp3");
    java.util.logging.Level okHttpLevel = okHttp.getLevel();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            okHttpRecords.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    okHttp.addHandler(handler);
    okHttp.setLevel(java.util.logging.Level.ALL);
    try (LogCapture logs = LogCapture.of("com.axcient.connectwise", Level.TRACE);
        ConnectWiseClient client =
            Fixtures.builder(server)
                .codebase(null)
                .privateKey(Secret.of(CANARY))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> {}).build())
                .build()) {
      seen.add(client.toString());
      seen.add(Secret.of(CANARY).toString());

      // discovery and a successful call
      server.enqueue(Fixtures.companyInfo("v4_6_release/"));
      server.enqueue(json("{\"id\":5}"));
      client.tickets().get(5);
      // a 401, and a 500 whose body echoes our request, headers included
      server.enqueue(json(401, "{\"code\":\"Unauthorized\",\"message\":\"Bad key " + CANARY + "\"}"));
      seen.addAll(describe(catchThrowable(() -> client.tickets().get(5))));
      String echo = "Authorization: Basic " + BASE64 + " (" + CREDENTIALS + ")";
      server.enqueue(json(500, "{\"code\":\"Error\",\"message\":\"" + echo + "\"}"));
      seen.addAll(describe(catchThrowable(() -> client.tickets().create(Ticket.builder().summary("x").build()))));
      server.enqueue(new MockResponse.Builder().code(500).body(echo).build());
      seen.addAll(describe(catchThrowable(() -> client.tickets().create(Ticket.builder().summary("x").build()))));
      server.enqueue(json(400, "{\"code\":\"InvalidObject\",\"errors\":[{\"message\":\"" + echo + "\"}]}"));
      seen.addAll(describe(catchThrowable(() -> client.tickets().create(Ticket.builder().summary("x").build()))));
      // a dropped connection, twice: retried, then reported
      server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      seen.addAll(describe(catchThrowable(() -> client.tickets().get(5))));
      // an unreadable success
      server.enqueue(json("{\"id\":\"" + echo + "\"}"));
      seen.addAll(describe(catchThrowable(() -> client.tickets().get(5))));

      for (ILoggingEvent event : logs.events()) {
        seen.add(event.getFormattedMessage());
        seen.add(event.getMessage());
        if (event.getArgumentArray() != null) {
          for (Object argument : event.getArgumentArray()) {
            seen.add(String.valueOf(argument));
          }
        }
        for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
          seen.add(proxy.getMessage());
        }
      }
      assertThat(logs.events()).extracting(ILoggingEvent::getLevel).contains(Level.DEBUG, Level.TRACE);
    } finally {
      okHttp.removeHandler(handler);
      okHttp.setLevel(okHttpLevel);
    }
    for (LogRecord record : okHttpRecords) {
      seen.add(new java.util.logging.SimpleFormatter().format(record));
    }

    assertThat(seen).hasSizeGreaterThan(20);
    assertThat(String.join("\n", seen))
        .doesNotContain(CANARY)
        .doesNotContain(BASE64)
        .doesNotContain(CREDENTIALS);
  }

  @Test
  void secretsAreRedactedAndNotSerialised() throws Exception {
    Secret secret = Secret.of(CANARY);

    assertThat(secret.toString()).isEqualTo("Secret[redacted]");
    assertThat(secret).isEqualTo(Secret.of(CANARY)).isNotEqualTo(Secret.of("other"));
    assertThat(secret.hashCode()).isEqualTo(Secret.of("other").hashCode());
    assertThat(ConnectWiseJson.newObjectMapper().writeValueAsString(java.util.Map.of("key", secret)))
        .doesNotContain(CANARY);
  }

  /** An exception's message, toString and whole cause chain. */
  private static List<String> describe(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ConnectWiseException.class);
    List<String> texts = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      texts.add(t.toString());
      texts.add(String.valueOf(t.getMessage()));
      for (StackTraceElement element : t.getStackTrace()) {
        texts.add(element.toString());
      }
    }
    ConnectWiseException e = (ConnectWiseException) thrown;
    texts.add(e.context().toString());
    e.serverMessage().ifPresent(texts::add);
    e.fieldErrors().forEach(f -> texts.add(f.toString()));
    return texts;
  }
}
