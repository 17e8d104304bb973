package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import com.axcient.connectwise.integration.ticketing.TicketingStatus;
import com.axcient.connectwise.testkit.Fault;
import com.axcient.connectwise.testkit.FaultRule;
import com.axcient.connectwise.testkit.MutableClock;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A randomized soak on virtual time: an alert stream over many alerts while about 5 % of the
 * requests meet a fault (429, 5xx after the write, dropped connections before and after the
 * write, cut bodies, latency). No duplicate ticket, no lost event, and the site's limits hold:
 * nothing is sent before a 429's {@code Retry-After} is over, and no window carries more than
 * the token bucket allows. Prints its figures.
 *
 * <p>{@code mvn -B verify} runs a short soak ({@code soak.events}=1000 over {@code
 * soak.alerts}=50); {@code -Psoak} runs the full one (10,000 over 500).
 */
class SoakTest {

  private static final double RATE = 20;
  private static final int BURST = 10;
  private static final double FAULT_SHARE = 0.05;
  /** Below what the site can take on average, so the soak measures a steady state, not a backlog. */
  private static final int EVENTS_PER_SECOND = 5;

  /** Whether a raise after a clear reopens the ticket, or opens a new incident and ticket. */
  private boolean reopen;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final Random random = new Random(Long.getLong("soak.seed", 42L));
  private final Deque<Long> announcedWaits = new ArrayDeque<>();
  private Fault pendingRateLimit;
  private int journalRead;
  private int faultedSoFar;

  @ParameterizedTest(name = "reopen {0}")
  @ValueSource(booleans = {true, false})
  void aFaultySiteLosesNothingDuplicatesNothingAndIsNeverFlooded(boolean reopen) {
    this.reopen = reopen;
    int events = Integer.getInteger("soak.events", 1000);
    int alerts = Integer.getInteger("soak.alerts", 50);
    long started = System.nanoTime();
    Instant virtualStart = clock.instant();
    List<AlertEvent> stream = stream(events, alerts);

    try (Sim sim = new Sim(clock);
        StateStore store = JdbcStateStore.h2InMemory("soak" + UUID.randomUUID().toString().replace("-", ""), clock);
        TicketingEngine engine = engine(sim, store)) {
      engine.applySettings(
          TicketingSettings.builder()
              .enabled(true)
              .rule(TicketRule.builder(EventClass.BACKUP_FAILED).reopenWindow(reopen ? Duration.ofHours(24) : Duration.ZERO).build())
              .build());
      int next = 0;
      int loops = 0;
      long maxQueued = 0;
      while (true) {
        for (int i = 0; i < EVENTS_PER_SECOND && next < stream.size(); i++, next++) {
          engine.accept(withTime(stream.get(next)));
        }
        engine.drain();
        injectFaults(sim);
        clock.advance(Duration.ofSeconds(1));
        TicketingStatus status = engine.status();
        maxQueued = Math.max(maxQueued, status.queued());
        if (next == stream.size() && status.queued() == 0 && status.inFlight() == 0) {
          break;
        }
        assertThat(++loops).as("virtual seconds before the queue emptied").isLessThan(20 * 3600);
      }
      sim.cw.faults().clear();

      // Figures.
      List<RecordedCall> calls = sim.cw.journal().calls();
      long faulted = calls.stream().filter(c -> c.fault().isPresent()).count();
      Map<String, Integer> faults = new TreeMap<>();
      calls.forEach(c -> c.fault().ifPresent(f -> faults.merge(f.replaceAll(" on .*", ""), 1, Integer::sum)));
      long rateLimited = calls.stream().filter(c -> c.status() == 429).count();
      long posts = sim.ticketPosts();
      long searches =
          calls.stream()
              .filter(c -> c.method().equals("GET") && c.apiPath().equals("/service/tickets"))
              .filter(c -> c.queryParameter("conditions").orElse("").startsWith("externalXRef"))
              .count();
      List<ObjectNode> tickets = sim.ticketsWithKeyPrefix(Sim.INSTALL + ":soak-");
      int maxPerSecond = maxInWindow(calls, Duration.ofSeconds(1));
      int maxPer10Seconds = maxInWindow(calls, Duration.ofSeconds(10));
      System.out.printf(
          "SOAK reopen=%s events=%d alerts=%d requests=%d faulted=%d (%.1f%%) faults=%s 429s=%d"
              + " ticketPosts=%d keySearches=%d tickets=%d deadLetters=%d"
              + " maxQueued=%d maxRequestsIn1s=%d maxRequestsIn10s=%d (bucket: %d + %.0f/s)"
              + " virtualSeconds=%d realSeconds=%.1f%n",
          reopen, events, alerts, calls.size(), faulted, 100.0 * faulted / calls.size(), faults,
          rateLimited, posts, searches, tickets.size(), engine.status().deadLetters(),
          maxQueued, maxPerSecond, maxPer10Seconds, BURST, RATE,
          Duration.between(virtualStart, clock.instant()).toSeconds(),
          (System.nanoTime() - started) / 1e9);

      // Nothing lost, nothing duplicated.
      assertThat(engine.status().deadLetters()).isZero();
      assertThat(engine.deadLetters()).isEmpty();
      assertThat(tickets).extracting(t -> t.path("externalXRef").asText()).doesNotHaveDuplicates();
      Map<String, Boolean> expected = expectedTickets(stream);
      assertThat(tickets).hasSize(expected.size());
      for (ObjectNode ticket : tickets) {
        String key = ticket.path("externalXRef").asText();
        String alertId = key.split(":")[2];
        assertThat(expected).containsKey(key);
        assertThat(ticket.path("closedFlag").asBoolean())
            .as("closed flag of %s; its events %s; its ticket's requests:%n%s",
                key, eventsOf(stream, alertId), requestsOf(calls, ticket))
            .isEqualTo(expected.get(key));
      }
      assertThat((double) faulted / calls.size()).isBetween(0.03, 0.08);

      // Limits: Retry-After honoured for the whole site, and the token bucket never exceeded.
      assertRetryAfterHonoured(calls);
      assertThat(maxPer10Seconds).as("requests in any 10 s").isLessThanOrEqualTo((int) (BURST + RATE * 10));
    }
  }

