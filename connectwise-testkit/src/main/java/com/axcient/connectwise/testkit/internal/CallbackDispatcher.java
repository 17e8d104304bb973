package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns saved changes into signed callback POSTs to the registered URLs. Matching happens while
 * the change is being saved, so payloads carry the record as it was saved and leave in save
 * order; the POSTs go out one at a time on a background thread.
 */
public final class CallbackDispatcher implements AutoCloseable {

  /** Where signing keys are served, relative to the API base. */
  public static final String KEY_PATH = "/system/callbacks/keys/";

  private final Site site;
  private final String companyId;
  private final Supplier<String> apiUrl;
  private final Consumer<DeliveryRecord> recorder;
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private final ExecutorService sender;
  private final HttpClient http;
  private final String productInstanceId = UUID.randomUUID().toString();
  private final SecureRandom random = new SecureRandom();
  private volatile String currentKeyId;

  /**
   * A dispatcher for a site.
   *
   * @param site the records, to read the callback registrations
   * @param companyId the company ID put in payloads
   * @param apiUrl the API base URL, for {@code key_url}
   * @param recorder told of every delivery made
   */
  public CallbackDispatcher(Site site, String companyId, Supplier<String> apiUrl,
      Consumer<DeliveryRecord> recorder) {
    this.site = site;
    this.companyId = companyId;
    this.apiUrl = apiUrl;
    this.recorder = recorder;
    this.sender = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "connectwise-simulator-callbacks");
      thread.setDaemon(true);
      return thread;
    });
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    rotateKey();
  }

  /** Starts signing with a new key; the old key stays served so late verifiers still succeed. */
  public void rotateKey() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String id = UUID.randomUUID().toString();
    keys.put(id, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    currentKeyId = id;
  }

  /** The key new payloads are signed with. */
  public String signingKey() {
    return keys.get(currentKeyId);
  }

  /** The {@code key_url} new payloads carry. */
  public String keyUrl() {
    return apiUrl.get() + KEY_PATH + currentKeyId;
  }

  /** The signing key with this id, as served at the key URL. */
  public Optional<String> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** Matches a saved change against the registrations and queues a POST for each match. */
  public void onChange(Change change) {
    Optional<String> type = change.kind().callbackType();
    if (type.isEmpty() || change.skipCallback()) {
      return;
    }
    for (ObjectNode callback : site.all(Kind.CALLBACK)) {
      if (matches(callback, type.get(), change)) {
        queue(callback, type.get(), change);
      }
    }
  }

  private static boolean matches(JsonNode callback, String type, Change change) {
    if (Json.flag(callback, "inactiveFlag") || !type.equalsIgnoreCase(Json.text(callback, "type"))) {
      return false;
    }
    if (Json.flag(callback, "isSelfSuppressedFlag")
        && callback.path("memberId").asLong() == change.actor().id()) {
      return false;
    }
    long objectId = callback.path("objectId").asLong();
    JsonNode record = change.record();
    String level = String.valueOf(Json.text(callback, "level")).toLowerCase(Locale.ROOT);
    switch (level) {
      case "owner":
        return true;
      case "board":
      case "status":
      case "priority":
        return Json.refId(record, level) == objectId;
      case "type":
        return Json.refId(record, "type") == objectId;
      case "company":
        return change.kind() == Kind.COMPANY
            ? record.path("id").asLong() == objectId
            : Json.refId(record, "company") == objectId;
      default:
        return level.equals(type) && record.path("id").asLong() == objectId;
    }
  }

  private void queue(ObjectNode callback, String type, Change change) {
    ObjectNode payload = Json.object();
    payload.put("MessageId", UUID.randomUUID().toString());
    payload.put("FromUrl", URI.create(apiUrl.get()).getAuthority());
    payload.put("CompanyId", companyId);
    payload.put("MemberId", change.actor().identifier());
    payload.put("Action", change.action());
    payload.put("Type", type);
    payload.put("ID", change.record().path("id").asLong());
    payload.put("ProductInstanceId", productInstanceId);
    payload.put("PartnerId", companyId);
    payload.put("CallbackObjectRecId", callback.path("id").asLong());
    payload.put("Entity", Json.write(change.record()));
    payload.putObject("Metadata").put("key_url", keyUrl());
    String body = Json.write(payload);
    String signature = sign(signingKey(), body);
    String url = Json.text(callback, "url");
    long callbackId = callback.path("id").asLong();
    long recordId = change.record().path("id").asLong();
    String member = change.actor().identifier();
    sender.execute(() -> deliver(callbackId, url, type, change.action(), recordId, member, body, signature));
  }

  private void deliver(long callbackId, String url, String type, String action, long recordId,
      String member, String body, String signature) {
    int status = 0;
    String error = null;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("x-content-signature", signature)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    recorder.accept(new DeliveryRecord(site.instant(), callbackId, url, type, action, recordId,
        member, body, signature, status, error));
  }

  /** The {@code x-content-signature} value: base64(HMAC-SHA256(SHA-256(key), body)). */
  public static String sign(String signingKey, String body) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256")
          .digest(signingKey.getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every JDK", e);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    try {
      sender.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
