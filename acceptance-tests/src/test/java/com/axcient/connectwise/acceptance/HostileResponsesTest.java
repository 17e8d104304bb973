package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.InvalidResponseException;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.client.model.Ticket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY.md section 3, case 19: whatever a 2xx answer holds, the client ends in a
 * classified {@link ConnectWiseException} without reading more than its limit.
 */
class HostileResponsesTest {

  private static final long LIMIT = 1024 * 1024;

  private RawServer server;
  private ConnectWiseClient client;

  @BeforeEach
  void start() throws IOException {
    SuiteWatch.start();
    server = new RawServer();
    client = client(b -> b.maxResponseBytes(LIMIT));
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  private ConnectWiseClient client(Consumer<ConnectWiseClient.Builder> customize) {
    ConnectWiseClient.Builder b =
        ConnectWiseClient.builder()
            .site(server.url())
            .allowInsecureHttp(true)
            .companyId(Canary.COMPANY)
            .publicKey(Canary.PUBLIC_KEY)
            .privateKey(Secret.of(Canary.PRIVATE_KEY))
            .clientId("4a3b2c1d-0000-4000-8000-000000000001")
            .codebase("v4_6_release/")
            .readTimeout(Duration.ofSeconds(20))
            .retryPolicy(RetryPolicy.none());
    customize.accept(b);
    return b.build();
  }

  private void answer(int status, String contentType, byte[] body) {
    server.respond(
        out -> {
          out.write(RawServer.head(status, contentType, body.length));
          out.write(body);
        });
  }

  private void answer(String json) {
    answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The bytes the calling thread allocated while the check ran (OkHttp reads a synchronous call's
   * body on the caller's thread); the check must hold.
   */
  private static long allocatedBy(java.util.function.BooleanSupplier check) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThat(check.getAsBoolean()).as("the error names the limit").isTrue();
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.printf("HOSTILE allocated %d bytes%n", allocated);
    return allocated;
  }

  private static InvalidResponseException invalid(Throwable t) {
    assertThat(t).isInstanceOf(InvalidResponseException.class);
    assertThat(t.getMessage()).isNotBlank().doesNotContain(Canary.PRIVATE_KEY);
    return (InvalidResponseException) t;
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    answer("{\"id\":5,\"summary\":\"Backup fa");
    invalid(catchThrowable(() -> client.tickets().get(5)));
  }

  @Test
  void wrongTypesAndMissingRequiredPartsAreInvalidResponses() {
    answer("{\"id\":\"five\",\"summary\":[1,2]}");
    invalid(catchThrowable(() -> client.tickets().get(5)));
    answer("{\"summary\":\"no id\"}");
    Throwable t = catchThrowable(() -> client.tickets().count());
    invalid(t);
  }

  @Test
  void unknownFieldsAreIgnored() {
    answer("{\"id\":5,\"summary\":\"ok\",\"someNewField\":{\"deep\":[1,2,3]},\"_extra\":true}");
    Ticket ticket = client.tickets().get(5);
    assertThat(ticket.summary()).contains("ok");
  }

  @Test
  void tenThousandNestedArraysAreRefused() {
    answer("{\"id\":5,\"unknownField\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertThat(invalid(catchThrowable(() -> client.tickets().get(5))).getMessage()).contains("nesting depth");
    answer("{\"id\":5,\"summary\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    invalid(catchThrowable(() -> client.tickets().get(5)));
  }

  @Test
  void aFiftyMegabyteBodyOverTheLimitIsRefusedWithBoundedMemory() {
    long fifty = 50L * 1024 * 1024;
    server.respond(
        out -> {
          out.write(RawServer.head(200, "application/json", fifty));
          byte[] chunk = new byte[64 * 1024];
          Arrays.fill(chunk, (byte) ' ');
          for (long sent = 0; sent < fifty; sent += chunk.length) {
            out.write(chunk);
          }
        });
    long allocated = allocatedBy(() -> invalid(catchThrowable(() -> client.tickets().get(5)))
        .getMessage().contains("larger than the limit of " + LIMIT + " bytes"));
    assertThat(allocated).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void aFiftyMegabyteStringWithinTheDefaultLimitIsRefusedByTheParser() throws IOException {
    try (ConnectWiseClient defaults = client(b -> {})) {
      byte[] prefix = "{\"id\":5,\"summary\":\"".getBytes(StandardCharsets.US_ASCII);
      byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
      long fifty = 50L * 1024 * 1024;
      server.respond(
          out -> {
            out.write(RawServer.head(200, "application/json", prefix.length + fifty + suffix.length));
            out.write(prefix);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (long sent = 0; sent < fifty; sent += chunk.length) {
              out.write(chunk);
            }
            out.write(suffix);
          });
      invalid(catchThrowable(() -> defaults.tickets().get(5)));
    }
  }

  @Test
  void aGigabyteChunkedBodyIsCutOffAtTheLimit() {
    server.respond(
        out -> {
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          byte[] data = new byte[64 * 1024];
          Arrays.fill(data, (byte) '[');
          byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
          for (long sent = 0; sent < 1024L * 1024 * 1024; sent += data.length) {
            out.write(size);
            out.write(data);
            out.write(crlf);
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    long allocated = allocatedBy(() -> invalid(catchThrowable(() -> client.tickets().get(5)))
        .getMessage().contains("larger than the limit of " + LIMIT + " bytes"));
    // OkHttp discards what follows for up to 100 ms to reuse the connection; it keeps none of it.
    assertThat(server.bytesWritten()).isLessThan(256L * 1024 * 1024);
    assertThat(allocated).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void invalidUtf8IsAnInvalidResponse() {
    byte[] body = {'{', '"', 'i', 'd', '"', ':', '5', ',', '"', 's', 'u', 'm', 'm', 'a', 'r', 'y', '"', ':', '"',
      (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'};
    answer(200, "application/json", body);
    invalid(catchThrowable(() -> client.tickets().get(5)));
  }

  @Test
  void anHtmlPageWithStatus200IsAnInvalidResponse() {
    answer(200, "text/html", "<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(invalid(catchThrowable(() -> client.tickets().get(5))).getMessage()).isNotBlank();
    answer(200, "text/html", "<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8));
    invalid(catchThrowable(() -> client.tickets().create(Ticket.builder().summary("x").build())));
  }
}
