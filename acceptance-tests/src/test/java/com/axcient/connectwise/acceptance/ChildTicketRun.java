package com.axcient.connectwise.acceptance;

import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.TicketingEngine;
import com.axcient.connectwise.integration.ticketing.TicketingOptions;
import com.axcient.connectwise.integration.ticketing.TicketingStatus;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The product in a child JVM: accepts a planned alert stream from a given position, printing
 * {@code ACCEPTED <index>} once each {@code accept} has returned, works the outbox in between,
 * then drains it and prints {@code DONE dead=<n>}.
 *
 * <p>Arguments: {@code <siteUrl> <apiMember> <clientId> <store> <instance> <seed> <prefix>
 * <alerts> <from> <leaseSeconds>}, where store is {@code h2:<folder>} or {@code pg:<jdbcUrl>}. The private key
 * comes from the environment variable {@code CW_PRIVATE_KEY}, never the command line.
 */
public final class ChildTicketRun {

  private ChildTicketRun() {}

  /**
   * Runs the child.
   *
   * @param args see the class description
   * @throws Exception on any failure: the child exits non-zero
   */
  public static void main(String[] args) throws Exception {
    SuiteWatch.start();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String siteUrl = args[0];
    String apiMember = args[1];
    String clientId = args[2];
    String store = args[3];
    String instance = args[4];
    List<EventPlan.Step> plan = EventPlan.of(Long.parseLong(args[5]), args[6], Integer.parseInt(args[7]));
    int from = Integer.parseInt(args[8]);
    Duration lease = Duration.ofSeconds(Long.parseLong(args[9]));
    if (!Canary.PRIVATE_KEY.equals(System.getenv("CW_PRIVATE_KEY"))) {
      throw new IllegalStateException("CW_PRIVATE_KEY is not the suite's key");
    }

    Clock clock = Clock.systemUTC();
    try (StateStore state = open(store, clock);
        TicketingEngine engine =
            TicketingEngine.builder()
                .psaSettings(Sim.psaSettings(siteUrl, apiMember))
                .clientId(clientId)
                .stateStore(state)
                .clock(clock)
                .options(
                    TicketingOptions.builder(Sim.INSTALL)
                        .instanceId(instance)
                        // Short retries, and a lease as short as the test allows: a killed
                        // process's work is taken over quickly.
                        .lease(lease)
                        .retryDelays(List.of(Duration.ofMillis(200)))
                        .rateLimit(1000, 1000)
                        .circuitBreaker(1000, Duration.ofSeconds(1))
                        .batchSize(10)
                        .build())
                .acknowledger((alertId, ticket) -> {})
                .clientCustomizer(
                    b ->
                        b.readTimeout(Duration.ofSeconds(5))
                            .retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> {}).build()))
                .settings(Sim.settings())
                .build()) {
      for (int i = from; i < plan.size(); i++) {
        EventPlan.Step step = plan.get(i);
        engine.accept(Sim.event(step.alertId(), step.state(), clock.instant()));
        out.println("ACCEPTED " + i);
        if (i % 3 == 0) {
          engine.runOnce();
        }
      }
      // The status that ended the wait is the one reported: another instance sharing the store
      // may queue more work a moment later, which is then that instance's to drain.
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      TicketingStatus status = engine.status();
      while (System.nanoTime() < deadline) {
        engine.drain();
        status = engine.status();
        if (status.queued() == 0 && status.inFlight() == 0) {
          break;
        }
        Thread.sleep(50);
      }
      out.println("DONE queued=" + status.queued() + " inFlight=" + status.inFlight() + " dead=" + status.deadLetters());
    }
  }

  private static StateStore open(String store, Clock clock) {
    if (store.startsWith("h2:")) {
      return JdbcStateStore.h2File(Path.of(store.substring(3)), clock);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(store.substring(3));
    ds.setUser("postgres");
    return JdbcStateStore.open(ds, clock);
  }
}
