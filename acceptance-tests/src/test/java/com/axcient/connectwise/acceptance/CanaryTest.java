package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.integration.billing.BillingMapping;
import com.axcient.connectwise.integration.billing.BillingPlan;
import com.axcient.connectwise.integration.billing.BillingResult;
import com.axcient.connectwise.integration.billing.BillingService;
import com.axcient.connectwise.integration.billing.StorageReport;
import com.axcient.connectwise.integration.core.settings.files.ImportOptions;
import com.axcient.connectwise.integration.core.settings.files.SettingsExport;
import com.axcient.connectwise.integration.core.settings.files.SettingsFiles;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.testkit.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY.md section 3, cases 21 to 23, across the suite: every simulator of the suite
 * (and of its child JVMs) runs with the canary private key and every logger at TRACE, wire
 * logging included. Runs last: after its own tour of every module it reads every log the suite
 * wrote, every exported settings file and every thread name seen, and finds the key in none.
 */
@Order(Integer.MAX_VALUE)
class CanaryTest {

  /** Marks what a server echoes of our request; must never reach a log verbatim. */
  private static final String ECHO = "EchoedRequest-5fd1";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final List<String> exceptions = new ArrayList<>();
  private final List<String> strings = new ArrayList<>();

  @Test
  void theCanaryKeyIsNowhereAfterTheWholeSuite() throws Exception {
    Path exports = SuiteWatch.logFolder().resolve("exports");
    Files.createDirectories(exports);
    try (Sim sim = new Sim(clock)) {
      clientTour(sim);
      ticketingTour(sim);
      billingTour(sim);
      exportTour(sim, exports);
    }

    List<String> forms = Canary.forms();
    try (Stream<Path> files = Files.walk(SuiteWatch.logFolder())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String form : forms) {
          assertThat(text).as("%s must not hold %s", file, form).doesNotContain(form);
        }
        assertThat(text).as("%s must not hold what a server echoed", file).doesNotContain(ECHO);
      }
    }
    assertThat(Files.size(SuiteWatch.logFolder().resolve("suite.log"))).isPositive();
    for (String form : forms) {
      assertThat(exceptions).allSatisfy(e -> assertThat(e).doesNotContain(form));
      assertThat(strings).allSatisfy(s -> assertThat(s).doesNotContain(form));
      assertThat(SuiteWatch.threadNames()).allSatisfy(name -> assertThat(name).doesNotContain(form));
    }
    assertThat(exceptions).hasSizeGreaterThanOrEqualTo(5);
    assertThat(SuiteWatch.threadNames()).anySatisfy(name -> assertThat(name).containsIgnoringCase("okhttp"));
  }

  private void clientTour(Sim sim) {
    try (ConnectWiseClient client = sim.client(b -> b.readTimeout(Duration.ofSeconds(2)))) {
      strings.add(client.toString());
      client.tickets().list(com.axcient.connectwise.client.Query.builder().pageSize(5).build());
      // A server that echoes our request, headers included, in its error message.
      String basic = Base64.getEncoder().encodeToString(
          (Canary.COMPANY + "+" + Canary.PUBLIC_KEY + ":" + Canary.PRIVATE_KEY).getBytes(StandardCharsets.UTF_8));
      sim.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(400)
          .body("application/json", "{\"code\":\"InvalidObject\",\"message\":\"" + ECHO
              + " Authorization: Basic " + basic + " body: snapshot timed out\"}");
      sim.cw.faults().on("GET", "/service/tickets/*").times(1).respondStatus(500)
          .body("text/html", "<html>" + ECHO + " Authorization: Basic " + basic + "</html>");
      sim.cw.faults().on("GET", "/service/boards").times(1).respondStatus(401);
      sim.cw.faults().on("GET", "/company/companies").times(3).dropConnection();
      attempt(() -> client.tickets().create(Ticket.builder().summary("canary").build()));
      attempt(() -> client.tickets().get(41001));
      attempt(() -> client.boards().list(com.axcient.connectwise.client.Query.builder().build()));
      attempt(() -> client.companies().list(com.axcient.connectwise.client.Query.builder().build()));
    }
    try (ConnectWiseClient wrong =
        Sim.psaSettings(sim.cw.baseUrl(), sim.cw.apiMemberIdentifier()).toBuilder()
            .privateKey(Secret.of(Canary.PRIVATE_KEY + "x"))
            .build()
            .clientBuilder(sim.cw.clientId())
            .build()) {
      attempt(() -> wrong.tickets().get(41001));
    }
  }

  private void ticketingTour(Sim sim) {
    try (StateStore store = JdbcStateStore.h2InMemory("canary" + UUID.randomUUID().toString().replace("-", ""), clock);
        TicketingEngine engine = sim.engine(store, "canary", o -> o)) {
      engine.applySettings(Sim.settings());
      sim.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(400)
          .body("application/json", "{\"code\":\"InvalidObject\",\"message\":\"" + ECHO + "\"}");
      sim.cw.faults().on("PATCH", "/service/tickets/*").times(2).respondStatus(401);
      engine.accept(Sim.event("canary-1", AlertState.RAISED, clock.instant()));
      engine.accept(Sim.event("canary-2", AlertState.RAISED, clock.instant()));
      engine.drain();
      engine.accept(Sim.event("canary-2", AlertState.CLEARED, clock.instant()));
      engine.drain();
      clock.advance(Duration.ofMinutes(2));
      engine.updateConnection(sim.psaSettings());
      engine.drain();
      strings.add(engine.toString());
      strings.add(engine.status().toString());
      strings.add(engine.deadLetters().toString());
      strings.add(engine.settings().toString());
      strings.add(sim.psaSettings().toString());
      strings.add(Secret.of(Canary.PRIVATE_KEY).toString());
      assertThat(engine.deadLetters().toString()).doesNotContain(ECHO);
    }
  }

  private void billingTour(Sim sim) {
    try (ConnectWiseClient client = sim.client(b -> b);
        StateStore store = JdbcStateStore.h2InMemory("canarybill" + UUID.randomUUID().toString().replace("-", ""), clock)) {
      sim.cw.faults().on("PATCH", "/finance/agreements/10/additions/500").times(1).respondStatus(401);
      BillingService billing =
          BillingService.builder()
              .client(client)
              .auditLog(store.billingAudit())
              .mappings(List.of(new BillingMapping("appliance-1", 251, 10, 500)))
              .clock(clock)
              .site("canary")
              .build();
      List<StorageReport> reports =
          List.of(StorageReport.builder().reportId("r1").applianceId("appliance-1")
              .protectedSystem("FS01", Map.of("local", 700_000_000_000L)).build());
      BillingPlan plan = billing.plan(reports);
      BillingResult failed = billing.apply(plan);
      BillingResult written = billing.apply(billing.plan(reports));
      strings.add(plan.describe());
      strings.add(failed.toString());
      strings.add(written.toString());
      strings.add(store.billingAudit().since(Instant.EPOCH).toString());
      strings.add(billing.toString());
    }
  }

  private void exportTour(Sim sim, Path exports) throws IOException {
    SettingsFiles files = SettingsFiles.builder().clock(clock).build();
    Path plain = exports.resolve("settings.json");
    Path encrypted = exports.resolve("settings-encrypted.json");
    files.export(plain, SettingsExport.builder(sim.psaSettings()).build());
    files.export(
        encrypted,
        SettingsExport.builder(sim.psaSettings()).passphrase(Secret.of("correct horse battery")).build());
    for (Path file : List.of(plain, encrypted)) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    strings.add(files.toString());
    strings.add(files.importFile(plain, ImportOptions.defaults()).toString());
    try {
      files.importFile(encrypted, ImportOptions.defaults());
    } catch (SettingsImportException e) {
      exceptions.add(trace(e));
    }
    try {
      files.importFile(encrypted, ImportOptions.builder().passphrase(Secret.of("wrong passphrase")).build());
    } catch (SettingsImportException e) {
      exceptions.add(trace(e));
    }
    strings.add(
        files.importFile(encrypted, ImportOptions.builder().passphrase(Secret.of("correct horse battery")).build())
            .toString());
  }

  private void attempt(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      exceptions.add(trace(e));
    }
  }

  private static String trace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out + " " + t;
  }
}
