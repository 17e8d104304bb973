package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.billing.BillingMapping;
import com.axcient.connectwise.integration.billing.BillingService;
import com.axcient.connectwise.integration.billing.StorageReport;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.testkit.MutableClock;
import com.axcient.connectwise.testkit.RecordedCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY.md section 3, case 18: billing writes are absolute, so retries and concurrent runs
 * can only ever leave one of the computed quantities, never a sum.
 */
class BillingConcurrencyTest {

  private static final long AGREEMENT = 10;
  private static final long ADDITION = 500;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T02:00:00Z"));

  private static List<StorageReport> report(long bytes) {
    return List.of(StorageReport.builder().reportId("r-" + bytes).applianceId("appliance-1")
        .protectedSystem("FS01", Map.of("local", bytes)).build());
  }

  @Test
  void concurrentAndRetriedRunsLeaveOneOfTheComputedQuantitiesNeverASum() throws Exception {
    try (Sim sim = new Sim(clock);
        ConnectWiseClient client = sim.client(b -> b);
        StateStore store = JdbcStateStore.h2InMemory("bill" + UUID.randomUUID().toString().replace("-", ""), clock)) {
      BillingService billing =
          BillingService.builder()
              .client(client)
              .auditLog(store.billingAudit())
              .mappings(List.of(new BillingMapping("appliance-1", 251, AGREEMENT, ADDITION)))
              .clock(clock)
              .site("acme")
              .build();
      String path = "/finance/agreements/" + AGREEMENT + "/additions/" + ADDITION;

      // A write applied but answered 500 is simply written again: the same absolute value.
      sim.cw.faults().on("PATCH", path).times(1).respondStatus(500).afterWrite();
      billing.apply(report(700_000_000_000L));
      billing.apply(report(700_000_000_000L));
      assertThat(quantity(sim, path)).isEqualTo(700.0);

      // Two runs with different reports race eight times each.
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<?>> runs = new ArrayList<>();
      for (long bytes : new long[] {800_000_000_000L, 900_000_000_000L}) {
        runs.add(CompletableFuture.runAsync(() -> {
          await(start);
          for (int i = 0; i < 8; i++) {
            billing.apply(report(bytes));
          }
        }));
      }
      start.countDown();
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      assertThat(quantity(sim, path)).isIn(800.0, 900.0);
      List<RecordedCall> writes = sim.cw.journal().calls("PATCH", path);
      assertThat(writes).isNotEmpty().allSatisfy(w -> assertThat(w.body())
          .matches("\\[\\{\"op\":\"replace\",\"path\":\"/?quantity\",\"value\":(700|800|900)(\\.0+)?\\}\\]"));
      assertThat(store.billingAudit().forAddition("acme", ADDITION))
          .allSatisfy(e -> assertThat(e.newQuantity().doubleValue()).isIn(700.0, 800.0, 900.0));
    }
  }

  private static double quantity(Sim sim, String path) {
    return sim.cw.data().get(path).orElseThrow().path("quantity").asDouble();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
