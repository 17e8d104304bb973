package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.model.ManageSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Every GET path the client calls exists in ConnectWise's official OpenAPI document, so a typo
 * in a path cannot ship. The paths are collected by calling every read operation of every
 * resource against a MockWebServer.
 */
class GetPathConformanceTest {

  /**
   * Paths the client needs that the schema copy (the GET subset of 2026.4) lacks; each is
   * documented in ConnectWise's full 2025 REST API documents.
   */
  private static final List<String> NOT_IN_SCHEMA_COPY =
      List.of(
          // GET /system/info: server version and hosting, in GO25's endpoint table.
          "/system/info",
          // /system/callbacks and its /count and /{id}: CallbackEntry CRUD, in GO25.
          "/system/callbacks",
          // Valid type/subtype/item combinations of a board, in GO25.
          "/service/boards/{}/typeSubTypeItemAssociations");

  @StartStop private final MockWebServer server = Fixtures.server();

  @Test
  void everyGetPathTheClientCallsIsInTheOfficialSchema() {
    Set<String> called = collectGetPaths();
    Set<String> official = new TreeSet<>();
    for (Iterator<String> paths = ManageSchema.paths().fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      if (ManageSchema.paths().path(path).has("get")) {
        official.add(template(path));
      }
    }

    List<String> missing = new ArrayList<>();
    for (String path : called) {
      if (!official.contains(path) && !listedAsMissing(path)) {
        missing.add(path);
      }
    }
    assertThat(called).hasSizeGreaterThan(40);
    assertThat(missing).isEmpty();
    // The exceptions stay honest: each is really absent from the schema copy, and really called.
    for (String exception : NOT_IN_SCHEMA_COPY) {
      assertThat(official).noneMatch(path -> path.startsWith(exception));
      assertThat(called).anyMatch(path -> path.startsWith(exception));
    }
  }

  private static boolean listedAsMissing(String path) {
    return NOT_IN_SCHEMA_COPY.stream()
        .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
  }

  /** A path with every id or parameter segment replaced by {@code {}}. */
  private static String template(String path) {
    return path.replaceAll("/(\\d+|\\{[^/]*\\})(?=/|$)", "/{}");
  }

  private Set<String> collectGetPaths() {
    Set<String> paths = new ConcurrentSkipListSet<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (request.getMethod().equals("GET")) {
              paths.add(template(path.substring(Fixtures.API.length())));
            }
            if (path.endsWith("/count")) {
              return json("{\"count\":0}");
            }
            return path.matches(".*/\\d+") || path.endsWith("/info") ? json("{\"id\":1}") : json("[]");
          }
        });
    try (ConnectWiseClient client = Fixtures.builder(server).build()) {
      client.systemInfo();
      client.members().findByIdentifier("BackupAPI");
      List<ReadOnlyResource<?>> resources =
          List.of(
              client.members(),
              client.callbacks(),
              client.boards(),
              client.boardStatuses(1),
              client.boardTeams(1),
              client.boardTypes(1),
              client.boardSubTypes(1),
              client.boardItems(1),
              client.boardTypeSubTypeItemAssociations(1),
              client.priorities(),
              client.tickets(),
              client.ticketNotes(1),
              client.companies(),
              client.companyStatuses(),
              client.agreements(),
              client.agreementAdditions(1),
              client.catalogItems());
      Consumer<ReadOnlyResource<?>> readAll =
          resource -> {
            resource.get(1);
            resource.list().count();
            resource.count();
          };
      resources.forEach(readAll);
    }
    return paths;
  }
}
