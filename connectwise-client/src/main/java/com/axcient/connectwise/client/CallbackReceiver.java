package com.axcient.connectwise.client;

import com.axcient.connectwise.client.internal.ApiRequest;
import com.axcient.connectwise.client.internal.HttpEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * Verifies and reads the callbacks ConnectWise posts to the product.
 *
 * <p>ConnectWise signs each callback: the {@code x-content-signature} header is the Base64
 * HMAC-SHA256 of the raw body, keyed with the SHA-256 of a signing key that the payload's
 * {@code Metadata.key_url} serves. Because that URL comes from the untrusted body, the key is
 * fetched only when the URL is on the configured ConnectWise site (same scheme, host and port);
 * any other URL is refused without a request. Keys are cached per URL (the {@value #MAX_KEY_URLS}
 * most recently fetched URLs). When a signature does not match, the key is fetched again in case it
 * was rotated, but at most once per URL per {@link #KEY_REFRESH_INTERVAL minute}: a forged callback
 * cannot make each request to the product a request to ConnectWise.
 *
 * <pre>{@code
 * CallbackPayload payload = client.callbackReceiver()
 *     .receive(requestBodyBytes, request.getHeader("x-content-signature"));
 * }</pre>
 *
 * <p>The scheme has no nonce: a replayed callback verifies again, so handle callbacks
 * idempotently (re-read the record; act on its state, not on the message).
 */
public final class CallbackReceiver {

  /** The header ConnectWise puts the signature in. */
  public static final String SIGNATURE_HEADER = "x-content-signature";

  /** How often, at most, the key of one URL is fetched again after a signature did not match. */
  public static final Duration KEY_REFRESH_INTERVAL = Duration.ofMinutes(1);

  /** How many key URLs are cached; the one fetched longest ago is dropped first. */
  public static final int MAX_KEY_URLS = 16;

  private final HttpEngine engine;
  private final LongSupplier nanoTime;

  /** Per key URL, in fetch order; guarded by itself. */
  private final Map<HttpUrl, CachedKey> keys = new LinkedHashMap<>();

  CallbackReceiver(HttpEngine engine) {
    this(engine, System::nanoTime);
  }

  private CallbackReceiver(HttpEngine engine, LongSupplier nanoTime) {
    this.engine = engine;
    this.nanoTime = nanoTime;
  }

  /** A receiver on the same client reading time from {@code nanoTime} (for tests). */
  CallbackReceiver withNanoTime(LongSupplier nanoTime) {
    return new CallbackReceiver(engine, nanoTime);
  }

  /** A key's SHA-256 and when it was last fetched (or a fetch was tried). */
  private record CachedKey(byte[] digest, long fetchedAt) {}

  /**
   * Verifies the callback and returns its payload.
   *
   * @param rawBody the request body exactly as received (before any parsing)
   * @param signature the {@code x-content-signature} header value
   * @throws CallbackRejectedException if the signature is missing or wrong, the body is not a
   *     payload, or the key URL is not on the configured site
   * @throws ConnectWiseException if the signing key could not be fetched
   */
  public CallbackPayload receive(byte[] rawBody, String signature) {
    if (signature == null || signature.isBlank()) {
      throw new CallbackRejectedException("The callback has no " + SIGNATURE_HEADER + " header");
    }
    byte[] claimed;
    try {
      claimed = Base64.getDecoder().decode(signature.strip());
    } catch (IllegalArgumentException e) {
      throw new CallbackRejectedException("The callback's signature is not Base64");
    }
    JsonNode payload;
    try {
      payload = engine.mapper().readTree(rawBody);
    } catch (IOException e) {
      throw new CallbackRejectedException("The callback's body is not JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw new CallbackRejectedException("The callback's body is not a JSON object");
    }
    HttpUrl keyUrl = keyUrl(payload);
    CachedKey cached = cached(keyUrl);
    if (cached == null || cached.digest() == null) {
      cached = refresh(keyUrl, cached);
    }
    if (!MessageDigest.isEqual(claimed, hmac(cached.digest(), rawBody))) {
      // Maybe rotated; but the body is untrusted, so look again only once per interval.
      if (nanoTime.getAsLong() - cached.fetchedAt() < KEY_REFRESH_INTERVAL.toNanos()) {
        throw new CallbackRejectedException("The callback's signature does not match its body");
      }
      cached = refresh(keyUrl, cached);
      if (!MessageDigest.isEqual(claimed, hmac(cached.digest(), rawBody))) {
        throw new CallbackRejectedException("The callback's signature does not match its body");
      }
    }
    return new CallbackPayload(payload, entity(payload.get("Entity")));
  }

  private CachedKey cached(HttpUrl url) {
    synchronized (keys) {
      return keys.get(url);
    }
  }

  /**
   * Fetches the key and caches it. The attempt is recorded first, so a failing fetch is not
   * repeated within the interval either; a key never fetched yet is always fetched.
   */
  private CachedKey refresh(HttpUrl url, CachedKey previous) {
    long now = nanoTime.getAsLong();
    if (previous != null && previous.digest() == null
        && now - previous.fetchedAt() < KEY_REFRESH_INTERVAL.toNanos()) {
      throw new CallbackRejectedException(
          "The callback's signing key could not be fetched a moment ago; it is tried again later");
    }
    put(url, new CachedKey(previous == null ? null : previous.digest(), now));
    CachedKey fresh = new CachedKey(fetchKey(url), now);
    put(url, fresh);
    return fresh;
  }

  private void put(HttpUrl url, CachedKey key) {
    synchronized (keys) {
      keys.remove(url); // re-inserted last: the oldest fetch is evicted first
      keys.put(url, key);
      if (keys.size() > MAX_KEY_URLS) {
        keys.remove(keys.keySet().iterator().next());
      }
    }
  }

  private HttpUrl keyUrl(JsonNode payload) {
    JsonNode value = payload.path("Metadata").path("key_url");
    if (!value.isTextual()) {
      throw new CallbackRejectedException("The callback has no Metadata.key_url");
    }
    HttpUrl url = HttpUrl.parse(value.asText());
    if (url == null || !engine.site().owns(url)) {
      throw new CallbackRejectedException(
          "The callback's signing key URL is not on the configured ConnectWise site "
              + engine.site().host()
              + "; it was not fetched");
    }
    return url;
  }

  private byte[] fetchKey(HttpUrl url) {
    JsonNode answer =
        engine.call(
            ApiRequest.get(url, "(callback signing key)"),
            engine.mapper().constructType(JsonNode.class));
    JsonNode signingKey = answer == null ? null : answer.get("signing_key");
    if (signingKey == null || !signingKey.isTextual() || signingKey.asText().isEmpty()) {
      throw new CallbackRejectedException("The signing key URL answered without a signing_key");
    }
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(signingKey.asText().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private JsonNode entity(JsonNode entity) {
    if (entity == null || entity.isNull()) {
      return CallbackPayload.missing();
    }
    if (entity.isTextual()) {
      try {
        return engine.mapper().readTree(entity.asText());
      } catch (IOException e) {
        throw new CallbackRejectedException("The callback's Entity is a string but not JSON");
      }
    }
    return entity;
  }
}
