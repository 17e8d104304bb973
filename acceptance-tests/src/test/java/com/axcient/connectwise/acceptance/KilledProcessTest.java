package com.axcient.connectwise.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.integration.ticketing.AlertState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's JVM is killed ({@code destroyForcibly}) at random points of a ticket run on the
 * H2 file store and restarted, several times: every accepted alert ends with exactly one ticket,
 * and every accepted clear closed it.
 */
class KilledProcessTest {

  private static final long SEED = 20261201L;
  private static final int ALERTS = 40;
  private static final int KILLS = 5;

  @Test
  void killedAndRestartedRunsLeaveOneTicketPerAlertAndCloseEveryClearedOne(@TempDir Path folder)
      throws Exception {
    List<EventPlan.Step> plan = EventPlan.of(SEED, "kill-", ALERTS);
    Random random = new Random(SEED);
    try (Sim sim = new Sim(Clock.systemUTC())) {
      // Slow writes widen the window in which a kill lands between a POST and its answer.
      sim.cw.faults().on("POST", "/service/tickets").always().latency(Duration.ofMillis(40));
      sim.cw.faults().on("PATCH", "/service/tickets/*").always().latency(Duration.ofMillis(20));
      Set<Integer> accepted = new TreeSet<>();
      int next = 0;
      for (int round = 0; round < KILLS && next < plan.size(); round++) {
        int target = next + 4 + random.nextInt(12);
        try (ChildJvm child = ChildJvm.start("killed-" + round, args(sim, folder, next))) {
          long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          while (child.isAlive()
              && lastOf(child.accepted(), -1) < target
              && System.nanoTime() < deadline) {
            Thread.sleep(5);
          }
          // Let it run on a little: the kill then lands anywhere, also inside a POST.
          Thread.sleep(random.nextInt(150));
          child.kill();
          accepted.addAll(child.accepted());
          next = lastOf(child.accepted(), next - 1) + 1;
        }
      }
      try (ChildJvm last = ChildJvm.start("killed-final", args(sim, folder, next))) {
        assertThat(last.await(120)).as("final run's exit, output %s", last.lines()).isZero();
        accepted.addAll(last.accepted());
        assertThat(last.lines()).contains("DONE queued=0 inFlight=0 dead=0");
      }

      assertThat(accepted).containsAll(range(plan.size()));
      Map<String, AlertState> finalState = new HashMap<>();
      plan.forEach(step -> finalState.put(step.alertId(), step.state()));
      List<ObjectNode> tickets = sim.ticketsWithKeyPrefix(Sim.INSTALL + ":kill-");
      Map<String, Long> perKey = new HashMap<>();
      tickets.forEach(t -> perKey.merge(t.path("externalXRef").asText(), 1L, Long::sum));
      assertThat(perKey).as("tickets per correlation key").allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
      assertThat(tickets).hasSize(ALERTS);
      for (ObjectNode ticket : tickets) {
        String key = ticket.path("externalXRef").asText();
        String alertId = key.split(":")[2];
        assertThat(key).isEqualTo("cwsync:" + Sim.INSTALL + ":" + alertId + ":1");
        assertThat(ticket.path("closedFlag").asBoolean())
            .as("closed flag of %s", alertId)
            .isEqualTo(finalState.get(alertId) == AlertState.CLEARED);
      }
    }
  }

  private static List<String> args(Sim sim, Path folder, int from) {
    return List.of(
        sim.cw.baseUrl(),
        sim.cw.apiMemberIdentifier(),
        sim.cw.clientId(),
        "h2:" + folder.toAbsolutePath(),
        "instance-" + from,
        Long.toString(SEED),
        "kill-",
        Integer.toString(ALERTS),
        Integer.toString(from),
        "2");
  }

  private static int lastOf(List<Integer> values, int orElse) {
    return values.isEmpty() ? orElse : values.get(values.size() - 1);
  }

  private static List<Integer> range(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }
}
