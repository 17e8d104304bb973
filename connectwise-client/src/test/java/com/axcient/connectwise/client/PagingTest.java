package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Fixtures.API;
import static com.axcient.connectwise.client.Fixtures.json;
import static com.axcient.connectwise.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.axcient.connectwise.client.model.Ticket;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists are lazy streams that follow ConnectWise's {@code Link} headers. */
class PagingTest {

  @StartStop private final MockWebServer server = Fixtures.server();

  private ConnectWiseClient client;

  @BeforeEach
  void buildClient() {
    client = Fixtures.builder(server).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static String records(long... ids) {
    return LongStream.of(ids)
        .mapToObj(id -> "{\"id\":" + id + ",\"summary\":\"t" + id + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private String link(String query, String rel) {
    return "<" + server.url(API + "/service/tickets?" + query) + ">; rel=\"" + rel + "\"";
  }

  private static MockResponse page(String body, String link) {
    MockResponse.Builder response = json(body).newBuilder();
    if (link != null) {
      response.setHeader("Link", link);
    }
    return response.build();
  }

  @Test
  void followsNextLinksOnlyWhenTheStreamNeedsThem() throws Exception {
    server.enqueue(
        page(
            records(1, 2),
            link("pageSize=2&page=2", "next") + ", " + link("pageSize=2&page=3", "last")));
    server.enqueue(
        page(
            records(3, 4),
            link("pageSize=2&page=1", "first")
                + ", "
                + link("pageSize=2&page=1", "prev")
                + ", "
                + link("pageSize=2&page=3", "next")));
    server.enqueue(page(records(5), link("pageSize=2&page=2", "prev")));

    Iterator<Ticket> tickets = client.tickets().list(Query.builder().pageSize(2).build()).iterator();
    assertThat(server.getRequestCount()).isZero();

    assertThat(tickets.next().id()).hasValue(1);
    assertThat(tickets.next().id()).hasValue(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(tickets.next().id()).hasValue(3);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(tickets.next().id()).hasValue(4);
    assertThat(tickets.next().id()).hasValue(5);
    assertThat(tickets.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(3);

    assertThat(take(server).getTarget()).isEqualTo(API + "/service/tickets?pageSize=2&page=1");
    RecordedRequest second = take(server);
    assertThat(second.getTarget()).isEqualTo(API + "/service/tickets?pageSize=2&page=2");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo(Fixtures.AUTHORIZATION);
    assertThat(second.getHeaders().get("clientId")).isEqualTo(Fixtures.CLIENT_ID);
    assertThat(take(server).getTarget()).isEqualTo(API + "/service/tickets?pageSize=2&page=3");
  }

  @Test
  void aShortStreamStopsFetching() {
    server.enqueue(page(records(1, 2), link("pageSize=2&page=2", "next")));
    server.enqueue(page(records(3, 4), link("pageSize=2&page=3", "next")));

    List<Long> first =
        client.tickets().list(Query.builder().pageSize(2).build())
            .limit(3)
            .map(t -> t.id().getAsLong())
            .collect(Collectors.toList());

    assertThat(first).containsExactly(1L, 2L, 3L);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theLastPageIsTheOneWithoutNextLink() {
    server.enqueue(page(records(1, 2), link("pageSize=2&page=2", "next")));
    server.enqueue(page(records(3, 4), link("pageSize=2&page=1", "first")));

    assertThat(client.tickets().list(Query.builder().pageSize(2).build()).count()).isEqualTo(4);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anEmptyListIsOneRequest() throws Exception {
    server.enqueue(json("[]"));

    assertThat(client.tickets().list().collect(Collectors.toList())).isEmpty();
    assertThat(take(server).getTarget()).isEqualTo(API + "/service/tickets?pageSize=1000&page=1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pageSizesAbove1000AreLoweredWithAWarning() throws Exception {
    server.enqueue(json(records(1)));

    try (LogCapture logs = LogCapture.of("com.axcient.connectwise", Level.INFO)) {
      assertThat(client.tickets().list(Query.builder().pageSize(5000).build()).count()).isEqualTo(1);

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "Page size 5000 lowered to 1000 for /service/tickets: ConnectWise never returns more"
                  + " per page");
    }
    assertThat(take(server).getUrl().queryParameter("pageSize")).isEqualTo("1000");
  }

  @Test
  void forwardOnlyPagingSendsItsHeaderAndFollowsPageIdLinks() throws Exception {
    server.enqueue(page(records(1, 2), link("pageSize=2&pageId=2", "next")));
    server.enqueue(page(records(3), null));

    List<Long> ids =
        client.tickets()
            .list(
                Query.builder()
                    .conditions(Conditions.field("closedFlag").eq(false))
                    .pageSize(2)
                    .forwardOnly(true)
                    .build())
            .map(t -> t.id().getAsLong())
            .collect(Collectors.toList());

    assertThat(ids).containsExactly(1L, 2L, 3L);
    RecordedRequest first = take(server);
    assertThat(first.getHeaders().get("pagination-type")).isEqualTo("forward-only");
    assertThat(first.getUrl().queryParameter("page")).isNull();
    assertThat(first.getUrl().queryParameter("pageSize")).isEqualTo("2");
    assertThat(first.getUrl().queryParameter("conditions")).isEqualTo("closedFlag = false");
    RecordedRequest second = take(server);
    assertThat(second.getHeaders().get("pagination-type")).isEqualTo("forward-only");
    assertThat(second.getTarget()).isEqualTo(API + "/service/tickets?pageSize=2&pageId=2");
  }

  @Test
  void forwardOnlyFailsClearlyWhereTheEndpointIgnoresIt() {
    server.enqueue(json(records(1, 2)));

    Iterator<Ticket> tickets =
        client.tickets().list(Query.builder().pageSize(2).forwardOnly(true).build()).iterator();

    assertThatThrownBy(tickets::hasNext)
        .isInstanceOf(ConnectWiseException.class)
        .hasMessageContaining("probably does not support forward-only paging")
        .hasMessageContaining("without forwardOnly");
  }

  @Test
  void withoutLinkHeaderAFullPageIsFollowedByTheNextPageNumber() throws Exception {
    server.enqueue(json(records(1, 2)));
    server.enqueue(json(records(3, 4)));
    server.enqueue(json(records(5)));

    List<Long> ids =
        client.tickets().list(Query.builder().pageSize(2).build())
            .map(t -> t.id().getAsLong())
            .collect(Collectors.toList());

    assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(take(server).getUrl().queryParameter("page")).isEqualTo("1");
    assertThat(take(server).getUrl().queryParameter("page")).isEqualTo("2");
    assertThat(take(server).getUrl().queryParameter("page")).isEqualTo("3");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aNextLinkToAnotherHostIsRefused() {
    server.enqueue(
        page(
            records(1, 2),
            "<https://evil.example.com" + API + "/service/tickets?page=2>; rel=\"next\""));

    Iterator<Ticket> tickets = client.tickets().list(Query.builder().pageSize(2).build()).iterator();

    assertThatThrownBy(tickets::hasNext)
        .isInstanceOfSatisfying(
            InvalidResponseException.class,
            e -> {
              assertThat(e.getMessage()).contains("outside the configured site");
              assertThat(e.path()).isEqualTo("/service/tickets");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anErrorOnALaterPageIsThrownWithItsType() {
    server.enqueue(page(records(1, 2), link("pageSize=2&page=2", "next")));
    server.enqueue(
        json(403, "{\"code\":\"Forbidden\",\"message\":\"You do not have access.\"}")
            .newBuilder()
            .setHeader("x-cw-request-id", "page-2")
            .build());

    Iterator<Ticket> tickets = client.tickets().list(Query.builder().pageSize(2).build()).iterator();

    assertThat(tickets.next().id()).hasValue(1);
    assertThat(tickets.next().id()).hasValue(2);
    assertThatThrownBy(tickets::next)
        .isInstanceOfSatisfying(
            PermissionException.class,
            e -> {
              assertThat(e.status()).hasValue(403);
              assertThat(e.requestId()).hasValue("page-2");
              assertThat(e.path()).isEqualTo("/service/tickets");
            });
  }
  @Test
  void aNextLinkBackToTheSamePageIsRefusedAfterItsRecords() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(page(records(1, 2), link("pageSize=2&page=1", "next")));
    }

    Iterator<Ticket> tickets = client.tickets().list(Query.builder().pageSize(2).build()).iterator();

    assertThat(tickets.next().id()).hasValue(1);
    assertThat(tickets.next().id()).hasValue(2);
    assertThatThrownBy(tickets::hasNext)
        .isInstanceOfSatisfying(
            InvalidResponseException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("next-page link for /service/tickets repeats a page");
              assertThat(e.path()).isEqualTo("/service/tickets");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aNextLinkBackToAnEarlierPageIsRefused() {
    // Page 2 points back to page 1, naming its parameters in another order.
    server.enqueue(page(records(1, 2), link("pageSize=2&page=2", "next")));
    server.enqueue(page(records(3, 4), link("page=1&pageSize=2", "next")));
    server.enqueue(page(records(1, 2), link("pageSize=2&page=2", "next")));

    assertThatThrownBy(
            () -> client.tickets().list(Query.builder().pageSize(2).build()).count())
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("repeats a page");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLongListOfDistinctPagesIsReadToTheEnd() {
    for (int p = 1; p <= 100; p++) {
      long[] ids = LongStream.rangeClosed((p - 1) * 10L + 1, p * 10L).toArray();
      server.enqueue(page(records(ids), link("pageSize=10&page=" + (p < 100 ? p + 1 : 99), p < 100 ? "next" : "prev")));
    }

    assertThat(client.tickets().list(Query.builder().pageSize(10).build()).distinct().count())
        .isEqualTo(1000);
    assertThat(server.getRequestCount()).isEqualTo(100);
  }
}
