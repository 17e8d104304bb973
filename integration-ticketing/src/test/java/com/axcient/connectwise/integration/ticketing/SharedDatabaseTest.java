package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several instances sharing one PostgreSQL (RELIABILITY.md section 3, cases 6 and 7). */
class SharedDatabaseTest {

  private static EmbeddedPostgres postgres;
  private static int databases;

  private final Harness h = new Harness();
  private StateStore storeA;
  private StateStore storeB;
  private TicketingEngine a;
  private TicketingEngine b;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void twoInstances() throws Exception {
    String name = "ticketing_" + (++databases);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    DataSource db = postgres.getDatabase("postgres", name);
    storeA = JdbcStateStore.open(db, h.clock);
    storeB = JdbcStateStore.open(db, h.clock);
    a = h.newEngine(storeA, "instance-a", o -> o.lease(Duration.ofMinutes(1)));
    b = h.newEngine(storeB, "instance-b", o -> o.lease(Duration.ofMinutes(1)));
    TicketingSettings settings =
        TicketingSettings.builder().enabled(true).rule(TicketRule.builder(EventClass.BACKUP_FAILED).build()).build();
    a.applySettings(settings);
    b.applySettings(settings);
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    storeA.close();
    storeB.close();
    h.close();
  }

  @Test
  void case6TwoInstancesRacingForTheSameAlertsPostEachTicketOnce() throws Exception {
    int alerts = 20;
    List<AlertEvent> raises = new ArrayList<>();
    for (int i = 0; i < alerts; i++) {
      raises.add(h.raise("race-" + i));
    }
    a.acceptAll(raises);
    b.acceptAll(raises);

    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<Integer> runA = CompletableFuture.supplyAsync(() -> awaitThen(start, a));
    CompletableFuture<Integer> runB = CompletableFuture.supplyAsync(() -> awaitThen(start, b));
    start.countDown();
    runA.get(60, TimeUnit.SECONDS);
    runB.get(60, TimeUnit.SECONDS);
    a.drain();
    b.drain();

    for (int i = 0; i < alerts; i++) {
      assertThat(h.ticketsOf("race-" + i)).as("tickets of race-" + i).hasSize(1);
    }
    assertThat(h.ticketPosts()).isEqualTo(alerts);
    assertThat(a.status().queued()).isZero();
  }

  private static int awaitThen(CountDownLatch start, TicketingEngine engine) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    return engine.drain();
  }

  @Test
  void case7AfterALeaseExpiresTheNextInstanceAdoptsTheTicketAndTheLateWriteIsRejected() throws Exception {
    h.cw.faults().on("POST", "/service/tickets").times(1).latency(Duration.ofMillis(1500));
    a.accept(h.raise("slow"));
    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(a::runOnce);

    // Wait (bounded) until ConnectWise has created the ticket; its answer is still on its way.
    for (int i = 0; i < 100 && h.ticketPosts() == 0; i++) {
      Thread.sleep(10);
    }
    assertThat(h.ticketPosts()).isEqualTo(1);
    h.clock.advance(Duration.ofMinutes(2));
    b.drain();
    slow.get(30, TimeUnit.SECONDS);

    assertThat(h.ticketsOf("slow")).hasSize(1);
    assertThat(h.ticketPosts()).isEqualTo(1);
    List<com.axcient.connectwise.testkit.RecordedCall> searches = h.cw.journal().calls("GET", "/service/tickets");
    assertThat(searches).anySatisfy(c -> assertThat(c.queryParameter("conditions")).hasValue("externalXRef = \"cwsync:install-1:slow:1\""));

    b.accept(h.clear("slow"));
    b.drain();
    a.drain();
    assertThat(h.ticketsOf("slow").get(0).path("closedFlag").asBoolean()).isTrue();
    assertThat(a.status().queued()).isZero();
  }
}
