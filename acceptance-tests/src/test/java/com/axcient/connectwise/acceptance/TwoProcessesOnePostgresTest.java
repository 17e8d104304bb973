package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.OutboxCounts;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.integration.ticketing.AlertState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two product JVMs share one PostgreSQL and both receive the same alert stream: every alert
 * incident gets exactly one ticket, and the last event (a clear, where there is one) wins.
 */
class TwoProcessesOnePostgresTest {

  private static final long SEED = 7L;
  private static final int ALERTS = 40;

  @Test
  void twoJvmsOnOneDatabaseOpenOneTicketPerIncident() throws Exception {
    List<EventPlan.Step> plan = EventPlan.of(SEED, "pg-", ALERTS);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Sim sim = new Sim(Clock.systemUTC())) {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE shared_state");
      }
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/shared_state";
      // Slow creates keep both instances busy with the same alerts at the same time.
      sim.cw.faults().on("POST", "/service/tickets").always().latency(Duration.ofMillis(30));

      try (ChildJvm a = ChildJvm.start("postgres-a", args(sim, url, "instance-a"));
          ChildJvm b = ChildJvm.start("postgres-b", args(sim, url, "instance-b"))) {
        assertThat(a.await(150)).as("instance a, output %s", a.lines()).isZero();
        assertThat(b.await(150)).as("instance b, output %s", b.lines()).isZero();
        assertThat(a.accepted()).hasSize(plan.size());
        assertThat(b.accepted()).hasSize(plan.size());
        assertThat(a.lines()).contains("DONE queued=0 inFlight=0 dead=0");
        assertThat(b.lines()).contains("DONE queued=0 inFlight=0 dead=0");
      }
      // Each instance reports the moment its own wait ended; the shared store shows that
      // whatever one queued after the other stopped was drained too.
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(url);
      ds.setUser("postgres");
      try (StateStore state = JdbcStateStore.open(ds, Clock.systemUTC())) {
        OutboxCounts counts = state.outbox().counts();
        assertThat(counts.pending()).as("pending items left").isZero();
        assertThat(counts.claimed()).as("claimed items left").isZero();
        assertThat(counts.dead()).as("dead letters").isZero();
      }

      Map<String, AlertState> last = new HashMap<>();
      plan.forEach(step -> last.put(step.alertId(), step.state()));
      List<ObjectNode> tickets = sim.ticketsWithKeyPrefix(Sim.INSTALL + ":pg-");
      assertThat(tickets).extracting(t -> t.path("externalXRef").asText()).doesNotHaveDuplicates();
      assertThat(tickets).hasSize(ALERTS);
      assertThat(sim.ticketPosts()).isEqualTo(ALERTS);
      for (ObjectNode ticket : tickets) {
        String alertId = ticket.path("externalXRef").asText().split(":")[2];
        assertThat(ticket.path("closedFlag").asBoolean())
            .as("closed flag of %s", alertId)
            .isEqualTo(last.get(alertId) == AlertState.CLEARED);
      }
    }
  }

  private static List<String> args(Sim sim, String url, String instance) {
    return List.of(
        sim.cw.baseUrl(),
        sim.cw.apiMemberIdentifier(),
        sim.cw.clientId(),
        "pg:" + url,
        instance,
        Long.toString(SEED),
        "pg-",
        Integer.toString(ALERTS),
        "0",
        // Well above any pause of a busy machine: the instances share work by claims, not expiry.
        "10");
  }
}
