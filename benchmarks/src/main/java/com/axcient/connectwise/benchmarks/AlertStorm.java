package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertSeverity;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.RecordedCall;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Scenario 3: an alert storm through {@link TicketingEngine}. Every alert is raised, repeats and
 * clears; the events arrive in waves (one event of every alert per wave) five simulated minutes
 * apart, and the worker drains the outbox after each wave, as it would between deliveries. The
 * ConnectWise calls are counted in the simulator's journal and compared with the floor the
 * settings allow; then the rate at which events are accepted into the outbox is measured on H2
 * and on PostgreSQL.
 */
final class AlertStorm {

  /** The target of scenario 3 on H2: events accepted into the outbox per second. */
  static final double MIN_ACCEPTED_PER_SECOND_H2 = 1000;

  static final Duration WAVE_GAP = Duration.ofMinutes(5);
  static final Duration NOTE_INTERVAL = Duration.ofHours(1);
  private static final String INSTALL_ID = "5b0c7e1a-2d4f-4e8b-9c61-7a3e2f1d0b94";
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

  private AlertStorm() {}

  static void run(Options options, Table table, PrintStream progress) {
    String s3 = "3 alert storm";
    int events = options.alerts() * options.eventsPerAlert();
    table.info(s3, "storm", String.format("%,d events over %,d alerts: 1 raise, %d repeats, 1 clear each",
        events, options.alerts(), options.eventsPerAlert() - 2));
    MovableClock clock = new MovableClock(START);
    Path folder = tempFolder();
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().clock(clock)
            .journalCapacity(Math.max(10_000, events * 2)).build().start()) {
      progress.printf("Alert storm: %,d events through the engine on H2...%n", events);
      callsPerLifecycle(options, table, s3, cw, clock, folder.resolve("lifecycle"));

      progress.println("Accepting into the outbox (warm-up, then H2)...");
      acceptanceRate(options, cw, JdbcStateStore.h2InMemory("warmup", clock), clock);
      double h2 = acceptanceRate(options, cw, JdbcStateStore.h2File(folder.resolve("accept"), clock), clock);
      table.target(s3, "events accepted per second, H2 file, one accept() each",
          String.format("%,.0f /s", h2), String.format(">= %,.0f /s", MIN_ACCEPTED_PER_SECOND_H2),
          h2 >= MIN_ACCEPTED_PER_SECOND_H2);
      if (options.postgres()) {
        progress.println("Accepting into the outbox on PostgreSQL...");
        double pg = postgresAcceptanceRate(options, cw, clock);
        table.info(s3, "events accepted per second, PostgreSQL (embedded, pooled), one accept() each",
            String.format("%,.0f /s", pg));
      }
    } finally {
      deleteQuietly(folder);
    }
  }

  private static void callsPerLifecycle(Options options, Table table, String s3, ConnectWiseSimulator cw,
      MovableClock clock, Path folder) {
    try (StateStore store = JdbcStateStore.h2File(folder, clock);
        TicketingEngine engine = engine(cw, store, clock, TicketingSettings.off())) {
      engine.applySettings(settings());
      List<RecordedCall> setup = cw.journal().calls();
      cw.journal().clear();
      long drainNanos = 0;
      int waves = options.eventsPerAlert();
      for (int wave = 0; wave < waves; wave++) {
        AlertState state = wave == 0 ? AlertState.RAISED
            : wave == waves - 1 ? AlertState.CLEARED : AlertState.REPEATED;
        for (int alert = 0; alert < options.alerts(); alert++) {
          engine.accept(event(alert, state, clock.instant()));
        }
        long start = System.nanoTime();
        engine.drain();
        drainNanos += System.nanoTime() - start;
        clock.advance(WAVE_GAP);
      }
      List<RecordedCall> storm = cw.journal().calls();
      Map<String, Long> byKind = countByKind(storm);
      long lifecycles = options.alerts();
      int repeatNotes = repeatNotesAllowed(waves - 2);
      long creates = byKind.getOrDefault("create", 0L);
      long closes = byKind.getOrDefault("close", 0L);
      long notes = byKind.getOrDefault("note", 0L);
      long lookups = byKind.getOrDefault("lookup", 0L);
      long boardLookups = byKind.getOrDefault("board or status lookup", 0L);
      long other = storm.size() - creates - closes - notes - lookups - boardLookups;
      int floor = 2 + repeatNotes + 1;
      // The company is looked up once and cached for the engine's life: a one-off, not per event.
      long perLifecycle = storm.size() - lookups;
      boolean atFloor = creates == lifecycles && closes == lifecycles
          && notes == (repeatNotes + 1L) * lifecycles && boardLookups == 0 && other == 0 && lookups <= 1;
      table.info(s3, "notes configured", String.format(
          "a repeat note at most every %d min (%d per lifecycle here) and a resolution note",
          NOTE_INTERVAL.toMinutes(), repeatNotes));
      table.target(s3, "ConnectWise calls per alert lifecycle", String.format(
          "%.2f (creates %.2f, closes %.2f, notes %.2f, other %.2f) + %d company lookup(s) in all",
          (double) perLifecycle / lifecycles, (double) creates / lifecycles,
          (double) closes / lifecycles, (double) notes / lifecycles,
          (double) (other + boardLookups) / lifecycles, lookups),
          String.format("%d.00 (1 create, 1 close, %d notes)", floor, repeatNotes + 1), atFloor);
      table.target(s3, "board or status lookups during the storm", Long.toString(boardLookups), "0",
          boardLookups == 0);
      table.info(s3, "company lookups during the storm (cached after the first)", Long.toString(lookups));
      table.info(s3, "one-off calls when the settings were applied", setup.size() + " ("
          + describe(countByKind(setup)) + ")");
      long tickets = cw.data().list("/service/tickets", "externalXRef like \"cwsync:%\"").size();
      long open = cw.data().list("/service/tickets", "externalXRef like \"cwsync:%\" and closedFlag = false").size();
      table.target(s3, "tickets opened / left open", tickets + " / " + open,
          lifecycles + " / 0", tickets == lifecycles && open == 0);
      table.info(s3, "events handled per second by the worker (H2, simulator on loopback)",
          String.format("%,.0f /s", (double) lifecycles * waves / (drainNanos / 1e9)));
    }
  }

  /** Repeat notes the settings allow: the first repeat at once, then one per note interval. */
  static int repeatNotesAllowed(int repeats) {
    int notes = 0;
    Optional<Duration> lastNote = Optional.empty();
    for (int i = 1; i <= repeats; i++) {
      Duration at = WAVE_GAP.multipliedBy(i);
      if (lastNote.isEmpty() || at.compareTo(lastNote.get().plus(NOTE_INTERVAL)) >= 0) {
        notes++;
        lastNote = Optional.of(at);
      }
    }
    return notes;
  }

  private static double acceptanceRate(Options options, ConnectWiseSimulator cw, StateStore store,
      MovableClock clock) {
    try (store;
        TicketingEngine engine = engine(cw, store, clock, settings())) {
      List<AlertEvent> events = new ArrayList<>();
      for (int wave = 0; wave < options.eventsPerAlert(); wave++) {
        AlertState state = wave == 0 ? AlertState.RAISED
            : wave == options.eventsPerAlert() - 1 ? AlertState.CLEARED : AlertState.REPEATED;
        for (int alert = 0; alert < options.alerts(); alert++) {
          events.add(event(alert, state, clock.instant()));
        }
      }
      long start = System.nanoTime();
      for (AlertEvent event : events) {
        engine.accept(event);
      }
      return events.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static double postgresAcceptanceRate(Options options, ConnectWiseSimulator cw, MovableClock clock) {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE storm");
      }
      DataSource db = postgres.getDatabase("postgres", "storm");
      try (PooledDataSource pool = new PooledDataSource(db)) {
        return acceptanceRate(options, cw, JdbcStateStore.open(pool, clock), clock);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL failed", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the storm database: " + e.getMessage(), e);
    }
  }

  private static TicketingEngine engine(ConnectWiseSimulator cw, StateStore store, MovableClock clock,
      TicketingSettings settings) {
    PsaSettings psa = PsaSettings.builder()
        .site(cw.baseUrl())
        .allowInsecureHttp(true)
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .apiMemberIdentifier(cw.apiMemberIdentifier())
        .build();
    return TicketingEngine.builder()
        .psaSettings(psa)
        .clientId(cw.clientId())
        .stateStore(store)
        .clock(clock)
        // The default (2 requests/s) protects a real site; the storm measures calls, not waiting.
        .options(TicketingOptions.builder(INSTALL_ID).rateLimit(10_000, 10_000).build())
        .acknowledger((alertId, ticket) -> { })
        .settings(settings)
        .build();
  }

  private static TicketingSettings settings() {
    return TicketingSettings.builder()
        .enabled(true)
        .rule(TicketRule.builder(EventClass.BACKUP_FAILED).noteInterval(NOTE_INTERVAL).build())
        .build();
  }

  private static AlertEvent event(int alert, AlertState state, Instant time) {
    return AlertEvent.builder()
        .alertId("appliance-" + (alert % 50) + "/backup/system-" + alert)
        .eventClass(EventClass.BACKUP_FAILED)
        .severity(AlertSeverity.ERROR)
        .device("APPLIANCE-" + (alert % 50))
        .protectedSystem("SYSTEM-" + alert)
        .deviceCompany("AcmeDental")
        .message("Backup of SYSTEM-" + alert + " failed: the volume snapshot timed out")
        .time(time)
        .state(state)
        .build();
  }

  /** Calls by what they do, from method and path. */
  static Map<String, Long> countByKind(List<RecordedCall> calls) {
    Map<String, Long> counts = new TreeMap<>();
    for (RecordedCall call : calls) {
      counts.merge(kind(call), 1L, Long::sum);
    }
    return counts;
  }

  private static String kind(RecordedCall call) {
    String path = call.apiPath();
    String method = call.method();
    if (method.equals("POST") && path.equals("/service/tickets")) {
      return "create";
    }
    if (method.equals("PATCH") && path.matches("/service/tickets/\\d+")) {
      return "close";
    }
    if (method.equals("POST") && path.matches("/service/tickets/\\d+/notes")) {
      return "note";
    }
    if (path.startsWith("/login/")) {
      return "discovery";
    }
    if (method.equals("GET") && (path.startsWith("/service/boards") || path.startsWith("/service/priorities")
        || path.startsWith("/system/members"))) {
      return "board or status lookup";
    }
    if (method.equals("GET")) {
      return "lookup";
    }
    return method + " " + path.replaceAll("/\\d+", "/{id}");
  }

  private static String describe(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .reduce((a, b) -> a + ", " + b).orElse("none");
  }

  private static Path tempFolder() {
    try {
      return Files.createTempDirectory("connectwise-storm");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a folder for the H2 stores", e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
