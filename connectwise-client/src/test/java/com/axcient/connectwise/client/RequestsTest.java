package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.API;
import static com.axcient.connectwise.client.Fixtures.json;
import static com.axcient.connectwise.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.axcient.connectwise.client.model.AgreementAddition;
import com.axcient.connectwise.client.model.Callback;
import com.axcient.connectwise.client.model.Company;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.SystemInfo;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.client.model.TicketNote;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the client puts on the wire: credentials, headers, and the method, path, query and body
 * of every operation of every resource.
 */
class RequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @StartStop private final MockWebServer server = Fixtures.server();

  private ConnectWiseClient client;

  @BeforeEach
  void answerLikeConnectWise() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            switch (request.getMethod()) {
              case "DELETE":
                return new MockResponse.Builder().code(204).build();
              case "POST":
                return json(201, "{\"id\":7}");
              default:
                if (path.endsWith("/count")) {
                  return json("{\"count\":3}");
                }
                if (path.endsWith("/system/info")) {
                  return json("{\"version\":\"v2025.1.10431\",\"isCloud\":true}");
                }
                return path.matches(".*/\\d+") ? json("{\"id\":7}") : json("[{\"id\":7},{\"id\":8}]");
            }
          }
        });
    client = Fixtures.builder(server).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void sendsBasicCredentialsOfCompanyPlusPublicKeyAndPrivateKey() throws Exception {
    client.tickets().get(42);

    RecordedRequest request = take(server);
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Basic YWNtZStQdWIxS2V5MkFiYzpQcml2OUtleThYeXo=");
    assertThat(request.getHeaders().values("Authorization")).hasSize(1);
  }

  @Test
  void sendsTheClientIdOnApiRequestsAndOnDiscovery() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getUrl().encodedPath().startsWith("/login/")
                ? Fixtures.companyInfo("v2025_1/")
                : json("{\"id\":1,\"name\":\"Help Desk\"}");
          }
        });
    try (ConnectWiseClient discovering = Fixtures.builder(server).codebase(null).build()) {
      assertThat(discovering.boards().get(1).name()).hasValue("Help Desk");
    }

    RecordedRequest discovery = take(server);
    assertThat(discovery.getUrl().encodedPath()).isEqualTo("/login/companyinfo/acme");
    assertThat(discovery.getHeaders().get("clientId")).isEqualTo(Fixtures.CLIENT_ID);
    assertThat(discovery.getHeaders().get("Authorization")).isNull();
    RecordedRequest api = take(server);
    assertThat(api.getUrl().encodedPath()).isEqualTo("/v2025_1/apis/3.0/service/boards/1");
    assertThat(api.getHeaders().get("clientId")).isEqualTo(Fixtures.CLIENT_ID);
    assertThat(api.getHeaders().get("Authorization")).isEqualTo(Fixtures.AUTHORIZATION);
  }

  @Test
  void acceptsTheVendorTypeWithoutAVersionUnlessOneIsPinned() throws Exception {
    client.boards().get(1);
    try (ConnectWiseClient pinned = Fixtures.builder(server).apiVersion(" 2025.16 ").build()) {
      pinned.boards().get(1);
    }

    assertThat(take(server).getHeaders().get("Accept"))
        .isEqualTo("application/vnd.connectwise.com+json");
    assertThat(take(server).getHeaders().get("Accept"))
        .isEqualTo("application/vnd.connectwise.com+json; version=2025.16");
  }

  @Test
  void userAgentNamesTheLibraryAndTheProductSuffix() throws Exception {
    client.boards().get(1);
    try (ConnectWiseClient product =
        Fixtures.builder(server).userAgentSuffix("acme-backup/7.2").build()) {
      product.boards().get(1);
    }

    String plain = take(server).getHeaders().get("User-Agent");
    String withSuffix = take(server).getHeaders().get("User-Agent");
    assertThat(plain).matches("connectwise-integration-java/\\S+");
    assertThat(withSuffix).isEqualTo(plain + " acme-backup/7.2");
  }

  @Test
  void listSendsPageSizeAndPageAndEncodesTheQuery() throws Exception {
    Query query =
        Query.builder()
            .conditions(Conditions.field("summary").contains("disk \"C:\" 100% full & more"))
            .childConditions(Conditions.field("types/name").eq("Client"))
            .customFieldConditions(Conditions.field("caption").eq("Region"))
            .orderBy("priority/sort", Query.Direction.ASC)
            .orderBy("id", Query.Direction.DESC)
            .fields("id", "summary", "status/name")
            .pageSize(50)
            .build();

    List<Ticket> tickets = client.tickets().list(query).collect(Collectors.toList());

    assertThat(tickets).extracting(t -> t.id().getAsLong()).containsExactly(7L, 8L);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo(API + "/service/tickets");
    assertThat(request.getUrl().queryParameter("conditions"))
        .isEqualTo("summary contains \"disk \\\"C:\\\" 100% full & more\"");
    assertThat(request.getUrl().queryParameter("childConditions")).isEqualTo("types/name = \"Client\"");
    assertThat(request.getUrl().queryParameter("customFieldConditions"))
        .isEqualTo("caption = \"Region\"");
    assertThat(request.getUrl().queryParameter("orderBy")).isEqualTo("priority/sort asc,id desc");
    assertThat(request.getUrl().queryParameter("fields")).isEqualTo("id,summary,status/name");
    assertThat(request.getUrl().queryParameter("pageSize")).isEqualTo("50");
    assertThat(request.getUrl().queryParameter("page")).isEqualTo("1");
    // Spaces, quotes, % and & are percent-encoded so the server reads one parameter each.
    String rawQuery = request.getUrl().encodedQuery();
    assertThat(rawQuery)
        .contains("conditions=summary%20contains%20%22disk%20%5C%22C%3A%5C%22%20100%25%20full%20%26%20more%22");
  }

  @Test
  void patchSendsAnArrayOfOperationsWithAnyJsonValue() throws Exception {
    Map<String, Object> object = Map.of("id", 42, "name", "In Progress");
    Ticket patched =
        client
            .tickets()
            .patch(
                41001,
                PatchOperation.replace("status", Reference.of(42)),
                PatchOperation.replace("summary", "Backup failed on FS01"),
                PatchOperation.replace("board/id", 5),
                PatchOperation.replace("budgetHours", new BigDecimal("1.50")),
                PatchOperation.replace("closedFlag", true),
                PatchOperation.replace("owner", object),
                PatchOperation.replace("contact", NullNode.getInstance()),
                PatchOperation.add("integratorTags", List.of("backup")),
                PatchOperation.remove("team"));

    assertThat(patched.id()).hasValue(7);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getUrl().encodedPath()).isEqualTo(API + "/service/tickets/41001");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(JSON.readTree(request.getBody().utf8()))
        .isEqualTo(
            JSON.readTree(
                "["
                    + "{\"op\":\"replace\",\"path\":\"status\",\"value\":{\"id\":42}},"
                    + "{\"op\":\"replace\",\"path\":\"summary\",\"value\":\"Backup failed on FS01\"},"
                    + "{\"op\":\"replace\",\"path\":\"board/id\",\"value\":5},"
                    + "{\"op\":\"replace\",\"path\":\"budgetHours\",\"value\":1.50},"
                    + "{\"op\":\"replace\",\"path\":\"closedFlag\",\"value\":true},"
                    + "{\"op\":\"replace\",\"path\":\"owner\",\"value\":{\"id\":42,\"name\":\"In Progress\"}},"
                    + "{\"op\":\"replace\",\"path\":\"contact\",\"value\":null},"
                    + "{\"op\":\"add\",\"path\":\"integratorTags\",\"value\":[\"backup\"]},"
                    + "{\"op\":\"remove\",\"path\":\"team\"}"
                    + "]"));
  }

  @Test
  void createSendsTheRecordWithoutAbsentProperties() throws Exception {
    Ticket created =
        client
            .tickets()
            .create(
                Ticket.builder()
                    .summary("Backup failed on FS01")
                    .board(Reference.of(1))
                    .company(Reference.of(250))
                    .externalXRef("cwsync:a:1:1")
                    .build());

    assertThat(created.id()).hasValue(7);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo(API + "/service/tickets");
    assertThat(request.getUrl().encodedQuery()).isNull();
    assertThat(JSON.readTree(request.getBody().utf8()))
        .isEqualTo(
            JSON.readTree(
                "{\"summary\":\"Backup failed on FS01\",\"board\":{\"id\":1},"
                    + "\"company\":{\"id\":250},\"externalXRef\":\"cwsync:a:1:1\"}"));
  }

  @Test
  void systemInfoAndItsAsyncTwinReadSystemInfo() throws Exception {
    SystemInfo info = client.systemInfo();
    SystemInfo async = client.systemInfoAsync().join();

    assertThat(info.version()).hasValue("v2025.1.10431");
    assertThat(async).isEqualTo(info);
    for (int i = 0; i < 2; i++) {
      RecordedRequest request = take(server);
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getUrl().encodedPath()).isEqualTo(API + "/system/info");
    }
  }

  @Test
  void membersFindByIdentifierAsksForOneMatchingMember() throws Exception {
    assertThat(client.members().findByIdentifier(" BackupAPI ")).isPresent();

    RecordedRequest request = take(server);
    assertThat(request.getUrl().encodedPath()).isEqualTo(API + "/system/members");
    assertThat(request.getUrl().queryParameter("conditions")).isEqualTo("identifier = \"BackupAPI\"");
    assertThat(request.getUrl().queryParameter("pageSize")).isEqualTo("1");
  }

  /** Every resource: get, list and count (and their async twins) hit the resource's path. */
  @TestFactory
  Stream<DynamicTest> everyResourceReadsFromItsPath() {
    List<Readable> resources =
        List.of(
            new Readable("members", c -> c.members(), "/system/members"),
            new Readable("callbacks", c -> c.callbacks(), "/system/callbacks"),
            new Readable("boards", c -> c.boards(), "/service/boards"),
            new Readable("boardStatuses", c -> c.boardStatuses(1), "/service/boards/1/statuses"),
            new Readable("boardTeams", c -> c.boardTeams(1), "/service/boards/1/teams"),
            new Readable("boardTypes", c -> c.boardTypes(1), "/service/boards/1/types"),
            new Readable("boardSubTypes", c -> c.boardSubTypes(1), "/service/boards/1/subtypes"),
            new Readable("boardItems", c -> c.boardItems(1), "/service/boards/1/items"),
            new Readable(
                "boardTypeSubTypeItemAssociations",
                c -> c.boardTypeSubTypeItemAssociations(1),
                "/service/boards/1/typeSubTypeItemAssociations"),
            new Readable("priorities", c -> c.priorities(), "/service/priorities"),
            new Readable("tickets", c -> c.tickets(), "/service/tickets"),
            new Readable("ticketNotes", c -> c.ticketNotes(41001), "/service/tickets/41001/notes"),
            new Readable("companies", c -> c.companies(), "/company/companies"),
            new Readable("companyStatuses", c -> c.companyStatuses(), "/company/companies/statuses"),
            new Readable("agreements", c -> c.agreements(), "/finance/agreements"),
            new Readable(
                "agreementAdditions", c -> c.agreementAdditions(10), "/finance/agreements/10/additions"),
            new Readable("catalogItems", c -> c.catalogItems(), "/procurement/catalog"));
    return resources.stream()
        .map(resource -> dynamicTest(resource.name, () -> assertReads(resource)));
  }

  private void assertReads(Readable readable) throws Exception {
    ReadOnlyResource<?> resource = readable.resource.apply(client);
    assertThat(resource.path()).isEqualTo(readable.path);

    assertThat(idOf(resource.get(7))).isEqualTo(7);
    assertThat(idOf(resource.getAsync(7).join())).isEqualTo(7);
    assertThat(resource.list().map(this::idOf).collect(Collectors.toList())).containsExactly(7L, 8L);
    assertThat(resource.count()).isEqualTo(3);
    assertThat(resource.count(Conditions.field("id").gt(5))).isEqualTo(3);
    assertThat(resource.countAsync(Conditions.field("id").gt(5)).join()).isEqualTo(3);

    String base = API + readable.path;
    assertRequest("GET", base + "/7", null);
    assertRequest("GET", base + "/7", null);
    assertRequest("GET", base + "?pageSize=1000&page=1", null);
    assertRequest("GET", base + "/count", null);
    assertRequest("GET", base + "/count?conditions=id%20%3E%205", null);
    assertRequest("GET", base + "/count?conditions=id%20%3E%205", null);
  }

  /** Every writable resource: create, update, patch and delete (and async twins). */
  @TestFactory
  Stream<DynamicTest> everyWritableResourceWritesToItsPath() {
    List<Writable<?>> resources =
        List.of(
            new Writable<>(
                "tickets",
                ConnectWiseClient::tickets,
                "/service/tickets",
                Ticket.builder().summary("Disk full").company(Reference.of(250)).build(),
                "{\"summary\":\"Disk full\",\"company\":{\"id\":250}}"),
            new Writable<>(
                "ticketNotes",
                c -> c.ticketNotes(41001),
                "/service/tickets/41001/notes",
                TicketNote.builder().text("Retried").detailDescriptionFlag(true).build(),
                "{\"text\":\"Retried\",\"detailDescriptionFlag\":true}"),
            new Writable<>(
                "companies",
                ConnectWiseClient::companies,
                "/company/companies",
                Company.builder().identifier("Acme").name("Acme Ltd").city("Leeds").build(),
                "{\"identifier\":\"Acme\",\"name\":\"Acme Ltd\",\"city\":\"Leeds\"}"),
            new Writable<>(
                "agreementAdditions",
                c -> c.agreementAdditions(10),
                "/finance/agreements/10/additions",
                AgreementAddition.builder()
                    .product(Reference.of(3))
                    .quantity(new BigDecimal("12.5"))
                    .build(),
                "{\"product\":{\"id\":3},\"quantity\":12.5}"),
            new Writable<>(
                "callbacks",
                ConnectWiseClient::callbacks,
                "/system/callbacks",
                Callback.builder()
                    .url("https://hooks.example.com/cw")
                    .type("ticket")
                    .level("owner")
                    .objectId(1)
                    .build(),
                "{\"url\":\"https://hooks.example.com/cw\",\"type\":\"ticket\",\"level\":\"owner\","
                    + "\"objectId\":1}"));
    return resources.stream().map(resource -> dynamicTest(resource.name, () -> assertWrites(resource)));
  }

  private <T> void assertWrites(Writable<T> writable) throws Exception {
    CrudResource<T> resource = writable.resource.apply(client);
    List<PatchOperation> operations = List.of(PatchOperation.replace("description", "x"));

    assertThat(idOf(resource.create(writable.sample))).isEqualTo(7);
    assertThat(idOf(resource.createAsync(writable.sample).join())).isEqualTo(7);
    assertThat(idOf(resource.update(7, writable.sample))).isEqualTo(7);
    assertThat(idOf(resource.patch(7, operations))).isEqualTo(7);
    assertThat(idOf(resource.patchAsync(7, operations).join())).isEqualTo(7);
    resource.delete(7);
    assertThat(resource.deleteAsync(7).join()).isNull();

    String base = API + writable.path;
    String patch = "[{\"op\":\"replace\",\"path\":\"description\",\"value\":\"x\"}]";
    assertRequest("POST", base, writable.body);
    assertRequest("POST", base, writable.body);
    assertRequest("PUT", base + "/7", writable.body);
    assertRequest("PATCH", base + "/7", patch);
    assertRequest("PATCH", base + "/7", patch);
    assertRequest("DELETE", base + "/7", null);
    assertRequest("DELETE", base + "/7", null);
  }

  private void assertRequest(String method, String target, String body) throws Exception {
    RecordedRequest request = take(server);
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo(method + " " + target);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(Fixtures.AUTHORIZATION);
    assertThat(request.getHeaders().get("clientId")).isEqualTo(Fixtures.CLIENT_ID);
    if (body == null) {
      assertThat(request.getBodySize()).isZero();
    } else {
      assertThat(request.getHeaders().get("Content-Type"))
          .isEqualTo("application/json; charset=utf-8");
      assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree(body));
    }
  }

  private long idOf(Object record) {
    JsonNode tree = client.objectMapper().valueToTree(record);
    return tree.path("id").asLong();
  }

  private static final class Readable {
    final String name;
    final Function<ConnectWiseClient, ReadOnlyResource<?>> resource;
    final String path;

    Readable(String name, Function<ConnectWiseClient, ReadOnlyResource<?>> resource, String path) {
      this.name = name;
      this.resource = resource;
      this.path = path;
    }
  }

  private static final class Writable<T> {
    final String name;
    final Function<ConnectWiseClient, CrudResource<T>> resource;
    final String path;
    final T sample;
    final String body;

    Writable(
        String name,
        Function<ConnectWiseClient, CrudResource<T>> resource,
        String path,
        T sample,
        String body) {
      this.name = name;
      this.resource = resource;
      this.path = path;
      this.sample = sample;
      this.body = body;
    }
  }
}
