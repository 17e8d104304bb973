package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.Access;
import com.axcient.connectwise.testkit.Permission;
import com.axcient.connectwise.testkit.internal.ApiSchema.ObjectSchema;
import com.axcient.connectwise.testkit.internal.Conditions.Condition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * The simulator's HTTP edge: discovery, the codebase check, authentication and the client ID,
 * the security role, routing to the records, paging and {@code Link} headers, ConnectWise-shaped
 * errors, scripted faults and the journal. MockWebServer calls it on one thread per connection.
 */
public final class HttpFront extends Dispatcher {

  private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
  private static final String JSON = "application/json; charset=utf-8";
  private static final int DEFAULT_PAGE_SIZE = 25;
  private static final int MAX_PAGE_SIZE = 1000;
  private static final String CLOUD_NOT_FOUND =
      "<!DOCTYPE html>\r\n<html><head><title>404 - File or directory not found.</title></head>"
          + "<body><h2>404 - File or directory not found.</h2></body></html>";

  private final Settings settings;
  private final Site site;
  private final FaultTable faults;
  private final CallbackDispatcher callbacks;
  private final BiPredicate<Permission, Access> role;
  private final Consumer<RequestRecord> journal;
  private final Runnable onDispatch;

  /**
   * The front of one simulated site.
   *
   * @param settings identity and credentials
   * @param site the records
   * @param faults the scripted faults
   * @param callbacks serves the callback signing keys
   * @param role whether the API member's security role allows an access
   * @param journal told of every request
   * @param onDispatch run at the start of every request (the host drains MockWebServer's own log)
   */
  public HttpFront(Settings settings, Site site, FaultTable faults, CallbackDispatcher callbacks,
      BiPredicate<Permission, Access> role, Consumer<RequestRecord> journal, Runnable onDispatch) {
    this.settings = settings;
    this.site = site;
    this.faults = faults;
    this.callbacks = callbacks;
    this.role = role;
    this.journal = journal;
    this.onDispatch = onDispatch;
  }

  /** A response before faults are applied. */
  private record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply json(int status, JsonNode body) {
      return new Reply(status, JSON, Json.write(body), new LinkedHashMap<>());
    }

    static Reply error(ApiError error) {
      return json(error.status(), error.body());
    }

