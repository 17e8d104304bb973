package com.axcient.connectwise.client.internal;

import com.axcient.connectwise.client.AuthenticationException;
import com.axcient.connectwise.client.ConflictException;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.ErrorContext;
import com.axcient.connectwise.client.FieldError;
import com.axcient.connectwise.client.InvalidResponseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.RateLimitedException;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.client.ServerException;
import com.axcient.connectwise.client.TransportException;
import com.axcient.connectwise.client.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Sends {@link ApiRequest}s to one ConnectWise site: resolves the codebase (configured, or
 * discovered through {@code /login/companyinfo} and discovered once more after an unexpected
 * 404), decodes answers with the configured mapper, and turns every failure into the matching
 * {@link ConnectWiseException}.
 */
public final class HttpEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("com.axcient.connectwise.client");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String VENDOR_TYPE = "application/vnd.connectwise.com+json";

  /** Everything the engine needs, checked by the client's builder. */
  public static final class Config {
    final Site site;
    final String companyId;
    final String publicKey;
    final Secret privateKey;
    final String clientId;
    final String codebase;
    final String apiVersion;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration callTimeout;
    final OkHttpClient okHttpClient;
    final String userAgentSuffix;
    final RetryPolicy retryPolicy;
    final ObjectMapper mapper;
    final long maxResponseBytes;

    /** All values but {@code codebase}, {@code apiVersion}, {@code okHttpClient} and {@code userAgentSuffix} are required. */
    public Config(
        Site site,
        String companyId,
        String publicKey,
        Secret privateKey,
        String clientId,
        String codebase,
        String apiVersion,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        OkHttpClient okHttpClient,
        String userAgentSuffix,
        RetryPolicy retryPolicy,
        ObjectMapper mapper,
        long maxResponseBytes) {
      this.site = site;
      this.companyId = companyId;
      this.publicKey = publicKey;
      this.privateKey = privateKey;
      this.clientId = clientId;
      this.codebase = codebase;
      this.apiVersion = apiVersion;
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      this.callTimeout = callTimeout;
      this.okHttpClient = okHttpClient;
      this.userAgentSuffix = userAgentSuffix;
      this.retryPolicy = retryPolicy;
      this.mapper = mapper;
      this.maxResponseBytes = maxResponseBytes;
    }
  }

  /** A decoded page of a list and where the next one is. */
  public static final class Page<T> {
    private final List<T> items;
    private final HttpUrl url;
    private final HttpUrl next;
    private final boolean hadLinkHeader;

    Page(List<T> items, HttpUrl url, HttpUrl next, boolean hadLinkHeader) {
      this.items = items;
      this.url = url;
      this.next = next;
      this.hadLinkHeader = hadLinkHeader;
    }

    /** The URL this page was read from. */
    public HttpUrl url() {
      return url;
    }

    /** The records of this page. */
    public List<T> items() {
      return items;
    }

    /** The {@code rel="next"} URL, or null. */
    public HttpUrl next() {
      return next;
    }

    /** Whether the answer had a {@code Link} header at all. */
    public boolean hadLinkHeader() {
      return hadLinkHeader;
    }
  }

  private final Config config;
  private final OkHttpClient http;
  private final boolean ownsHttpClient;
  private final ConnectWiseService service;
  private final List<String> secrets;
  private final Object discoveryLock = new Object();
  private volatile String discoveredCodebase;
  private volatile JsonNode companyInfo;

  /** An engine for the configured site; makes no request until one is needed. */
  public HttpEngine(Config config) {
    this.config = config;
    this.ownsHttpClient = config.okHttpClient == null;
    OkHttpClient base = ownsHttpClient ? new OkHttpClient() : config.okHttpClient;
    String accept =
        config.apiVersion == null ? VENDOR_TYPE : VENDOR_TYPE + "; version=" + config.apiVersion;
    String userAgent =
        "connectwise-integration-java/"
            + version()
            + (config.userAgentSuffix == null ? "" : " " + config.userAgentSuffix);
    OkHttpClient.Builder builder =
        base.newBuilder()
            // OkHttp would otherwise re-send a POST by itself; see PostRetryGuard.
            .retryOnConnectionFailure(false)
            // Credentials must never follow a redirect to another host.
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(
                new SiteHeadersInterceptor(config.site, config.clientId, accept, userAgent))
            .addInterceptor(
                new AuthInterceptor(
                    config.site, config.companyId, config.publicKey, config.privateKey))
            .addInterceptor(new RetryInterceptor(config.retryPolicy))
            .addInterceptor(new ResponseLimitInterceptor(config.maxResponseBytes))
            .addNetworkInterceptor(new PostRetryGuard())
            .addNetworkInterceptor(new LoggingInterceptor());
    if (config.connectTimeout != null) {
      builder.connectTimeout(config.connectTimeout);
    }
    if (config.readTimeout != null) {
      builder.readTimeout(config.readTimeout).writeTimeout(config.readTimeout);
    }
    if (config.callTimeout != null) {
      builder.callTimeout(config.callTimeout);
    }
    this.http = builder.build();
    this.service =
        new Retrofit.Builder()
            .baseUrl(config.site.root())
            .callFactory(http)
            .validateEagerly(true)
            .build()
            .create(ConnectWiseService.class);
    String credentials = config.companyId + "+" + config.publicKey + ":" + config.privateKey.reveal();
    this.secrets =
        List.of(
            config.privateKey.reveal(),
            Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** The site requests go to. */
  public Site site() {
    return config.site;
  }

  /** The mapper records are read and written with. */
  public ObjectMapper mapper() {
    return config.mapper;
  }

  // ---------------------------------------------------------------- requests

  /** Sends the request and decodes the answer as {@code type} (null for no body). */
  public <T> T call(ApiRequest request, JavaType type) {
    return decode(request, send(request), type);
  }

  /** The same as {@link #call} without blocking the caller. */
  public <T> CompletableFuture<T> callAsync(ApiRequest request, JavaType type) {
    return sendAsync(request).thenApply(raw -> decode(request, raw, type));
  }

  /** Sends a list request and decodes one page of {@code elementType}. */
  public <T> Page<T> page(ApiRequest request, JavaType elementType) {
    RawResponse raw = send(request);
    JavaType listType =
        config.mapper.getTypeFactory().constructCollectionType(List.class, elementType);
    List<T> items = decode(request, raw, listType);
    String linkHeader = raw.headers.get("Link");
    String next = LinkHeader.parse(linkHeader).get("next");
    HttpUrl nextUrl = null;
    if (next != null) {
      nextUrl = raw.url.resolve(next);
      if (nextUrl == null || !config.site.owns(nextUrl)) {
        throw new InvalidResponseException(
            "ConnectWise's next-page link points outside the configured site; it was not followed",
            context(request, raw).build());
      }
    }
    return new Page<>(items == null ? List.of() : items, raw.url, nextUrl, linkHeader != null);
  }

  /**
   * The company information of {@code /login/companyinfo/{companyId}}: codebase, version, whether
   * the site is cloud hosted. Fetched once and cached.
   */
  public JsonNode companyInfo() {
    if (companyInfo == null) {
      synchronized (discoveryLock) {
        if (companyInfo == null) {
          discover();
        }
      }
    }
    return companyInfo;
  }

  /** Closes the HTTP client's threads and connections if the engine created it. */
  @Override
  public void close() {
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  // ---------------------------------------------------------------- codebase

  /** The codebase requests use, such as {@code v4_6_release/}: configured, or discovered now. */
  public String codebase() {
    if (config.codebase != null) {
      return config.codebase;
    }
    String known = discoveredCodebase;
    if (known != null) {
      return known;
    }
    synchronized (discoveryLock) {
      return discoveredCodebase != null ? discoveredCodebase : discover();
    }
  }

  private CompletableFuture<String> codebaseAsync() {
    if (config.codebase != null || discoveredCodebase != null) {
      return CompletableFuture.completedFuture(codebase());
    }
    // Discovery happens once; a synchronous call on OkHttp's executor uses no dispatcher slot.
    return CompletableFuture.supplyAsync(this::codebase, http.dispatcher().executorService());
  }

  private String rediscover(String stale) {
    synchronized (discoveryLock) {
      if (!Objects.equals(discoveredCodebase, stale)) {
        return discoveredCodebase;
      }
      LOG.info(
          "ConnectWise answered 404 without an error body; looking up the codebase of company {} again",
          config.companyId);
      return discover();
    }
  }

  private String discover() {
    HttpUrl url =
        config.site.root().newBuilder()
            .addPathSegments("login/companyinfo")
            .addPathSegment(config.companyId)
            .build();
    String path = "/login/companyinfo/" + config.companyId;
    ApiRequest request = ApiRequest.get(url, path);
    RawResponse raw = execute(request, url);
    if (raw.code / 100 != 2) {
      if (raw.code == 429 || raw.code >= 500) {
        throw errorFor(request, raw);
      }
      throw new InvalidResponseException(
          "The company lookup failed with HTTP "
              + raw.code
              + ". Check the site: it should be your ConnectWise API host, such as"
              + " api-na.myconnectwise.net, or your on-premises ConnectWise host",
          context(request, raw).build());
    }
    String text = new String(raw.body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty() || text.equals("null")) {
      throw new NotFoundException(
          "ConnectWise has no company '"
              + config.companyId
              + "' at "
              + config.site.host()
              + ": check the company ID (the name typed on the ConnectWise login screen)",
          context(request, raw).build());
    }
    if (looksLikeHtml(raw)) {
      throw new InvalidResponseException(htmlExplanation(), context(request, raw).build());
    }
    JsonNode info;
    try {
      info = config.mapper.readTree(raw.body);
    } catch (IOException e) {
      throw new InvalidResponseException(
          "The company lookup answered something other than JSON: the site is probably not a"
              + " ConnectWise host",
          context(request, raw).build(),
          e);
    }
    JsonNode codebase = info.path("Codebase");
    if (!codebase.isTextual() || codebase.asText().isBlank()) {
      throw new InvalidResponseException(
          "The company lookup did not name a codebase: the site is probably not a ConnectWise host",
          context(request, raw).build());
    }
    String found;
    try {
      found = Site.normaliseCodebase(codebase.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          "The company lookup named an invalid codebase", context(request, raw).build(), e);
    }
    companyInfo = info;
    discoveredCodebase = found;
    LOG.debug("Company {} uses codebase {}", config.companyId, found);
    return found;
  }

  // ---------------------------------------------------------------- sending

  private RawResponse send(ApiRequest request) {
    String codebase = codebase();
    RawResponse raw = execute(request, urlFor(request, codebase));
    if (needsRediscovery(raw)) {
      String fresh = rediscover(codebase);
      if (!fresh.equals(codebase)) {
        raw = execute(request, urlFor(request, fresh));
      }
    }
    return raw;
  }

  private CompletableFuture<RawResponse> sendAsync(ApiRequest request) {
    return codebaseAsync()
        .thenCompose(
            codebase ->
                executeAsync(request, urlFor(request, codebase))
                    .thenCompose(
                        raw -> {
                          if (!needsRediscovery(raw)) {
                            return CompletableFuture.completedFuture(raw);
                          }
                          return CompletableFuture.supplyAsync(
                                  () -> rediscover(codebase), http.dispatcher().executorService())
                              .thenCompose(
                                  fresh ->
                                      fresh.equals(codebase)
                                          ? CompletableFuture.completedFuture(raw)
                                          : executeAsync(request, urlFor(request, fresh)));
                        }));
  }

  private boolean needsRediscovery(RawResponse raw) {
    // A JSON 404 is ConnectWise saying "no such record"; an HTML or empty one is a routing failure.
    return raw.code == 404 && config.codebase == null && errorBody(raw) == null;
  }

  private HttpUrl urlFor(ApiRequest request, String codebase) {
    if (request.absoluteUrl() != null) {
      return request.absoluteUrl();
    }
    return HttpUrl.get(config.site.apiRoot(codebase) + request.path());
  }

  private Call<ResponseBody> newCall(ApiRequest request, HttpUrl url) {
    RequestTag tag = new RequestTag(request.repeatable());
    String target = url.toString();
    Map<String, String> headers = request.headers();
    switch (request.method()) {
      case "GET":
        return service.get(target, request.queryParameters(), headers, tag);
      case "POST":
        return service.post(target, body(request), headers, tag);
      case "PUT":
        return service.put(target, body(request), headers, tag);
      case "PATCH":
        return service.patch(target, body(request), headers, tag);
      case "DELETE":
        return service.delete(target, headers, tag);
      default:
        throw new IllegalArgumentException("Unsupported method " + request.method());
    }
  }

  private RequestBody body(ApiRequest request) {
    try {
      return RequestBody.create(config.mapper.writeValueAsBytes(request.body()), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The " + request.method() + " body for " + request.path() + " cannot be written as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private RawResponse execute(ApiRequest request, HttpUrl url) {
    Call<ResponseBody> call = newCall(request, url);
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw transportError(request, e);
    }
    return read(request, response);
  }

  private CompletableFuture<RawResponse> executeAsync(ApiRequest request, HttpUrl url) {
    Call<ResponseBody> call = newCall(request, url);
    CompletableFuture<RawResponse> future = new CompletableFuture<>();
    call.enqueue(
        new Callback<>() {
          @Override
          public void onResponse(Call<ResponseBody> done, Response<ResponseBody> response) {
            try {
              future.complete(read(request, response));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call<ResponseBody> done, Throwable failure) {
            future.completeExceptionally(
                failure instanceof IOException
                    ? transportError(request, (IOException) failure)
                    : failure);
          }
        });
    future.whenComplete(
        (result, failure) -> {
          if (future.isCancelled()) {
            call.cancel();
          }
        });
    return future;
  }

  private RawResponse read(ApiRequest request, Response<ResponseBody> response) {
    ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
    byte[] bytes = new byte[0];
    if (body != null) {
      try (ResponseBody closing = body) {
        bytes = closing.bytes();
      } catch (ResponseLimitInterceptor.ResponseTooLargeException e) {
        throw tooLarge(
            ErrorContext.builder(request.method(), request.path())
                .status(response.code())
                .requestId(response.headers().get("x-cw-request-id")),
            e);
      } catch (IOException e) {
        throw transportError(request, e);
      }
    }
    return new RawResponse(
        response.code(),
        response.headers(),
        bytes,
        body == null ? null : body.contentType(),
        response.raw().request().url());
  }

  // ---------------------------------------------------------------- decoding

  private <T> T decode(ApiRequest request, RawResponse raw, JavaType type) {
    if (raw.code / 100 != 2) {
      throw errorFor(request, raw);
    }
    if (type == null) {
      return null;
    }
    if (raw.body.length == 0) {
      throw new InvalidResponseException(
          "ConnectWise answered " + raw.code + " with no body where a record was expected",
          context(request, raw).build());
    }
    if (looksLikeHtml(raw)) {
      throw new InvalidResponseException(htmlExplanation(), context(request, raw).build());
    }
    try {
      return config.mapper.readValue(raw.body, type);
    } catch (IOException e) {
      String detail =
          e instanceof JsonProcessingException
              ? ((JsonProcessingException) e).getOriginalMessage()
              : e.getMessage();
      throw new InvalidResponseException(
          "ConnectWise's answer could not be read as "
              + type.toCanonical().replaceAll("[a-z0-9_.]+\\.", "")
              + ": "
              + redact(Texts.forLog(detail)),
          context(request, raw).build(),
          null);
    }
  }

  private ConnectWiseException errorFor(ApiRequest request, RawResponse raw) {
    JsonNode error = errorBody(raw);
    ErrorContext.Builder context = context(request, raw);
    String hint = null;
    if (error != null) {
      context.errorCode(serverText(error.get("code")));
      context.serverMessage(serverText(error.get("message")));
      context.fieldErrors(fieldErrors(error.get("errors")));
    } else {
      hint = describeNonJson(raw);
    }
    ErrorContext ctx = context.build();
    int code = raw.code;
    if (code / 100 == 3) {
      return new InvalidResponseException(
          "ConnectWise redirected the request to "
              + Texts.forLog(hostOf(raw.headers.get("Location")))
              + "; redirects are not followed: check the site and codebase",
          ctx);
    }
    switch (code) {
      case 400:
      case 405:
      case 415:
      case 422:
        String duplicate = duplicateField(ctx);
        if (duplicate != null) {
          return new ConflictException(
              "A record with the same "
                  + duplicate
                  + " already exists; look it up instead of creating it again",
              ctx);
        }
        return new ValidationException(
            join("ConnectWise rejected the request as invalid", hint), ctx);
      case 401:
        return new AuthenticationException(
            join(
                "ConnectWise did not accept the credentials: check the company ID, the API member's"
                    + " public and private keys, and the client ID",
                hint),
            ctx);
      case 403:
        return new PermissionException(
            "The API member's security role lacks the permission for "
                + request.method()
                + " "
                + request.path()
                + ": grant it in ConnectWise under System > Security Roles",
            ctx);
      case 404:
        if (error != null) {
          return new NotFoundException(
              "The record does not exist (it may have been deleted or merged)", ctx);
        }
        return new AuthenticationException(
            join(
                "ConnectWise answered 404 without an error body. Cloud sites answer this way when"
                    + " the company ID, public key or private key is wrong; otherwise the site or"
                    + " codebase is wrong",
                hint),
            ctx);
      case 409:
        return new ConflictException(
            "The record is in use or was changed by someone else; try again later", ctx);
      case 429:
        Duration wait = RetryAfter.parse(raw.headers.get("Retry-After"));
        return new RateLimitedException(
            "ConnectWise is rate limiting this API member"
                + (wait == null ? "" : "; it asked to wait " + wait.toSeconds() + " s"),
            ctx,
            wait);
      default:
        if (code == 408 || code >= 500) {
          return new ServerException(
              join(
                  "ConnectWise failed to handle the request"
                      + (request.method().equals("GET") ? "" : "; it may or may not have been applied"),
                  hint),
              ctx);
        }
        return new ConnectWiseException(
            join("ConnectWise answered with unexpected status " + code, hint), ctx);
    }
  }

  private InvalidResponseException tooLarge(ErrorContext.Builder context, IOException e) {
    return new InvalidResponseException(
        "ConnectWise's answer is larger than the limit of "
            + config.maxResponseBytes
            + " bytes; raise maxResponseBytes or ask for fewer records per page",
        context.build(),
        e);
  }

  private ConnectWiseException transportError(ApiRequest request, IOException e) {
    if (e instanceof ResponseLimitInterceptor.ResponseTooLargeException) {
      // Retrofit reads the whole body inside execute(), so an oversized answer surfaces here.
      return tooLarge(ErrorContext.builder(request.method(), request.path()), e);
    }
    boolean notSent =
        e instanceof UnknownHostException
            || e instanceof ConnectException
            || e instanceof NoRouteToHostException
            || e instanceof SSLHandshakeException;
    String what;
    if (e instanceof UnknownHostException) {
      what = "The host " + config.site.host() + " could not be found: check the site";
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      // The port is named: a wrong or closed port is a usual cause on a site that has one.
      what = "Could not connect to " + config.site.authority() + ": check the site and the network";
    } else if (e instanceof SSLHandshakeException) {
      what = "The TLS handshake with " + config.site.host() + " failed: check the site's certificate";
    } else if (e instanceof PostRetryGuard.RepeatRefusedException) {
      what = "The connection dropped after the request was sent; it may or may not have been applied";
    } else if (e instanceof java.io.InterruptedIOException) {
      what = "No answer from " + config.site.host() + " in time (" + Texts.forLog(e.getMessage()) + ")";
    } else {
      what =
          "The connection to "
              + config.site.host()
              + " failed ("
              + e.getClass().getSimpleName()
              + ": "
              + redact(Texts.forLog(e.getMessage()))
              + ")";
    }
    return new TransportException(
        what, ErrorContext.builder(request.method(), request.path()).build(), e, !notSent);
  }

  private JsonNode errorBody(RawResponse raw) {
    if (raw.body.length == 0 || looksLikeHtml(raw)) {
      return null;
    }
    try {
      JsonNode node = config.mapper.readTree(raw.body);
      if (node != null && node.isObject() && (node.has("code") || node.has("message"))) {
        return node;
      }
    } catch (IOException notJson) {
      // Plain text or broken JSON: described by describeNonJson.
    }
    return null;
  }

  /**
   * The field named by ConnectWise's {@code ObjectExists} error (a duplicate identifier), or null
   * when the error is another one.
   */
  private static String duplicateField(ErrorContext context) {
    for (FieldError error : context.fieldErrors()) {
      if (error.code().filter("ObjectExists"::equals).isPresent()) {
        return error.field().orElse("identifier");
      }
    }
    return context.errorCode().filter("ObjectExists"::equals).isPresent() ? "identifier" : null;
  }

  private List<FieldError> fieldErrors(JsonNode errors) {
    List<FieldError> result = new ArrayList<>();
    if (errors != null && errors.isArray()) {
      for (JsonNode error : errors) {
        result.add(
            FieldError.of(
                serverText(error.get("code")),
                serverText(error.get("message")),
                serverText(error.get("resource")),
                serverText(error.get("field"))));
      }
    }
    return result;
  }

  /** Server text made safe for messages and logs: one line, shortened, credentials redacted. */
  private String serverText(JsonNode node) {
    String text = textOrNull(node);
    return text == null ? null : redact(Texts.forLog(text));
  }

  private String describeNonJson(RawResponse raw) {
    if (raw.body.length == 0) {
      return "the answer had no body";
    }
    if (looksLikeHtml(raw)) {
      // Gateways and proxies answer 5xx and 408 with their own HTML page: not a wrong host.
      return raw.code == 408 || raw.code >= 500
          ? "the answer was an HTML page, as a gateway or proxy sends when ConnectWise is"
              + " unavailable"
          : htmlExplanation();
    }
    String text = new String(raw.body, 0, Math.min(raw.body.length, 400), StandardCharsets.UTF_8);
    if (text.toLowerCase(Locale.ROOT).contains("cannot route")) {
      return "ConnectWise could not route the request ('"
          + redact(Texts.forLog(text))
          + "'): the codebase or company ID is wrong";
    }
    return "the answer was not JSON: '" + redact(Texts.forLog(text)) + "'";
  }

  private static String htmlExplanation() {
    return "ConnectWise answered with an HTML page instead of JSON: the site is probably the"
        + " browser address rather than the API host (use api-na.myconnectwise.net, not"
        + " na.myconnectwise.net) or the codebase is wrong";
  }

  private static boolean looksLikeHtml(RawResponse raw) {
    if (raw.contentType != null && raw.contentType.subtype().equalsIgnoreCase("html")) {
      return true;
    }
    for (byte b : raw.body) {
      if (!Character.isWhitespace(b)) {
        return b == '<';
      }
    }
    return false;
  }

  private ErrorContext.Builder context(ApiRequest request, RawResponse raw) {
    return ErrorContext.builder(request.method(), request.path())
        .status(raw.code)
        .requestId(raw.headers.get("x-cw-request-id"));
  }

  /** Replaces the credentials anywhere in server text, in case a server echoes our request. */
  private String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "[redacted]");
    }
    return result;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String hostOf(String location) {
    if (location == null) {
      return "another address";
    }
    HttpUrl url = HttpUrl.parse(location);
    return url == null ? "another address" : url.host();
  }

  private static String join(String explanation, String hint) {
    return hint == null ? explanation : explanation + "; " + hint;
  }

  /** Unwraps the {@link ConnectWiseException} a future failed with, for synchronous callers. */
  public static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = HttpEngine.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // The version only decorates the User-Agent.
    }
    return properties.getProperty("version", "dev");
  }

  /** An answer read in full. */
  private static final class RawResponse {
    final int code;
    final Headers headers;
    final byte[] body;
    final MediaType contentType;
    final HttpUrl url;

    RawResponse(int code, Headers headers, byte[] body, MediaType contentType, HttpUrl url) {
      this.code = code;
      this.headers = headers;
      this.body = body;
      this.contentType = contentType;
      this.url = url;
    }
  }
}
