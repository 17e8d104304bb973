package com.axcient.connectwise.client;

import static com.axcient.connectwise.client.Conditions.field;
import static com.axcient.connectwise.client.Fixtures.json;
import static com.axcient.connectwise.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditions render so that no value can change their meaning, and arrive intact. */
class ConditionsTest {

  @StartStop private final MockWebServer server = Fixtures.server();

  static Stream<Arguments> renderings() {
    Instant instant = Instant.parse("2026-01-02T03:04:05.678Z");
    return Stream.of(
        Arguments.of(field("board/id").eq(5), "board/id = 5"),
        Arguments.of(field("summary").eq("Disk full"), "summary = \"Disk full\""),
        Arguments.of(field("status/name").ne("Closed"), "status/name != \"Closed\""),
        Arguments.of(field("priority/sort").lt(3), "priority/sort < 3"),
        Arguments.of(field("priority/sort").le(3L), "priority/sort <= 3"),
        Arguments.of(field("budgetHours").gt(new BigDecimal("1.50")), "budgetHours > 1.50"),
        Arguments.of(field("budgetHours").ge(2.5), "budgetHours >= 2.5"),
        Arguments.of(field("summary").contains("backup"), "summary contains \"backup\""),
        Arguments.of(field("contact/name").like("Fred%"), "contact/name like \"Fred%\""),
        Arguments.of(field("summary").notLike("%test%"), "summary not like \"%test%\""),
        Arguments.of(field("id").in(1, 2, 3), "id in (1, 2, 3)"),
        Arguments.of(field("identifier").in(List.of("A", "B\"")), "identifier in (\"A\", \"B\\\"\")"),
        Arguments.of(field("id").notIn(List.of(4L, 5L)), "id not in (4, 5)"),
        Arguments.of(field("parentTicketId").isNull(), "parentTicketId = null"),
        Arguments.of(field("closedDate").isNotNull(), "closedDate != null"),
        Arguments.of(field("closedFlag").eq(false), "closedFlag = false"),
        Arguments.of(field("inactiveFlag").eq(Boolean.TRUE), "inactiveFlag = true"),
        Arguments.of(field("_info/lastUpdated").gt(instant), "_info/lastUpdated > [2026-01-02T03:04:05Z]"),
        Arguments.of(
            field("dateEntered").ge(OffsetDateTime.of(2026, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2))),
            "dateEntered >= [2026-01-02T03:04:05Z]"),
        Arguments.of(
            field("dateEntered").lt(ZonedDateTime.of(2026, 1, 1, 22, 4, 5, 0, ZoneId.of("America/New_York"))),
            "dateEntered < [2026-01-02T03:04:05Z]"),
        Arguments.of(
            field("board/id").eq(5).and(field("closedFlag").eq(false)),
            "board/id = 5 and closedFlag = false"),
        Arguments.of(
            field("a").eq(1).or(field("b").eq(2)).or(field("c").eq(3)), "a = 1 or b = 2 or c = 3"),
        Arguments.of(
            field("board/id").eq(5).and(field("a").eq(1).or(field("b").eq(2))),
            "board/id = 5 and (a = 1 or b = 2)"),
        Arguments.of(
            field("a").eq(1).and(field("b").eq(2)).or(field("c").eq(3)),
            "(a = 1 and b = 2) or c = 3"),
        Arguments.of(
            Conditions.allOf(field("a").eq(1), field("b").eq(2), field("c").eq(3)),
            "a = 1 and b = 2 and c = 3"),
        Arguments.of(
            Conditions.anyOf(field("a").eq(1), Conditions.allOf(field("b").eq(2), field("c").eq(3))),
            "a = 1 or (b = 2 and c = 3)"),
        Arguments.of(
            field("board/id").eq(5).and(Conditions.raw("summary contains \"x\" or id = 1")),
            "board/id = 5 and (summary contains \"x\" or id = 1)"),
        Arguments.of(Conditions.raw("id = 1"), "id = 1"),
        Arguments.of(
            field("summary").eq("say \"hi\" \\ bye"), "summary = \"say \\\"hi\\\" \\\\ bye\""),
        Arguments.of(field("summary").eq("\\\""), "summary = \"\\\\\\\"\""),
        Arguments.of(field("summary").eq(""), "summary = \"\""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("renderings")
  void rendersConnectWiseSyntax(Conditions conditions, String expected) {
    assertThat(conditions.render()).isEqualTo(expected);
    assertThat(conditions.toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\nbreak", "tab\there", "nul\u0000", "del\u007f", "c1\u0085"})
  void refusesControlCharactersNamingTheFix(String value) {
    assertThatThrownBy(() -> field("summary").eq(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters")
        .hasMessageContaining("remove line breaks, tabs and NUL");
    assertThatThrownBy(() -> field("summary").contains(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Conditions.raw("summary = \"" + value + "\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDBFFx", "end\uD83D"})
  void refusesUnpairedSurrogates(String value) {
    assertThatThrownBy(() -> field("summary").eq(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("valid Unicode text")
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void refusesWhatCannotBeRendered() {
    assertThatThrownBy(() -> field("summary").eq(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("isNull()");
    assertThatThrownBy(() -> field("budgetHours").eq(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> field("summary").eq(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use a String, a number, a Boolean or an Instant");
    assertThatThrownBy(() -> field("id").in(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one value");
    assertThatThrownBy(() -> field("summary = 1 or id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("board/id");
    assertThatThrownBy(() -> Conditions.raw("  ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonBmpTextIsKeptWhole() {
    assertThat(field("summary").eq("backup \uD83D\uDCBE ok").render())
        .isEqualTo("summary = \"backup \uD83D\uDCBE ok\"");
  }

  /**
   * 400+ random strings made of the characters that break naive escaping: whatever the builder
   * accepts reaches the server as exactly the intended condition; everything else is refused.
   */
  @Test
  void randomValuesReachTheServerExactlyAsIntendedOrAreRefused() throws Exception {
    String[] pieces = {
      "\"", "\\", "%", "[", "]", "(", ")", "'", "+", "&", "=", "#", "?", "/", ";", ",", " ",
      "\n", "\r", "\t", "\u0000", "\u001b", "\u2028", "é", "ß", "\uD83D\uDE00", "\uD800", "\uDC00",
      " or 1=1", "\" or \"1\"=\"1", ") or (", "%22", "%0A", "a", "Z", "7", "summary"
    };
    Random random = new Random(20260102L);
    List<Function<String, Conditions>> operators =
        List.of(
            v -> field("summary").eq(v),
            v -> field("summary").contains(v),
            v -> field("summary").like(v),
            v -> field("company/identifier").notLike(v),
            v -> field("externalXRef").ne(v));
    List<String> operatorSyntax = List.of("summary = ", "summary contains ", "summary like ",
        "company/identifier not like ", "externalXRef != ");
    int accepted = 0;
    int refused = 0;
    try (ConnectWiseClient client = Fixtures.builder(server).build()) {
      for (int i = 0; i < 420; i++) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(12);
        for (int j = 0; j < length; j++) {
          value.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = value.toString();
        int operator = random.nextInt(operators.size());
        Conditions conditions;
        try {
          conditions = operators.get(operator).apply(text);
        } catch (IllegalArgumentException e) {
          assertThat(mustBeRefused(text)).as("refused %s", visible(text)).isTrue();
          refused++;
          continue;
        }
        assertThat(mustBeRefused(text)).as("accepted %s", visible(text)).isFalse();
        String expected = operatorSyntax.get(operator) + quoted(text);

        server.enqueue(json("{\"count\":0}"));
        assertThat(client.tickets().count(conditions)).isZero();

        RecordedRequest request = take(server);
        assertThat(formParameters(request.getUrl().encodedQuery()))
            .as("query of %s", visible(text))
            .containsExactly("conditions=" + expected);
        accepted++;
      }
    }
    assertThat(accepted).isGreaterThan(100);
    assertThat(refused).isGreaterThan(100);
  }

  /** Control characters and unpaired surrogates, found without the code under test. */
  private static boolean mustBeRefused(String text) {
    return text.codePoints()
        .anyMatch(cp -> Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF));
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"') {
        out.append("\\\"");
      } else if (c == '\\') {
        out.append("\\\\");
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * The query as a form-decoding server such as ConnectWise's reads it: split on {@code &}, each
   * name and value percent-decoded with {@code +} as a space.
   */
  private static List<String> formParameters(String encodedQuery) {
    List<String> parameters = new ArrayList<>();
    for (String pair : encodedQuery.split("&")) {
      int equals = pair.indexOf('=');
      parameters.add(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
              + "="
              + URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String visible(String text) {
    return text.chars()
        .mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
        .collect(Collectors.joining());
  }

  /** Against the simulator, hostile values match only the record that carries them. */
  @Test
  void hostileValuesMatchOnlyTheirOwnRecordOnTheSimulator() {
    List<String> summaries =
        List.of(
            "Disk \"C:\" is full",
            "back\\slash\\ at the end\\",
            "50% done_ok",
            "x\" or summary != \"",
            "y\\\" or 1=1 or summary contains \"",
            "(paren) and [2026-01-01T00:00:00Z]",
            "emoji \uD83D\uDCBE saved");
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start();
        ConnectWiseClient client = SimulatorClients.client(cw)) {
      List<Long> ids = new ArrayList<>();
      for (String summary : summaries) {
        Ticket ticket =
            client.tickets().create(Ticket.builder().summary(summary).company(Reference.of(250)).build());
        ids.add(ticket.id().getAsLong());
      }
      for (int i = 0; i < summaries.size(); i++) {
        String summary = summaries.get(i);
        List<Long> matches =
            client
                .tickets()
                .list(Query.where(field("summary").eq(summary)))
                .map(t -> t.id().getAsLong())
                .collect(Collectors.toList());
        assertThat(matches).as(summary).containsExactly(ids.get(i));
        assertThat(client.tickets().count(field("summary").contains(summary))).as(summary).isEqualTo(1);
        assertThat(cw.journal().last().queryParameter("conditions"))
            .hasValue("summary contains " + quoted(summary));
      }
    }
  }
}
