package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.json;
import static com.axcient.connectwise.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.model.Ticket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callbacks are accepted only with a valid signature, keyed from the configured site. */
class CallbackReceiverTest {

  private static final String KEY_PATH = "/v4_6_release/apis/3.0/system/callbackKeys/1";

  @StartStop private final MockWebServer server = Fixtures.server();
  @StartStop private final MockWebServer elsewhere = Fixtures.server();

  private ConnectWiseClient client;
  private CallbackReceiver receiver;
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void buildClient() {
    client = Fixtures.builder(server).build();
    receiver = client.callbackReceiver().withNanoTime(nanos::get);
  }

  private void waitPast(Duration interval) {
    nanos.addAndGet(interval.toNanos() + 1);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private String keyUrl() {
    return server.url(KEY_PATH).toString();
  }

  private static String payload(String keyUrl, String entity) {
    return "{\"MessageId\":\"m-1\",\"FromUrl\":\"na.myconnectwise.net\",\"CompanyId\":\"acme\","
        + "\"MemberId\":\"jsmith\",\"Action\":\"updated\",\"Type\":\"ticket\",\"ID\":41001,"
        + "\"Entity\":"
        + entity
        + ",\"Metadata\":{\"key_url\":\""
        + keyUrl
        + "\"}}";
  }

  /** base64(HMAC-SHA256(SHA-256(signing key), body)), computed here independently. */
  private static String sign(String signingKey, byte[] body) throws Exception {
    byte[] key =
        MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String json) throws Exception {
    return ConnectWiseJson.newObjectMapper().readTree(json);
  }

  @Test
  void acceptsAValidSignatureWithTheEntityAsAJsonString() throws Exception {
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    byte[] body =
        payload(keyUrl(), "\"{\\\"id\\\":41001,\\\"summary\\\":\\\"Disk full\\\"}\"")
            .getBytes(StandardCharsets.UTF_8);

    CallbackPayload payload = receiver.receive(body, sign("k1-secret", body));

    assertThat(payload.type()).hasValue("ticket");
    assertThat(payload.action()).hasValue("updated");
    assertThat(payload.recordId()).hasValue(41001);
    assertThat(payload.messageId()).hasValue("m-1");
    assertThat(payload.companyId()).hasValue("acme");
    assertThat(payload.memberId()).hasValue("jsmith");
    assertThat(payload.fromUrl()).hasValue("na.myconnectwise.net");
    assertThat(payload.entity()).isEqualTo(tree("{\"id\":41001,\"summary\":\"Disk full\"}"));
    Ticket ticket = client.objectMapper().convertValue(payload.entity(), Ticket.class);
    assertThat(ticket.summary()).hasValue("Disk full");
    assertThat(payload.toString()).isEqualTo("CallbackPayload{ticket 41001 updated}");
    RecordedRequest fetch = take(server);
    assertThat(fetch.getMethod()).isEqualTo("GET");
    assertThat(fetch.getTarget()).isEqualTo(KEY_PATH);
    assertThat(fetch.getHeaders().get("clientId")).isEqualTo(Fixtures.CLIENT_ID);
  }

  @Test
  void acceptsTheEntityAsAnObject() throws Exception {
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    byte[] body = payload(keyUrl(), "{\"id\":41001,\"summary\":\"Disk full\"}").getBytes(StandardCharsets.UTF_8);

    CallbackPayload payload = receiver.receive(body, " " + sign("k1-secret", body) + " ");

    assertThat(payload.entity().path("summary").asText()).isEqualTo("Disk full");
  }

  @Test
  void fetchesTheKeyOnceAndCachesIt() throws Exception {
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    byte[] first = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);
    byte[] second = payload(keyUrl(), "{\"id\":2}").getBytes(StandardCharsets.UTF_8);

    receiver.receive(first, sign("k1-secret", first));
    receiver.receive(second, sign("k1-secret", second));
    receiver.receive(first, sign("k1-secret", first)); // a replay verifies again

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fetchesARotatedKeyOnceWhenTheSignatureStopsMatching() throws Exception {
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    server.enqueue(json("{\"signing_key\":\"k2-rotated\"}"));
    byte[] body = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);

    receiver.receive(body, sign("k1-secret", body));
    waitPast(CallbackReceiver.KEY_REFRESH_INTERVAL);
    receiver.receive(body, sign("k2-rotated", body));
    receiver.receive(body, sign("k2-rotated", body));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusesAWrongSignatureAfterOneFreshLookAtTheKey() throws Exception {
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    byte[] body = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);
    byte[] tampered = payload(keyUrl(), "{\"id\":2}").getBytes(StandardCharsets.UTF_8);
    receiver.receive(body, sign("k1-secret", body));
    waitPast(CallbackReceiver.KEY_REFRESH_INTERVAL);

    assertThatThrownBy(() -> receiver.receive(tampered, sign("k1-secret", body)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("signature does not match");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void forgedCallbacksFetchTheKeyAgainAtMostOncePerIntervalYetARotationIsPickedUp()
      throws Exception {
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    server.enqueue(json("{\"signing_key\":\"k2-rotated\"}"));
    byte[] body = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);
    receiver.receive(body, sign("k1-secret", body));

    for (int i = 0; i < 50; i++) {
      assertThatThrownBy(() -> receiver.receive(body, sign("forged", body)))
          .isInstanceOf(CallbackRejectedException.class)
          .hasMessageContaining("signature does not match");
    }
    assertThat(server.getRequestCount()).as("key fetches").isEqualTo(1);

    waitPast(CallbackReceiver.KEY_REFRESH_INTERVAL);
    receiver.receive(body, sign("k2-rotated", body));
    for (int i = 0; i < 50; i++) {
      assertThatThrownBy(() -> receiver.receive(body, sign("forged", body)))
          .isInstanceOf(CallbackRejectedException.class);
    }
    receiver.receive(body, sign("k2-rotated", body));
    assertThat(server.getRequestCount()).as("key fetches").isEqualTo(2);
  }

  @Test
  void aFailedKeyFetchIsNotRepeatedWithinTheInterval() throws Exception {
    server.enqueue(json("{}"));
    server.enqueue(json("{\"signing_key\":\"k1-secret\"}"));
    byte[] body = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> receiver.receive(body, sign("k1-secret", body)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("without a signing_key");
    assertThatThrownBy(() -> receiver.receive(body, sign("k1-secret", body)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("tried again later");
    assertThat(server.getRequestCount()).isEqualTo(1);

    waitPast(CallbackReceiver.KEY_REFRESH_INTERVAL);
    receiver.receive(body, sign("k1-secret", body));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void keepsAtMostSixteenKeyUrlsDroppingTheOldest() throws Exception {
    for (int i = 0; i <= CallbackReceiver.MAX_KEY_URLS; i++) {
      server.enqueue(json("{\"signing_key\":\"k-" + i + "\"}"));
      byte[] body =
          payload(server.url(KEY_PATH + i).toString(), "{\"id\":1}")
              .getBytes(StandardCharsets.UTF_8);
      receiver.receive(body, sign("k-" + i, body));
    }
    byte[] newest =
        payload(server.url(KEY_PATH + CallbackReceiver.MAX_KEY_URLS).toString(), "{\"id\":2}")
            .getBytes(StandardCharsets.UTF_8);
    receiver.receive(newest, sign("k-" + CallbackReceiver.MAX_KEY_URLS, newest));
    assertThat(server.getRequestCount()).isEqualTo(CallbackReceiver.MAX_KEY_URLS + 1);

    server.enqueue(json("{\"signing_key\":\"k-0\"}"));
    byte[] oldest = payload(server.url(KEY_PATH + 0).toString(), "{\"id\":2}")
        .getBytes(StandardCharsets.UTF_8);
    receiver.receive(oldest, sign("k-0", oldest));
    assertThat(server.getRequestCount()).as("the oldest URL was dropped and fetched again")
        .isEqualTo(CallbackReceiver.MAX_KEY_URLS + 2);
  }

  @Test
  void refusesAMissingSignatureWithoutARequest() {
    byte[] body = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> receiver.receive(body, null))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("no x-content-signature header");
    assertThatThrownBy(() -> receiver.receive(body, "  "))
        .isInstanceOf(CallbackRejectedException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesASignatureThatIsNotBase64WithoutARequest() {
    byte[] body = payload(keyUrl(), "{\"id\":1}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> receiver.receive(body, "not base64 at all!"))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("not Base64");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesAKeyUrlOnAnotherHostWithoutFetchingIt() throws Exception {
    String foreign = elsewhere.url(KEY_PATH).toString();
    byte[] body = payload(foreign, "{\"id\":1}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> receiver.receive(body, sign("k1-secret", body)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("not on the configured ConnectWise site")
        .hasMessageContaining("it was not fetched");
    byte[] https = payload("https://" + server.getHostName() + ":" + server.getPort() + KEY_PATH, "{}")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> receiver.receive(https, sign("k1-secret", https)))
        .isInstanceOf(CallbackRejectedException.class);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesBodiesThatAreNotPayloads() throws Exception {
    byte[] notJson = "key_url=x".getBytes(StandardCharsets.UTF_8);
    byte[] array = "[1]".getBytes(StandardCharsets.UTF_8);
    byte[] noKey = "{\"ID\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> receiver.receive(notJson, sign("k", notJson)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> receiver.receive(array, sign("k", array)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> receiver.receive(noKey, sign("k", noKey)))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("no Metadata.key_url");
    assertThat(server.getRequestCount()).isZero();
  }
}