    static Reply text(int status, String contentType, String body) {
      return new Reply(status, contentType, body, new LinkedHashMap<>());
    }
  }

  /** The parts of a request the front reads. */
  private record Call(String method, String path, String apiPath, HttpUrl url, Headers headers,
      String body) {
    String query(String name) {
      return url.queryParameter(name);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    onDispatch.run();
    Instant time = site.instant();
    HttpUrl url = request.getUrl();
    String path = "/" + String.join("/", url.pathSegments());
    String prefix = apiPrefix();
    String apiPath = isUnder(path, prefix) ? path.substring(prefix.length()) : path;
    // The router reads "/service/tickets/" as "/service/tickets"; faults and the journal must too.
    if (apiPath.length() > 1 && apiPath.endsWith("/")) {
      apiPath = apiPath.substring(0, apiPath.length() - 1);
    }
    ByteString bytes = request.getBody();
    String body = bytes == null ? "" : bytes.string(StandardCharsets.UTF_8);
    Call call = new Call(request.getMethod(), path, apiPath, url, request.getHeaders(), body);

    Optional<FaultTable.Entry> fault = faults.claim(call.method(), apiPath);
    boolean handled = fault.isEmpty() || fault.get().afterWrite();
    Reply reply = handled ? handle(call) : null;
    MockResponse.Builder response;
    int status;
    if (fault.isEmpty()) {
      response = toResponse(reply);
      status = reply.status();
    } else {
      FaultTable.Entry entry = fault.get();
      if (entry.action() == FaultTable.Action.RESPOND) {
        reply = faultReply(entry);
      }
      response = reply == null ? new MockResponse.Builder() : toResponse(reply);
      status = applyFault(entry, response, reply);
    }
    journal.accept(new RequestRecord(time, call.method(), path, apiPath, query(url),
        headers(call.headers()), body, status, handled, fault.map(FaultTable.Entry::describe).orElse(null)));
    return response.build();
  }

  private int applyFault(FaultTable.Entry entry, MockResponse.Builder response, Reply reply) {
    switch (entry.action()) {
      case DROP:
        response.onResponseStart(new SocketEffect.CloseSocket());
        return 0;
      case STALL:
        response.onResponseStart(SocketEffect.Stall.INSTANCE);
        return 0;
      case CUT_BODY:
        response.onResponseBody(new SocketEffect.CloseSocket());
        break;
      case LATENCY:
        response.headersDelay(entry.delay().toNanos(), TimeUnit.NANOSECONDS);
        break;
      case THROTTLE:
        response.throttleBody(entry.throttleBytes(), entry.throttlePeriod().toNanos(), TimeUnit.NANOSECONDS);
        break;
      default:
        break;
    }
    return reply.status();
  }

  private static Reply faultReply(FaultTable.Entry entry) {
    int status = entry.status();
    Reply reply;
    if (entry.body().isPresent()) {
      reply = Reply.text(status, entry.contentType(), entry.body().get());
    } else if (status >= 501 || status == 408) {
      // Gateways and load balancers in front of ConnectWise answer these with HTML pages.
      reply = Reply.text(status, "text/html",
          "<html><head><title>" + status + " " + reason(status) + "</title></head><body><h1>"
              + status + " " + reason(status) + "</h1></body></html>");
    } else {
      ObjectNode body = Json.object();
      body.put("code", reason(status).replace(" ", ""));
      body.put("message", status == 429
          ? "Too many requests. Please wait before sending more." : reason(status) + ".");
      reply = Reply.json(status, body);
    }
    if (entry.retryAfterSeconds() >= 0) {
      reply.headers().put("Retry-After", Long.toString(entry.retryAfterSeconds()));
    }
    return reply;
  }

  private static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return "Error";
    }
  }

  private MockResponse.Builder toResponse(Reply reply) {
    MockResponse.Builder builder = new MockResponse.Builder().code(reply.status());
    builder.setHeader("x-cw-request-id", UUID.randomUUID().toString());
    builder.setHeader("x-server-name", "cw-simulator");
    builder.setHeader("api-current-version", Settings.API_VERSION);
    builder.setHeader("Cache-Control", "no-cache");
    reply.headers().forEach(builder::setHeader);
    if (reply.status() != 204) {
      builder.setHeader("Content-Type", reply.contentType());
      builder.body(reply.body());
    }
    return builder;
  }

  private static Map<String, List<String>> query(HttpUrl url) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      query.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>())
          .add(value == null ? "" : value);
    }
    query.replaceAll((k, v) -> List.copyOf(v));
    return java.util.Collections.unmodifiableMap(query);
  }

  private static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      List<String> values = lower.equals("authorization")
          ? List.of("[redacted]") : List.copyOf(headers.values(name));
      map.put(lower, values);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private String apiPrefix() {
    return "/" + settings.codebase() + "apis/3.0";
  }

  private static boolean isUnder(String path, String prefix) {
    return path.regionMatches(true, 0, prefix, 0, prefix.length())
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }

  // ---- handling -----------------------------------------------------------------------------

  private Reply handle(Call call) {
    try {
      if (call.path().regionMatches(true, 0, "/login/companyinfo/", 0, 19)) {
        return companyInfo(call.path().substring(19));
      }
      if (!isUnder(call.path(), apiPrefix())) {
        return Reply.text(404, "text/plain; charset=utf-8", "Cannot route. Codebase/company is invalid");
      }
      if (call.method().equals("GET") && call.apiPath().startsWith(CallbackDispatcher.KEY_PATH)) {
        return signingKey(call.apiPath().substring(CallbackDispatcher.KEY_PATH.length()));
      }
      Optional<Reply> refused = authenticate(call);
      if (refused.isPresent()) {
        return refused.get();
      }
      return api(call);
    } catch (ApiError error) {
      return Reply.error(error);
    } catch (RuntimeException unexpected) {
      LOG.log(Level.WARNING, "Simulator failure on " + call.method() + " " + call.path(), unexpected);
      return Reply.error(new ApiError(500, "UnexpectedError",
          "The simulator failed: " + unexpected));
    }
  }

  private Reply companyInfo(String companyId) {
    if (!companyId.equalsIgnoreCase(settings.companyId())) {
      return Reply.text(200, JSON, "null");
    }
    ObjectNode info = Json.object();
    info.put("CompanyName", settings.companyId());
    info.put("Codebase", settings.codebase());
    info.put("VersionCode", "v" + Settings.API_VERSION);
    info.put("VersionNumber", "v4.6.110210");
    info.put("CompanyID", settings.companyId());
    info.put("IsCloud", settings.cloud());
    info.put("SiteUrl", apiHost());
    return Reply.json(200, info);
  }

  private String apiHost() {
    return java.net.URI.create(site.apiUrl()).getAuthority();
  }

  private Reply signingKey(String keyId) {
    return callbacks.key(keyId)
        .map(key -> {
          ObjectNode body = Json.object();
          body.put("signing_key", key);
          return Reply.json(200, body);
        })
        .orElseGet(() -> Reply.error(ApiError.notFound("No signing key " + keyId + ".")));
  }

  private Optional<Reply> authenticate(Call call) {
    if (!credentialsMatch(call.headers().get("Authorization"))) {
      if (settings.cloud()) {
        return Optional.of(Reply.text(404, "text/html", CLOUD_NOT_FOUND));
      }
      return Optional.of(Reply.error(new ApiError(401, "Unauthorized",
          "Authentication failed: the company ID, public key or private key is not valid.")));
    }
    String clientId = call.headers().get("clientId");
    if (clientId == null || clientId.isBlank()) {
      return Optional.of(Reply.error(new ApiError(401, "Unauthorized",
          "clientId is required: send the clientId header with the client ID your integration "
              + "was issued at developer.connectwise.com.")));
    }
    if (!clientId.trim().equalsIgnoreCase(settings.clientId())) {
      return Optional.of(Reply.error(new ApiError(401, "Unauthorized",
          "The clientId " + clientId + " is not a registered client ID.")));
    }
    return Optional.empty();
  }

  private boolean credentialsMatch(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    int plus = decoded.indexOf('+');
    if (colon < 0 || plus < 0 || plus > colon) {
      return false;
    }
    return decoded.substring(0, plus).equalsIgnoreCase(settings.companyId())
        && decoded.substring(plus + 1, colon).equals(settings.publicKey())
        && decoded.substring(colon + 1).equals(settings.privateKey());
  }

  private Reply api(Call call) {
    String method = call.method();
    if (call.apiPath().equalsIgnoreCase("/system/info")) {
      if (!method.equals("GET")) {
        return methodNotAllowed(method);
      }
      return Reply.json(200, systemInfo());
    }
    Route route = Route.parse(call.apiPath());
    Kind kind = route.kind();
    Kind.Op op = operation(method, route);
    if (op == null || !kind.allows(op)) {
      return methodNotAllowed(method);
    }
    Access access = Access.forMethod(method);
    if (!role.test(kind.permission(), access)) {
      throw new ApiError(403, "Forbidden", "The API member's security role does not allow "
          + access.displayName() + " in " + kind.permission().displayName() + ".");
    }
    Actor actor = apiActor();
    switch (method) {
      case "GET":
        return read(call, route);
      case "POST":
        return Reply.json(201, site.create(kind, route.parentId(), requestJson(call), actor));
      case "PUT":
        return Reply.json(200, site.replace(kind, route.parentId(), route.id(), requestJson(call), actor));
      case "PATCH":
        return Reply.json(200, site.patch(kind, route.parentId(), route.id(), requestJson(call), actor));
      default:
        site.delete(kind, route.parentId(), route.id(), actor);
        return Reply.text(204, JSON, "");
    }
  }

  /** The operation a method asks for on a route, or null when the route cannot take it. */
  private static Kind.Op operation(String method, Route route) {
    switch (method) {
      case "GET":
        return Kind.Op.READ;
      case "POST":
        return route.isCollection() ? Kind.Op.CREATE : null;
      case "PUT":
      case "PATCH":
        return route.id() >= 0 ? Kind.Op.UPDATE : null;
      case "DELETE":
        return route.id() >= 0 ? Kind.Op.DELETE : null;
      default:
        return null;
    }
  }

  private static Reply methodNotAllowed(String method) {
    return Reply.error(new ApiError(405, "MethodNotAllowed",
        "The requested resource does not support http method '" + method + "'."));
  }

  private ObjectNode systemInfo() {
    ObjectNode info = Json.object();
    info.put("version", Settings.SERVER_VERSION);
    info.put("isCloud", settings.cloud());
    info.put("serverTimeZone", "Eastern Standard Time");
    if (settings.cloud()) {
      info.put("cloudRegion", "NA");
    }
    info.put("maxWorkFlowRecordsAllowed", 10000);
    return info;
  }

  private Actor apiActor() {
    return site.find(Kind.MEMBER, settings.apiMemberId())
        .map(Actor::of)
        .orElseThrow(() -> new ApiError(401, "Unauthorized", "The API member no longer exists."));
  }

  private static JsonNode requestJson(Call call) {
    String contentType = call.headers().get("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      throw new ApiError(415, "UnsupportedMediaType", "The request entity's media type '"
          + contentType + "' is not supported for this resource.");
    }
    if (call.body().isBlank()) {
      throw ApiError.badRequest("The request body is empty.");
    }
    try {
      return Json.parse(call.body());
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private Reply read(Call call, Route route) {
    Kind kind = route.kind();
    if (route.memberIdentifier() != null) {
      return site.member(route.memberIdentifier())
          .map(member -> Reply.json(200, member))
          .orElseThrow(() -> ApiError.notFound("Member " + route.memberIdentifier() + " was not found."));
    }
    if (route.id() >= 0) {
      ObjectNode record = site.get(kind, route.parentId(), route.id());
      String fields = call.query("fields");
      return Reply.json(200, fields == null ? record : Listing.project(record, fields));
    }
    // Only the page is copied: copying every match for every page made listing a table of n
    // records cost n * n / pageSize copies.
    return site.query(kind, route.parentId(), filter(call, kind)::matches, matches -> {
      if (route.count()) {
        ObjectNode count = Json.object();
        count.put("count", matches.size());
        return Reply.json(200, count);
      }
      return list(call, kind, matches);
    });
  }

  private Condition filter(Call call, Kind kind) {
    ApiSchema schema = site.schema();
    ObjectSchema root = schema.require(kind.schemaName());
    Condition conditions = Conditions.parse(schema, root, "conditions", call.query("conditions"));
    Condition children = Conditions.parse(schema, root, "childConditions", call.query("childConditions"));
    String custom = call.query("customFieldConditions");
    Condition customFields = Conditions.ALL;
    if (custom != null && !custom.isBlank()) {
      if (!root.properties().containsKey("customFields")) {
        throw ApiError.badRequest("customFieldConditions: " + root.name() + " has no custom fields.");
      }
      Condition each = Conditions.parse(schema, schema.require("CustomFieldValue"),
          "customFieldConditions", custom);
      customFields = record -> {
        for (JsonNode field : record.path("customFields")) {
          if (each.matches(field)) {
            return Boolean.TRUE;
          }
        }
        return Boolean.FALSE;
      };
    }
    Condition fields = customFields;
    return record -> conditions.matches(record) && children.matches(record) && fields.matches(record);
  }

  private Reply list(Call call, Kind kind, List<ObjectNode> matches) {
    ApiSchema schema = site.schema();
    int pageSize = intParameter(call, "pageSize", DEFAULT_PAGE_SIZE);
    pageSize = pageSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    boolean forwardOnly = "forward-only".equalsIgnoreCase(call.headers().get("pagination-type"));
    String orderBy = call.query("orderBy");
    List<ObjectNode> page;
    String link;
    if (forwardOnly) {
      if (!Listing.isIdOrder(orderBy)) {
        throw ApiError.badRequest("orderBy cannot be used with forward-only pagination, which "
            + "always orders by id.");
      }
      long after = intParameter(call, "pageId", 0);
      List<ObjectNode> rest = matches.stream().filter(r -> r.path("id").asLong() > after)
          .collect(java.util.stream.Collectors.toList());
      page = rest.subList(0, Math.min(pageSize, rest.size()));
      link = rest.size() > page.size()
          ? "<" + call.url().newBuilder().removeAllQueryParameters("page")
              .setQueryParameter("pageSize", Integer.toString(pageSize))
              .setQueryParameter("pageId", page.get(page.size() - 1).path("id").asText())
              .build() + ">; rel=\"next\""
          : null;
    } else {
      Comparator<JsonNode> order = Listing.orderBy(schema, schema.require(kind.schemaName()), orderBy);
      matches.sort(order);
      int pageNumber = Math.max(1, intParameter(call, "page", 1));
      int lastPage = Math.max(1, (matches.size() + pageSize - 1) / pageSize);
      long from = (long) (pageNumber - 1) * pageSize;
      page = from >= matches.size() ? List.of()
          : matches.subList((int) from, (int) Math.min(matches.size(), from + pageSize));
      link = navigationLinks(call.url(), pageNumber, lastPage, pageSize);
    }
    String fields = call.query("fields");
    ArrayNode body = Json.array();
    for (ObjectNode record : page) {
      body.add(fields == null ? record.deepCopy() : Listing.project(record, fields));
    }
    Reply reply = Reply.json(200, body);
    if (link != null) {
      reply.headers().put("Link", link);
    }
    return reply;
  }

  private static String navigationLinks(HttpUrl url, int page, int lastPage, int pageSize) {
    if (lastPage == 1 && page == 1) {
      return null;
    }
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add(pageLink(url, 1, pageSize, "first"));
      links.add(pageLink(url, Math.min(page - 1, lastPage), pageSize, "prev"));
    }
    if (page < lastPage) {
      links.add(pageLink(url, page + 1, pageSize, "next"));
      links.add(pageLink(url, lastPage, pageSize, "last"));
    }
    return links.isEmpty() ? null : String.join(", ", links);
  }

  private static String pageLink(HttpUrl url, int page, int pageSize, String rel) {
    HttpUrl target = url.newBuilder()
        .setQueryParameter("pageSize", Integer.toString(pageSize))
        .setQueryParameter("page", Integer.toString(page))
        .build();
    return "<" + target + ">; rel=\"" + rel + "\"";
  }

  private static int intParameter(Call call, String name, int fallback) {
    String value = call.query(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("The value '" + value + "' is not valid for " + name + ".");
    }
  }
}
