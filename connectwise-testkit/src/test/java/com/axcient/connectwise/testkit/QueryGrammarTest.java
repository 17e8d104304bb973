package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryGrammarTest {

  private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
  private static final MutableClock CLOCK = new MutableClock(START);
  private static ConnectWiseSimulator cw;
  private static RawHttp http;
  private static long quoted;
  private static long later;

  @BeforeAll
  static void start() {
    cw = ConnectWiseSimulator.builder().clock(CLOCK).build().start();
    http = new RawHttp(cw);
    quoted = ticket("Say \"hi\" \\ now", "cwsync:1:alert-7:1").path("id").asLong();
    CLOCK.advance(Duration.ofHours(2));
    ObjectNode body = RawHttp.MAPPER.createObjectNode();
    body.put("summary", "Region ticket");
    body.putObject("company").put("identifier", "ContosoLegal");
    ObjectNode field = body.putArray("customFields").addObject();
    field.put("id", 7);
    field.put("caption", "Region");
    field.put("type", "Text");
    field.put("entryMethod", "EntryField");
    field.put("numberOfDecimals", 0);
    field.put("value", "EU");
    later = cw.data().create("/service/tickets", body).path("id").asLong();
  }

  @AfterAll
  static void stop() {
    cw.close();
  }

  private static ObjectNode ticket(String summary, String externalXRef) {
    ObjectNode body = RawHttp.MAPPER.createObjectNode();
    body.put("summary", summary);
    body.put("externalXRef", externalXRef);
    body.putObject("company").put("identifier", "AcmeDental");
    return cw.data().create("/service/tickets", body);
  }

  private static List<Long> ids(String conditions) {
    RawHttp.Reply reply = http.get("/service/tickets?pageSize=1000&conditions=" + RawHttp.encode(conditions));
    assertThat(reply.status).as(conditions + " -> " + reply.body).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    reply.json().forEach(t -> ids.add(t.path("id").asLong()));
    return ids;
  }

  @Test
  void stringEqualityIgnoresCase() {
    assertThat(ids("summary = \"backup FAILED on acme-fs01\"")).containsExactly(41001L);
  }

  @Test
  void comparisonOperatorsWorkOnNumbers() {
    assertThat(ids("id < 41002")).containsExactly(41001L);
    assertThat(ids("id <= 41002")).containsExactly(41001L, 41002L);
    assertThat(ids("id > 41003 and id >= 41004")).containsExactly(quoted, later);
    assertThat(ids("id != 41001 and id < 41004")).containsExactly(41002L, 41003L);
  }

  @Test
  void containsAndLikeMatchSubstringsAndWildcards() {
    assertThat(ids("summary contains \"PRINTER\"")).containsExactly(41002L);
    assertThat(ids("summary like \"%fs01\"")).containsExactly(41001L);
    assertThat(ids("summary like \"Backup_failed%\"")).containsExactly(41001L);
    assertThat(ids("summary not like \"%o%\"")).isEmpty();
    assertThat(ids("not summary contains \"O\"")).isEmpty();
  }

  @Test
  void inListsMatchAnyValueAndNotInExcludesThem() {
    assertThat(ids("id in (41001, 41003)")).containsExactly(41001L, 41003L);
    assertThat(ids("id not in (41001, 41003) and id < 41004")).containsExactly(41002L);
    assertThat(ids("company/identifier in (\"contosolegal\")")).containsExactly(41002L, later);
  }

  @Test
  void andOrInAnyCaseWithParenthesesAndPrecedence() {
    assertThat(ids("id = 41001 OR id = 41002 And id = 41003")).containsExactly(41001L);
    assertThat(ids("(id = 41001 or id = 41002) AND closedFlag = false")).containsExactly(41001L, 41002L);
    assertThat(ids("not (id = 41001 or id >= 41003)")).containsExactly(41002L);
  }

  @Test
  void nestedPathsReachIntoReferences() {
    assertThat(ids("board/name = \"Help Desk\" and company/identifier = \"AcmeDental\" and status/name = \"New\""))
        .containsExactly(41001L, quoted);
    assertThat(ids("priority/level = \"Medium\" and owner/identifier = \"jsmith\"")).containsExactly(41002L);
  }

  @Test
  void quotedStringsHonourBackslashEscapes() {
    assertThat(ids("summary = \"Say \\\"hi\\\" \\\\ now\"")).containsExactly(quoted);
    assertThat(ids("externalXRef = \"cwsync:1:alert-7:1\"")).containsExactly(quoted);
    assertThat(ids("summary = 'Printer offline in reception'")).containsExactly(41002L);
  }

  @Test
  void datesInBracketsCompareAsInstants() {
    assertThat(ids("_info/lastUpdated > [2025-03-01T13:00:00Z]")).containsExactly(later);
    assertThat(ids("_info/dateEntered >= [2025-03-01T12:00:00Z] and _info/dateEntered < [2025-03-01T13:00:00Z]"))
        .containsExactly(quoted);
    assertThat(ids("closedDate < [2030-01-01T00:00:00Z]")).containsExactly(41003L);
  }

  @Test
  void booleansAndNullAreBareWords() {
    assertThat(ids("closedFlag = TRUE")).containsExactly(41003L);
    assertThat(ids("closedFlag = false and owner = null and externalXRef != null")).containsExactly(quoted);
  }

  @Test
  void aComparisonWithAMissingValueIsUnknownAsInSql() {
    assertThat(ids("externalXRef != \"x\"")).containsExactly(quoted);
    assertThat(ids("not (externalXRef = \"x\")")).containsExactly(quoted);
  }

  @Test
  void childConditionsMatchArrayElements() {
    RawHttp.Reply reply = http.get("/company/companies?childConditions=" + RawHttp.encode("types/name = \"Client\""));

    assertThat(reply.json()).hasSize(6);
  }

  @Test
  void customFieldConditionsMatchOneCustomField() {
    RawHttp.Reply reply = http.get("/service/tickets?customFieldConditions="
        + RawHttp.encode("caption = \"Region\" AND value = \"EU\""));

    assertThat(reply.json()).hasSize(1);
    assertThat(reply.json().get(0).path("id").asLong()).isEqualTo(later);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "summary =", "summary = \"open", "= 5", "summary = bare", "id = 5 and", "(id = 5", "id = 5)",
      "id == 5", "id ! 5", "summary like 5", "closedFlag > true", "id = \"5\"", "summary = 5",
      "board = 5", "nosuchfield = 1", "board/nosuch = 1", "_info/lastUpdated > [yesterday]",
      "id in 5", "id in (5", "id = 5 or or id = 6", "id <> 5", "summary = \"x\" garbage", "&",
      "_info/x/y = \"z\"", "summary/name = \"x\"", "id = 1.2.3", "id in ()"
  })
  void malformedConditionsGetConnectWisesBadRequest(String conditions) {
    RawHttp.Reply reply = http.get("/service/tickets?conditions=" + RawHttp.encode(conditions));

    assertThat(reply.status).as(conditions).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("InvalidObject");
    assertThat(reply.json().path("message").asText()).startsWith("conditions is invalid");
  }

  @Test
  void randomConditionTextNeverCrashesTheSimulator() {
    Random random = new Random(42);
    String alphabet = "abc id summary = != < > ( ) \" ' \\ [ ] , % _ and or not like in contains 0 1 - . / null true";
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      RawHttp.Reply reply = http.get("/service/tickets?conditions=" + RawHttp.encode(text.toString()));
      assertThat(reply.status).as(text.toString()).isIn(200, 400);
    }
  }

  @Test
  void orderBySortsOnSeveralFieldsEitherWay() {
    RawHttp.Reply reply = http.get("/service/tickets?orderBy=" + RawHttp.encode("closedFlag desc, summary asc"));

    List<Long> order = new ArrayList<>();
    reply.json().forEach(t -> order.add(t.path("id").asLong()));
    assertThat(order).containsExactly(41003L, 41001L, 41002L, later, quoted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary sideways", "nosuch asc", "summary asc desc", ","})
  void aBadOrderByIsABadRequest(String orderBy) {
    assertThat(http.get("/service/tickets?orderBy=" + RawHttp.encode(orderBy)).status).isEqualTo(400);
  }

  @Test
  void fieldsLimitTheReturnedProperties() {
    RawHttp.Reply reply = http.get("/service/tickets/41001?fields=" + RawHttp.encode("id,summary,board/name"));
    JsonNode list = http.get("/service/tickets?fields=id,_info/lastUpdated").json();

    assertThat(reply.json().toString())
        .isEqualTo("{\"id\":41001,\"summary\":\"Backup failed on ACME-FS01\",\"board\":{\"name\":\"Help Desk\"}}");
    assertThat(list.get(0).fieldNames()).toIterable().containsExactly("id", "_info");
    assertThat(list.get(0).path("_info").fieldNames()).toIterable().containsExactly("lastUpdated");
  }

  @Test
  void fieldsOfOnlySlashesNameNoFieldAndAreIgnored() {
    RawHttp.Reply list = http.get("/service/tickets?fields=" + RawHttp.encode("/"));
    RawHttp.Reply one = http.get("/service/tickets/41001?fields=" + RawHttp.encode("id,//"));

    assertThat(list.status).as(list.body).isEqualTo(200);
    assertThat(one.status).as(one.body).isEqualTo(200);
    assertThat(one.json().toString()).isEqualTo("{\"id\":41001}");
  }

  @Test
  void countTakesTheSameConditions() {
    RawHttp.Reply reply = http.get("/service/tickets/count?conditions=" + RawHttp.encode("closedFlag = false"));

    assertThat(reply.json().path("count").asInt()).isEqualTo(4);
  }
}
