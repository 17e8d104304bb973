package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private ConnectWiseSimulator cw;
  private RawHttp http;
  private MockWebServer receiver;

  @BeforeEach
  void start() throws IOException {
    cw = ConnectWiseSimulator.builder().build().start();
    http = new RawHttp(cw);
    receiver = new MockWebServer();
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(204).build();
      }
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    cw.close();
    receiver.close();
  }

  private long register(String type, String level, long objectId, boolean selfSuppressed) {
    RawHttp.Reply reply = http.post("/system/callbacks", "{\"url\":\"" + receiver.url("/cw/" + type)
        + "\",\"objectId\":" + objectId + ",\"type\":\"" + type + "\",\"level\":\"" + level
        + "\",\"isSelfSuppressedFlag\":" + selfSuppressed + "}");
    assertThat(reply.status).as(reply.body).isEqualTo(201);
    return reply.json().path("id").asLong();
  }

  private RecordedRequest received() throws InterruptedException {
    RecordedRequest request = receiver.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("a callback POST").isNotNull();
    return request;
  }

  private static String expectedSignature(String signingKey, byte[] body) throws Exception {
    byte[] key = MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  @Test
  void aTechniciansChangeIsPostedSignedWithAKeyUrlServedByTheSimulator() throws Exception {
    long callbackId = register("ticket", "owner", 1, false);

    cw.data().replace("/service/tickets/41001", "status", Map.of("id", 5));

    RecordedRequest request = received();
    byte[] body = request.getBody().toByteArray();
    JsonNode payload = RawHttp.MAPPER.readTree(body);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(payload.path("Action").asText()).isEqualTo("updated");
    assertThat(payload.path("Type").asText()).isEqualTo("ticket");
    assertThat(payload.path("ID").asLong()).isEqualTo(41001);
    assertThat(payload.path("MemberId").asText()).isEqualTo("jsmith");
    assertThat(payload.path("CompanyId").asText()).isEqualTo(cw.companyId());
    assertThat(payload.path("CallbackObjectRecId").asLong()).isEqualTo(callbackId);
    assertThat(payload.path("Entity").isTextual()).isTrue();
    JsonNode entity = RawHttp.MAPPER.readTree(payload.path("Entity").asText());
    assertThat(entity.path("closedFlag").asBoolean()).isTrue();
    assertThat(entity.path("_info").path("updatedBy").asText()).isEqualTo("jsmith");

    String keyUrl = payload.path("Metadata").path("key_url").asText();
    assertThat(keyUrl).startsWith(cw.apiUrl());
    RawHttp.Reply key = http.with("Authorization", null).with("clientId", null)
        .sendTo("GET", URI.create(keyUrl), null, WAIT);
    assertThat(key.status).isEqualTo(200);
    String signingKey = key.json().path("signing_key").asText();
    assertThat(request.getHeaders().get("x-content-signature")).isEqualTo(expectedSignature(signingKey, body));
    assertThat(Callbacks.signature(signingKey, new String(body, StandardCharsets.UTF_8)))
        .isEqualTo(request.getHeaders().get("x-content-signature"));

    List<CallbackDelivery> deliveries = cw.callbacks().awaitDeliveries(1, WAIT);
    assertThat(deliveries.get(0).status()).isEqualTo(204);
    assertThat(deliveries.get(0).recordId()).isEqualTo(41001);
    assertThat(deliveries.get(0).memberIdentifier()).isEqualTo("jsmith");
  }

  @Test
  void boardLevelCallbacksOnlyAnnounceThatBoardsTickets() throws Exception {
    register("ticket", "Board", 2, false);

    http.post("/service/tickets", "{\"summary\":\"help desk\",\"company\":{\"id\":251}}");
    long alert = http.post("/service/tickets", "{\"summary\":\"alert\",\"company\":{\"id\":251},"
        + "\"board\":{\"id\":2}}").json().path("id").asLong();

    JsonNode payload = RawHttp.MAPPER.readTree(received().getBody().toByteArray());
    assertThat(payload.path("ID").asLong()).isEqualTo(alert);
    assertThat(payload.path("Action").asText()).isEqualTo("added");
    assertThat(payload.path("MemberId").asText()).isEqualTo(cw.apiMemberIdentifier());
    assertThat(cw.callbacks().awaitDeliveries(1, WAIT)).hasSize(1);
  }

  @Test
  void selfSuppressedRegistrationsIgnoreTheApiMembersOwnWrites() throws Exception {
    register("ticket", "owner", 1, true);

    http.patch("/service/tickets/41002", "[{\"op\":\"replace\",\"path\":\"summary\",\"value\":\"by api\"}]");
    cw.data().replace("/service/tickets/41002", "summary", "by technician");

    JsonNode entity = RawHttp.MAPPER.readTree(
        RawHttp.MAPPER.readTree(received().getBody().toByteArray()).path("Entity").asText());
    assertThat(entity.path("summary").asText()).isEqualTo("by technician");
    assertThat(cw.callbacks().awaitDeliveries(1, WAIT)).hasSize(1);
  }

  @Test
  void skipCallbackSuppressesOneSave() throws Exception {
    register("ticket", "owner", 1, false);

    http.post("/service/tickets", "{\"summary\":\"quiet\",\"company\":{\"id\":251},\"skipCallback\":true}");
    http.post("/service/tickets", "{\"summary\":\"loud\",\"company\":{\"id\":251}}");

    JsonNode entity = RawHttp.MAPPER.readTree(
        RawHttp.MAPPER.readTree(received().getBody().toByteArray()).path("Entity").asText());
    assertThat(entity.path("summary").asText()).isEqualTo("loud");
    assertThat(entity.has("skipCallback")).isFalse();
  }

  @Test
  void deletionsAndOtherTypesAreAnnouncedToo() throws Exception {
    register("company", "owner", 1, false);
    register("ticket", "ticket", 41003, false);

    ObjectNode company = RawHttp.MAPPER.createObjectNode();
    company.put("identifier", "Initech").put("name", "Initech").put("city", "Austin");
    cw.data().create("/company/companies", company);
    cw.data().delete("/service/tickets/41003");

    JsonNode first = RawHttp.MAPPER.readTree(received().getBody().toByteArray());
    JsonNode second = RawHttp.MAPPER.readTree(received().getBody().toByteArray());
    assertThat(first.path("Type").asText()).isEqualTo("company");
    assertThat(first.path("Action").asText()).isEqualTo("added");
    assertThat(second.path("Type").asText()).isEqualTo("ticket");
    assertThat(second.path("Action").asText()).isEqualTo("deleted");
    assertThat(second.path("ID").asLong()).isEqualTo(41003);
  }

  @Test
  void aFailedDeliveryIsRecordedWithItsError() {
    http.post("/system/callbacks", "{\"url\":\"http://127.0.0.1:1/closed\",\"objectId\":1,"
        + "\"type\":\"ticket\",\"level\":\"owner\"}");

    cw.data().replace("/service/tickets/41001", "summary", "nobody listens");

    CallbackDelivery delivery = cw.callbacks().awaitDeliveries(1, WAIT).get(0);
    assertThat(delivery.status()).isZero();
    assertThat(delivery.error()).isPresent();
  }

  @Test
  void rotatedKeysKeepOldKeyUrlsWorking() {
    String oldUrl = cw.callbacks().keyUrl();
    String oldKey = cw.callbacks().signingKey();

    cw.callbacks().rotateSigningKey();

    assertThat(cw.callbacks().keyUrl()).isNotEqualTo(oldUrl);
    RawHttp.Reply old = http.sendTo("GET", URI.create(oldUrl), null, WAIT);
    assertThat(old.json().path("signing_key").asText()).isEqualTo(oldKey);
    assertThat(http.sendTo("GET", URI.create(cw.apiUrl() + "/system/callbacks/keys/nope"), null, WAIT).status)
        .isEqualTo(404);
  }
}
