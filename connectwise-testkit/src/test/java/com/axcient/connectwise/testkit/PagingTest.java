package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");
  private static final int EXTRA_TICKETS = 1_100;
  private static ConnectWiseSimulator cw;
  private static RawHttp http;
  private static int total;

  @BeforeAll
  static void start() {
    cw = ConnectWiseSimulator.builder().build().start();
    http = new RawHttp(cw);
    for (int i = 0; i < EXTRA_TICKETS; i++) {
      ObjectNode body = RawHttp.MAPPER.createObjectNode();
      body.put("summary", "Paged ticket " + i);
      body.putObject("company").put("id", 251);
      cw.data().create("/service/tickets", body);
    }
    total = EXTRA_TICKETS + 3;
  }

  @AfterAll
  static void stop() {
    cw.close();
  }

  private static Map<String, String> links(RawHttp.Reply reply) {
    Map<String, String> links = new LinkedHashMap<>();
    String header = reply.header("Link");
    if (header != null) {
      Matcher matcher = LINK.matcher(header);
      while (matcher.find()) {
        links.put(matcher.group(2), matcher.group(1));
      }
    }
    return links;
  }

  private static RawHttp.Reply follow(RawHttp client, String url) {
    return client.sendTo("GET", URI.create(url), null, Duration.ofSeconds(10));
  }

  @Test
  void pagesHold25RecordsUnlessToldOtherwise() {
    RawHttp.Reply first = http.get("/service/tickets");

    assertThat(first.json()).hasSize(25);
    assertThat(links(first)).containsOnlyKeys("next", "last");
    assertThat(links(first).get("next")).endsWith("/service/tickets?pageSize=25&page=2");
    assertThat(links(first).get("last")).endsWith("page=" + ((total + 24) / 25));
  }

  @Test
  void pageSizeIsCappedAt1000() {
    RawHttp.Reply reply = http.get("/service/tickets?pageSize=5000");

    assertThat(reply.json()).hasSize(1000);
    assertThat(links(reply).get("next")).contains("pageSize=1000").contains("page=2");
  }

  @Test
  void laterPagesLinkToFirstPrevNextAndLast() {
    RawHttp.Reply middle = http.get("/service/tickets?pageSize=100&page=3");
    RawHttp.Reply last = http.get("/service/tickets?pageSize=100&page=12");

    assertThat(links(middle)).containsOnlyKeys("first", "prev", "next", "last");
    assertThat(links(middle).get("prev")).contains("page=2");
    assertThat(links(middle).get("first")).contains("page=1");
    assertThat(last.json()).hasSize(total - 1100);
    assertThat(links(last)).containsOnlyKeys("first", "prev");
  }

  @Test
  void followingNextVisitsEveryRecordOnceAndKeepsTheQuery() {
    String conditions = RawHttp.encode("summary like \"Paged%\"");
    RawHttp.Reply reply = http.get("/service/tickets?conditions=" + conditions + "&pageSize=300&orderBy=id%20desc");
    List<Long> seen = new ArrayList<>();
    while (true) {
      reply.json().forEach(t -> seen.add(t.path("id").asLong()));
      String next = links(reply).get("next");
      if (next == null) {
        break;
      }
      assertThat(next).contains("conditions=").contains("orderBy=");
      reply = follow(http, next);
    }
    assertThat(seen).hasSize(EXTRA_TICKETS).doesNotHaveDuplicates();
    assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void aListThatFitsOnOnePageHasNoLinkHeader() {
    RawHttp.Reply reply = http.get("/service/priorities");

    assertThat(reply.json()).hasSize(4);
    assertThat(reply.header("Link")).isNull();
  }

  @Test
  void aPageBeyondTheEndIsEmpty() {
    RawHttp.Reply reply = http.get("/service/tickets?pageSize=1000&page=9");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json()).isEmpty();
  }

  @Test
  void forwardOnlyPagingMovesByIdWithPageId() {
    RawHttp forward = http.with("pagination-type", "forward-only");
    RawHttp.Reply reply = forward.get("/service/tickets?pageSize=400");
    List<Long> seen = new ArrayList<>();
    int pages = 0;
    while (true) {
      pages++;
      reply.json().forEach(t -> seen.add(t.path("id").asLong()));
      Map<String, String> links = links(reply);
      if (!links.containsKey("next")) {
        assertThat(links).isEmpty();
        break;
      }
      assertThat(links).containsOnlyKeys("next");
      JsonNode page = reply.json();
      assertThat(links.get("next")).contains("pageId=" + page.get(page.size() - 1).path("id").asLong())
          .doesNotContain("page=");
      reply = follow(forward, links.get("next"));
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(total).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void forwardOnlyRefusesAnotherOrder() {
    RawHttp.Reply reply = http.with("pagination-type", "forward-only").get("/service/tickets?orderBy=summary");

    assertThat(reply.status).isEqualTo(400);
  }

  @Test
  void aNonNumericPageIsABadRequest() {
    assertThat(http.get("/service/tickets?page=two").status).isEqualTo(400);
  }

  @Test
  void countCountsEveryMatchIgnoringPaging() {
    assertThat(http.get("/service/tickets/count?pageSize=5").json().path("count").asInt()).isEqualTo(total);
  }
}
