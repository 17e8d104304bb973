package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int TICKETS_PER_THREAD = 25;

  @Test
  void eightThreadsCreatingAndPatchingTicketsLeaveConsistentData() throws Exception {
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
      RawHttp http = new RawHttp(cw);
      int before = http.get("/service/tickets/count").json().path("count").asInt();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<Long>> work = () -> {
          go.await();
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < TICKETS_PER_THREAD; i++) {
            String key = "t" + thread + "-" + i;
            RawHttp.Reply created = http.post("/service/tickets",
                "{\"summary\":\"" + key + "\",\"company\":{\"id\":251},\"externalXRef\":\"" + key + "\"}");
            assertThat(created.status).as(created.body).isEqualTo(201);
            long id = created.json().path("id").asLong();
            ids.add(id);
            long status = i % 2 == 0 ? 6 : 3;
            RawHttp.Reply patched = http.patch("/service/tickets/" + id,
                "[{\"op\":\"replace\",\"path\":\"status/id\",\"value\":" + status + "},"
                    + "{\"op\":\"replace\",\"path\":\"summary\",\"value\":\"" + key + " patched\"}]");
            assertThat(patched.status).as(patched.body).isEqualTo(200);
            http.patch("/service/tickets/41002",
                "[{\"op\":\"replace\",\"path\":\"summary\",\"value\":\"touched by " + key + "\"}]");
          }
          return ids;
        };
        results.add(pool.submit(work));
      }
      go.countDown();
      Set<Long> ids = new HashSet<>();
      for (Future<List<Long>> result : results) {
        ids.addAll(result.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();

      assertThat(ids).hasSize(THREADS * TICKETS_PER_THREAD);
      assertThat(http.get("/service/tickets/count").json().path("count").asInt())
          .isEqualTo(before + THREADS * TICKETS_PER_THREAD);
      JsonNode all = http.get("/service/tickets?pageSize=1000&conditions="
          + RawHttp.encode("summary like \"%patched\"")).json();
      assertThat(all).hasSize(THREADS * TICKETS_PER_THREAD);
      for (JsonNode ticket : all) {
        boolean closed = ticket.path("status").path("id").asLong() == 6;
        assertThat(ticket.path("closedFlag").asBoolean()).as(ticket.toString()).isEqualTo(closed);
        assertThat(ticket.has("closedDate")).isEqualTo(closed);
        String key = ticket.path("externalXRef").asText();
        assertThat(ticket.path("summary").asText()).isEqualTo(key + " patched");
      }
      assertThat(http.get("/service/tickets/41002").json().path("summary").asText()).startsWith("touched by t");
      assertThat(cw.journal().count("POST", "/service/tickets")).isEqualTo(THREADS * TICKETS_PER_THREAD);
    }
  }
}
