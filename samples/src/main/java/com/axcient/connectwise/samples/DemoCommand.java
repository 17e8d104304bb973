package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.billing.BillingMapping;
import com.axcient.connectwise.integration.billing.BillingPlan;
import com.axcient.connectwise.integration.billing.BillingResult;
import com.axcient.connectwise.integration.billing.BillingService;
import com.axcient.connectwise.integration.billing.StorageReport;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionTest;
import com.axcient.connectwise.integration.core.diagnostics.Feature;
import com.axcient.connectwise.integration.core.diagnostics.SetupCheck;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.TicketLink;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertSeverity;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.ClosedTicket;
import com.axcient.connectwise.integration.ticketing.CompanySource;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import com.axcient.connectwise.integration.ticketing.TicketingStatus;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.MutableClock;
import com.axcient.connectwise.testkit.Outage;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one-command demo: a simulated ConnectWise, an embedded H2 store in a temporary folder, the
 * ticketing rules and a billing mapping, then a story told in virtual time.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Play a day of backup alerts and a billing run against a simulated ConnectWise,"
        + " and print what happened.")
final class DemoCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final String DEVICE = "appliance-7";

  @Option(
      names = "--keep",
      description = "Keep the demo's state folder instead of deleting it at the end.")
  boolean keep;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private PrintWriter out;
  private MutableClock clock;
  private ConnectWiseSimulator cw;
  private TicketingEngine engine;
  private JdbcStateStore store;
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    clock = new MutableClock(Instant.parse("2026-05-04T08:55:00Z"));
    Path folder = Files.createTempDirectory("connectwise-demo-");
    try (ConnectWiseSimulator simulator =
            ConnectWiseSimulator.builder().port(0).clock(clock).build().start();
        JdbcStateStore state = JdbcStateStore.h2File(folder.resolve("state"), clock)) {
      cw = simulator;
      store = state;
      PsaSettings settings =
          PsaSettings.builder()
              .site(cw.baseUrl())
              .companyId(cw.companyId())
              .publicKey(cw.publicKey())
              .privateKey(Secret.of(cw.privateKey()))
              .apiMemberIdentifier(cw.apiMemberIdentifier())
              .allowInsecureHttp(true)
              .build();
      title("Setting up");
      say("ConnectWise simulator at " + cw.baseUrl() + ", company '" + cw.companyId() + "'");
      say("Durable state (H2) in " + folder);
      if (!checkConnection(settings)) {
        return ConnectWiseTool.PROBLEMS_FOUND;
      }
      try (TicketingEngine ticketing =
          TicketingEngine.builder()
              .psaSettings(settings)
              .clientId(cw.clientId())
              .stateStore(store)
              .options(
                  TicketingOptions.builder("demo")
                      .rateLimit(1000, 100)
                      .build())
              .acknowledger(this::acknowledge)
              .clock(clock)
              .build()) {
        engine = ticketing;
        configureRules();
        playStory();
        runBilling(settings);
        summary();
      }
      return ConnectWiseTool.OK;
    } finally {
      if (keep) {
        out.println("State kept in " + folder);
      } else {
        deleteTree(folder);
      }
      out.flush();
    }
  }

  private boolean checkConnection(PsaSettings settings) {
    ConnectionReport report =
        ConnectionTest.run(settings, cw.clientId(), java.util.EnumSet.allOf(Feature.class));
    say("Test connection: " + (report.passed() ? "passed, " + report.steps().size() + " steps" : "FAILED"));
    report.firstFailure().ifPresent(step -> say("  " + step));
    try (ConnectWiseClient client = settings.clientBuilder(cw.clientId()).build()) {
      SetupReport setup = SetupCheck.run(client, settings);
      say("Setup check: " + (setup.ready() ? "ConnectWise is ready (" + setup.findings().size() + " checks)" : setup.problems().size() + " problem(s)"));
      setup.problems().forEach(problem -> say("  " + problem));
      return report.passed() && setup.ready();
    }
  }

  private void configureRules() {
    TicketingSettings rules =
        TicketingSettings.builder()
            .enabled(true)
            .rule(
                TicketRule.builder(EventClass.BACKUP_FAILED)
                    .enabled(true)
                    .summaryTemplate("Backup failed: {protectedSystem} on {device}")
                    .companySource(CompanySource.CUSTOMER_MAPPING)
                    .noteInterval(Duration.ofMinutes(30))
                    .reopenWindow(Duration.ofHours(2))
                    .closeOnClear(true)
                    .build())
            .rule(
                TicketRule.builder(EventClass.REPLICATION_FAILED)
                    .enabled(true)
                    .summaryTemplate("Replication failed: {protectedSystem} on {device}")
                    .companySource(CompanySource.CUSTOMER_MAPPING)
                    .closeOnClear(true)
                    .build())
            .rule(TicketRule.builder(EventClass.DISK_SPACE_LOW).enabled(false).build())
            .customerCompany("Acme Dental", "AcmeDental")
            .customerCompany("Contoso Legal", "ContosoLegal")
            .customerCompany("Globex", "Globex")
            .createMissingCompanies(true)
            .build();
    engine.applySettings(rules);
    say("Ticketing rules checked against ConnectWise and saved: backup failed and replication"
        + " failed open tickets on the API member's default board; disk space low is off");
  }

  private void playStory() {
    title("A day of alerts");
    at("09:00");
    raise("fs01-backup", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-FS01",
        "Backup of ACME-FS01 failed: VSS writer 'SqlServerWriter' timed out", AlertState.RAISED);
    tell("Backup of ACME-FS01 failed", "fs01-backup");

    at("09:20");
    raise("fs01-backup", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-FS01",
        "Backup of ACME-FS01 failed again", AlertState.REPEATED);
    at("09:40");
    raise("fs01-backup", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-FS01",
        "Backup of ACME-FS01 failed again", AlertState.REPEATED);
    drain();
    say("09:20, 09:40  The backup failed twice more: " + notesAddedTo("fs01-backup")
        + " note on the ticket (at most one per 30 minutes), counting the repeats");

    at("10:05");
    raise("sql01-repl", EventClass.REPLICATION_FAILED, "Contoso Legal", "CONTOSO-SQL01",
        "Replication of CONTOSO-SQL01 to vault cloud-east failed: connection reset", AlertState.RAISED);
    tell("Replication of CONTOSO-SQL01 failed", "sql01-repl");

    at("10:10");
    raise("disk-low", EventClass.DISK_SPACE_LOW, "Acme Dental", null,
        "Appliance disk 91% full", AlertState.RAISED);
    drain();
    say("10:10  Disk space low on the appliance: its rule is off, so no ticket ("
        + ticketsOpened() + " tickets opened so far)");

    at("11:30");
    raise("fs01-backup", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-FS01",
        "Backup of ACME-FS01 succeeded", AlertState.CLEARED);
    drain();
    say("11:30  The backup of ACME-FS01 succeeded: ticket #" + ticketOf("fs01-backup")
        + " gets a resolution note and the closed status (" + statusOf("fs01-backup") + ")");

    at("12:15");
    long replicationTicket = ticketOf("sql01-repl");
    long closedStatus = closedStatusOn(boardOf(replicationTicket));
    cw.data()
        .as(cw.technicianIdentifier())
        .update(
            "/service/tickets/" + replicationTicket,
            ticket -> ticket.putObject("status").put("id", closedStatus));
    say("12:15  A technician closes ticket #" + replicationTicket + " in ConnectWise");
    advance(Duration.ofMinutes(5));
    engine.pollOnce();
    say("12:20  The poll finds it closed: alert sql01-repl acknowledged in the product"
        + (acknowledged.contains("sql01-repl") ? "" : " (NOT acknowledged)"));
    engine.pollOnce();
    say("       A second poll changes nothing: " + acknowledged.size() + " acknowledgement(s)");

    at("12:40");
    raise("fs01-backup", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-FS01",
        "Backup of ACME-FS01 failed: disk full on the protected system", AlertState.RAISED);
    drain();
    say("12:40  ACME-FS01 fails again within the 2-hour reopen window: ticket #"
        + ticketOf("fs01-backup") + " reopened (status " + statusOf("fs01-backup") + "), no new ticket");
    at("12:50");
    raise("fs01-backup", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-FS01",
        "Backup of ACME-FS01 succeeded", AlertState.CLEARED);
    drain();
    say("12:50  ... and succeeds again: ticket #" + ticketOf("fs01-backup") + " closed ("
        + statusOf("fs01-backup") + ")");

    title("An outage");
    at("13:00");
    List<String> outageAlerts = List.of("globex-nas", "globex-dc", "acme-web");
    Outage outage = cw.faults().refuseConnections();
    try {
      say("13:00  ConnectWise stops answering (connections refused)");
      raise("globex-nas", EventClass.BACKUP_FAILED, "Globex", "GLOBEX-NAS",
          "Backup of GLOBEX-NAS failed", AlertState.RAISED);
      raise("globex-dc", EventClass.BACKUP_FAILED, "Globex", "GLOBEX-DC01",
          "Backup of GLOBEX-DC01 failed", AlertState.RAISED);
      raise("acme-web", EventClass.BACKUP_FAILED, "Acme Dental", "ACME-WEB",
          "Backup of ACME-WEB failed", AlertState.RAISED);
      engine.drain();
      TicketingStatus status = engine.status();
      say("13:05  3 alerts accepted into the durable outbox while ConnectWise is down; "
          + status.queued() + " queued, nothing lost");
      advance(Duration.ofMinutes(40));
      engine.drain();
    } finally {
      outage.end();
    }
    say("13:45  ConnectWise is back");
    advance(Duration.ofMinutes(30));
    drainUntilIdle();
    for (String alert : outageAlerts) {
      say("       " + alert + " -> ticket #" + ticketOf(alert) + " (exactly one: "
          + ticketsWithKeyOf(alert) + ")");
    }
    ObjectNode globex =
        cw.data().list("/company/companies", "identifier = \"Globex\"").stream().findFirst().orElseThrow();
    say("       Globex was not a ConnectWise company: created as company #" + globex.path("id").asLong()
        + " with the status " + globex.path("status").path("name").asText());
  }

  private void runBilling(PsaSettings settings) {
    title("Billing");
    StorageReport report =
        StorageReport.builder()
            .reportId(DEVICE + "/2026-05-04")
            .applianceId(DEVICE)
            .protectedSystem("ACME-FS01", Map.of("local", 612_400_000_000L, "cloud-east", 612_400_000_000L))
            .protectedSystem("ACME-SQL01", Map.of("local", 98_765_432_100L))
            .build();
    try (ConnectWiseClient client = settings.clientBuilder(cw.clientId()).build()) {
      BillingService billing =
          BillingService.builder()
              .client(client)
              .auditLog(store.billingAudit())
              .mappings(List.of(new BillingMapping(DEVICE, 251, 10, 500)))
              .clock(clock)
              .build();
      BillingPlan plan = billing.plan(List.of(report));
      say("Plan (dry run, nothing written):");
      plan.describe().lines().forEach(line -> say("  " + line));
      BillingResult result = billing.apply(plan);
      say("Apply: " + result.summary());
      BillingResult again = billing.apply(billing.plan(List.of(report)));
      say("Apply again: " + again.summary() + " (nothing to write)");
      billedChanges = result.written().size();
      auditEntries = store.billingAudit().since(Instant.EPOCH).size();
    }
  }

  private int billedChanges;
  private int auditEntries;

  private void summary() {
    title("Summary");
    List<RecordedCall> calls = cw.journal().calls();
    long opened = ticketsOpened();
    long notes = calls.stream().filter(c -> c.method().equals("POST") && c.apiPath().matches("/service/tickets/\\d+/notes") && c.status() == 201).count();
    long closes = calls.stream().filter(c -> c.method().equals("PATCH") && c.apiPath().matches("/service/tickets/\\d+") && c.status() == 200).count();
    say("Tickets opened:        " + opened);
    say("Notes added:           " + notes);
    say("Ticket status changes: " + closes);
    say("Alerts acknowledged:   " + acknowledged.size());
    say("ConnectWise API calls: " + calls.size());
    say("Billing changes:       " + billedChanges + " written, " + auditEntries + " audit entr" + (auditEntries == 1 ? "y" : "ies"));
    TicketingStatus status = engine.status();
    say("Outbox:                " + status.queued() + " queued, " + status.deadLetters() + " dead letters");
  }

  // ---------------------------------------------------------------- story helpers

  private void raise(
      String alertId, EventClass eventClass, String customer, String system, String message, AlertState state) {
    AlertEvent.Builder event =
        AlertEvent.builder()
            .alertId(alertId)
            .eventClass(eventClass)
            .severity(AlertSeverity.ERROR)
            .device(DEVICE)
            .customer(customer)
            .message(message)
            .time(clock.instant())
            .state(state);
    if (system != null) {
      event.protectedSystem(system);
    }
    engine.accept(event.build());
  }

  private void tell(String what, String alertId) {
    drain();
    long ticket = ticketOf(alertId);
    ObjectNode record = cw.data().get("/service/tickets/" + ticket).orElseThrow();
    say(TIME.format(clock.instant()) + "  " + what + " -> ticket #" + ticket + " \""
        + record.path("summary").asText() + "\" on " + record.path("board").path("name").asText()
        + ", status " + record.path("status").path("name").asText() + ", company "
        + record.path("company").path("identifier").asText());
  }

  private void drain() {
    engine.drain();
  }

  private void drainUntilIdle() {
    for (int round = 0; round < 20 && engine.status().queued() > 0; round++) {
      advance(Duration.ofMinutes(5));
      engine.drain();
    }
  }

  private long ticketOf(String alertId) {
    return store.ticketLinks().current(engine.site(), alertId)
        .flatMap(link -> link.ticketId().isPresent() ? java.util.Optional.of(link.ticketId().getAsLong()) : java.util.Optional.empty())
        .orElseThrow(() -> new IllegalStateException("alert " + alertId + " has no ticket"));
  }

  private String statusOf(String alertId) {
    return cw.data().get("/service/tickets/" + ticketOf(alertId)).orElseThrow()
        .path("status").path("name").asText();
  }

  private long boardOf(long ticketId) {
    return cw.data().get("/service/tickets/" + ticketId).orElseThrow().path("board").path("id").asLong();
  }

  private long closedStatusOn(long boardId) {
    return cw.data().list("/service/boards/" + boardId + "/statuses").stream()
        .filter(status -> status.path("closedStatus").asBoolean())
        .filter(status -> !status.path("inactive").asBoolean())
        .min(Comparator.comparingLong(status -> status.path("id").asLong()))
        .orElseThrow()
        .path("id")
        .asLong();
  }

  private long notesAddedTo(String alertId) {
    String notes = "/service/tickets/" + ticketOf(alertId) + "/notes";
    return cw.journal().calls().stream()
        .filter(call -> call.method().equals("POST") && call.apiPath().equals(notes) && call.status() == 201)
        .count();
  }

  private long ticketsOpened() {
    return cw.journal().calls().stream()
        .filter(call -> call.method().equals("POST") && call.apiPath().equals("/service/tickets") && call.status() == 201)
        .count();
  }

  private long ticketsWithKeyOf(String alertId) {
    String key = store.ticketLinks().current(engine.site(), alertId).map(TicketLink::correlationKey).orElseThrow();
    return cw.data().list("/service/tickets", "externalXRef = \"" + key + "\"").size();
  }

  private void acknowledge(String alertId, ClosedTicket ticket) {
    acknowledged.add(alertId);
  }

  private void at(String time) {
    clock.advanceTo(Instant.parse("2026-05-04T" + time + ":00Z"));
  }

  private void advance(Duration duration) {
    clock.advance(duration);
  }

  private void title(String title) {
    out.println();
    out.println("== " + title);
    out.flush();
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.toList());
      all.sort(Comparator.reverseOrder());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The demo's folder " + folder + " could not be deleted", e);
    }
  }
}
