package com.axcient.connectwise.samples.examples;

import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.TicketLink;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import java.time.Instant;
import java.util.Map;

/**
 * Ticketing: a backup alert opens a ticket, its repeat adds a note, its clear closes the ticket;
 * on the simulator a technician then closes a second alert's ticket in ConnectWise and the poll
 * acknowledges that alert in the product.
 *
 * <p>On a site given as the argument (a real one, or a simulator started with {@code
 * connectwise-samples simulator}) it opens and closes one ticket on the API member's default
 * service board, for the company whose identifier is in {@code CW_TICKET_COMPANY}. Run it with
 * {@code java -cp samples/target/connectwise-samples.jar
 * com.axcient.connectwise.samples.examples.TicketingExample [site]}; see {@link ExampleSite}.
 */
public final class TicketingExample {

  /** The installation's stable ID: part of every ticket's correlation key. */
  private static final String INSTALL_ID = "0b6e3c52-9a8f-4d27-8e61-4f2d7c9b1a30";

  private TicketingExample() {}

  /**
   * Runs the example.
   *
   * @param args nothing (a simulator is started), or the ConnectWise site
   */
  public static void main(String[] args) {
    ExampleSite.runOrExit(() -> run(args));
  }

  /** Runs the example; a wrong setting is thrown, for {@link #main} to print in one line. */
  static void run(String[] args) {
    try (ExampleSite site = ExampleSite.from(args);
        JdbcStateStore state = JdbcStateStore.h2InMemory("ticketing-example")) {
      String company =
          site.value("CW_TICKET_COMPANY", "AcmeDental", "the identifier of the company the ticket is for");
      System.out.println("Ticketing against " + site);

      // docs:start ticketing-engine
      PsaSettings settings = PsaSettings.builder()
          .site(site.url())
          .companyId(site.companyId())
          .publicKey(site.publicKey())
          .privateKey(site.privateKey())
          .apiMemberIdentifier(site.apiMember())    // its default service board gets the tickets
          .allowInsecureHttp(site.isLocal())
          .build();

      TicketingEngine engine = TicketingEngine.builder()
          .psaSettings(settings)
          .clientId(site.clientId())
          .stateStore(state)                        // the outbox and the alert-to-ticket links
          .options(TicketingOptions.builder(INSTALL_ID).build())
          .acknowledger((alertId, ticket) -> System.out.println(
              "Alert " + alertId + " acknowledged: ticket #" + ticket.ticketId() + " was closed in"
                  + " ConnectWise (" + ticket.statusName().orElse("closed") + ")"))
          .build();

      // Ticketing on, one rule: failed backups open tickets; the rule's checks run in ConnectWise.
      engine.applySettings(TicketingSettings.builder()
          .enabled(true)
          .rule(TicketRule.builder(EventClass.BACKUP_FAILED)
              .summaryTemplate("Backup failed: {protectedSystem} on {device}")
              .build())
          .build());
      // docs:end

      try (engine) {
        // docs:start ticketing-alert
        engine.accept(AlertEvent.builder()
            .alertId("fs01-backup")                  // stable across the alert's events
            .eventClass(EventClass.BACKUP_FAILED)    // chooses the rule
            .device("appliance-7")
            .protectedSystem("ACME-FS01")
            .deviceCompany(company)                  // the device's service ticket company
            .message("Backup of ACME-FS01 failed: the volume snapshot timed out")
            .time(Instant.now())
            .state(AlertState.RAISED)
            .build());                               // durable in the outbox when accept returns
        engine.drain();   // sends what is due now; an IntegrationRuntime does this on a schedule
        // docs:end
        System.out.println("Raised:   ticket #" + ticketOf(state, engine, "fs01-backup") + " opened");

        engine.accept(backupAlert("fs01-backup", company, AlertState.REPEATED, "Backup failed again"));
        engine.drain();
        System.out.println("Repeated: a note on ticket #" + ticketOf(state, engine, "fs01-backup"));

        engine.accept(backupAlert("fs01-backup", company, AlertState.CLEARED, "Backup succeeded"));
        engine.drain();
        System.out.println("Cleared:  ticket #" + ticketOf(state, engine, "fs01-backup")
            + " closed with a resolution note");

        site.simulator().ifPresent(cw -> {
          engine.accept(backupAlert("sql01-backup", company, AlertState.RAISED, "Backup of SQL01 failed"));
          engine.drain();
          long ticket = ticketOf(state, engine, "sql01-backup");
          // A technician closes the ticket in ConnectWise: status 5 is Help Desk's "Completed".
          cw.data().replace("/service/tickets/" + ticket, "status", Map.of("id", 5));
          System.out.println("A technician closes ticket #" + ticket + " in ConnectWise");
          // docs:start ticketing-poll
          engine.pollOnce();   // finds tickets closed in ConnectWise; the pollJob() runs it every minute
          // docs:end
        });
        System.out.println("Outbox: " + engine.status().queued() + " queued, "
            + engine.status().deadLetters() + " dead letters");
      }
    }
  }

  private static AlertEvent backupAlert(String alertId, String company, AlertState state, String message) {
    return AlertEvent.builder()
        .alertId(alertId)
        .eventClass(EventClass.BACKUP_FAILED)
        .device("appliance-7")
        .protectedSystem(alertId.startsWith("fs01") ? "ACME-FS01" : "ACME-SQL01")
        .deviceCompany(company)
        .message(message)
        .time(Instant.now())
        .state(state)
        .build();
  }

  private static long ticketOf(JdbcStateStore state, TicketingEngine engine, String alertId) {
    return state.ticketLinks().current(engine.site(), alertId)
        .map(TicketLink::ticketId)
        .filter(id -> id.isPresent())
        .map(id -> id.getAsLong())
        .orElseThrow(() -> new IllegalStateException(
            "Alert " + alertId + " has no ticket: " + engine.status()));
  }
}