  private TicketingEngine engine(Sim sim, StateStore store) {
    return sim.engineBuilder(
            store,
            TicketingOptions.builder(Sim.INSTALL)
                .instanceId("soak")
                .rateLimit(RATE, BURST)
                .batchSize(50)
                .retryDelays(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2)))
                .build())
        .clientCustomizer(
            b ->
                b.readTimeout(Duration.ofSeconds(5))
                    // The engine's own in-process policy, sleeping on the virtual clock.
                    .retryPolicy(
                        RetryPolicy.builder()
                            .maxAttempts(3)
                            .baseDelay(Duration.ofMillis(500))
                            .maxDelay(Duration.ofSeconds(5))
                            .maxRetryAfter(Duration.ofSeconds(5))
                            .sleeper(clock::advance)
                            .build()))
        .build();
  }

  private AlertEvent withTime(AlertEvent e) {
    return Sim.event(e.alertId(), e.state(), clock.instant());
  }

  /** Per alert: a raise, then repeats and clears, a clear always followed by a new raise. */
  private List<AlertEvent> stream(int events, int alerts) {
    List<Deque<AlertState>> perAlert = new ArrayList<>();
    for (int a = 0; a < alerts; a++) {
      Deque<AlertState> states = new ArrayDeque<>();
      AlertState state = AlertState.RAISED;
      states.add(state);
      for (int i = 1; i < events / alerts; i++) {
        state =
            state == AlertState.CLEARED
                ? AlertState.RAISED
                : random.nextBoolean() ? AlertState.REPEATED : AlertState.CLEARED;
        states.add(state);
      }
      perAlert.add(states);
    }
    List<AlertEvent> out = new ArrayList<>();
    List<Integer> open = new ArrayList<>();
    for (int a = 0; a < alerts; a++) {
      open.add(a);
    }
    while (!open.isEmpty()) {
      int pick = random.nextInt(open.size());
      int a = open.get(pick);
      out.add(Sim.event("soak-" + a, perAlert.get(a).poll(), clock.instant()));
      if (perAlert.get(a).isEmpty()) {
        open.remove(pick);
      }
    }
    return out;
  }

  /**
   * Tops the scripted faults up so that, with those still waiting for their request, about 5 %
   * of all requests so far meet one; the kind and the kind of request they hit are random.
   */
  private void injectFaults(Sim sim) {
    List<RecordedCall> calls = sim.cw.journal().calls();
    for (; journalRead < calls.size(); journalRead++) {
      if (calls.get(journalRead).fault().isPresent()) {
        faultedSoFar++;
      }
    }
    // Faults still unused after a second are withdrawn, so the share stays near the target.
    if (pendingRateLimit != null && pendingRateLimit.remaining() > 0) {
      announcedWaits.removeLast();
    }
    pendingRateLimit = null;
    sim.cw.faults().clear();
    int count = Math.min(3, (int) Math.round(FAULT_SHARE * (calls.size() + 20)) - faultedSoFar);
    String[][] targets = {
      {"POST", "/service/tickets"},
      {"GET", "/service/tickets"},
      {"PATCH", "/service/tickets/*"},
      {"POST", "/service/tickets/*/notes"},
      {"*", "/**"},
    };
    for (int i = 0; i < count; i++) {
      String[] target = targets[random.nextInt(targets.length)];
      FaultRule rule = sim.cw.faults().on(target[0], target[1]).times(1);
      int kind = random.nextInt(100);
      if (kind < 25) {
        if (pendingRateLimit != null) {
          continue;
        }
        long seconds = 1 + random.nextInt(10);
        pendingRateLimit = rule.rateLimited(Duration.ofSeconds(seconds));
        announcedWaits.add(seconds);
      } else if (kind < 50) {
        int status = new int[] {500, 502, 503, 504}[random.nextInt(4)];
        rule.respondStatus(status).afterWrite();
      } else if (kind < 62) {
        rule.dropConnectionAfterWrite();
      } else if (kind < 72) {
        rule.dropConnection();
      } else if (kind < 90) {
        rule.latency(Duration.ofMillis(5 + random.nextInt(25)));
      } else {
        rule.cutResponseBody();
      }
    }
  }

  private void assertRetryAfterHonoured(List<RecordedCall> calls) {
    Deque<Long> waits = new ArrayDeque<>(announcedWaits);
    for (int i = 0; i < calls.size(); i++) {
      RecordedCall c = calls.get(i);
      if (c.status() != 429) {
        continue;
      }
      Instant until = c.time().plusSeconds(waits.poll());
      for (int j = i + 1; j < calls.size(); j++) {
        RecordedCall later = calls.get(j);
        if (!later.time().isBefore(until)) {
          break;
        }
        assertThat(later.time())
            .as("%s sent %s after a 429 that asked to wait until %s", later, later.time(), until)
            .isAfterOrEqualTo(until);
      }
    }
  }

  /**
   * The tickets the stream must leave, by correlation key, with whether each is closed: one per
   * incident (a raise after a clear starts the next one, unless tickets are reopened).
   */
  private Map<String, Boolean> expectedTickets(List<AlertEvent> stream) {
    Map<String, Integer> incident = new HashMap<>();
    Map<String, Boolean> closed = new HashMap<>();
    for (AlertEvent e : stream) {
      String alert = e.alertId();
      Integer n = incident.get(alert);
      if (e.state() == AlertState.CLEARED) {
        closed.put(key(alert, n), true);
      } else if (n == null || (!reopen && closed.get(key(alert, n)))) {
        n = n == null ? 1 : n + 1;
        incident.put(alert, n);
        closed.put(key(alert, n), false);
      } else if (e.state() == AlertState.RAISED) {
        closed.put(key(alert, n), false);
      }
    }
    return closed;
  }

  private static String key(String alertId, Integer incident) {
    return "cwsync:" + Sim.INSTALL + ":" + alertId + ":" + incident;
  }

  private static List<AlertState> eventsOf(List<AlertEvent> stream, String alertId) {
    return stream.stream().filter(e -> e.alertId().equals(alertId)).map(AlertEvent::state).toList();
  }

  private static String requestsOf(List<RecordedCall> calls, ObjectNode ticket) {
    String path = "/service/tickets/" + ticket.path("id").asText();
    String key = ticket.path("externalXRef").asText();
    StringBuilder out = new StringBuilder();
    for (RecordedCall c : calls) {
      if (c.apiPath().equals(path) || c.apiPath().startsWith(path + "/") || c.body().contains(key)
          || c.queryParameter("conditions").orElse("").contains(key)) {
        out.append(c.time()).append(' ').append(c.method()).append(' ').append(c.apiPath())
            .append(' ').append(c.status()).append(' ').append(c.fault().orElse(""))
            .append(c.method().equals("PATCH") ? " " + c.body() : "").append('\n');
      }
    }
    return out.toString();
  }

  private static int maxInWindow(List<RecordedCall> calls, Duration window) {
    int max = 0;
    int start = 0;
    for (int end = 0; end < calls.size(); end++) {
      Instant t = calls.get(end).time();
      while (!calls.get(start).time().plus(window).isAfter(t)) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }
}
