package com.axcient.connectwise.acceptance;

import com.axcient.connectwise.integration.ticketing.AlertState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A reproducible alert stream shared by a test and its child processes: every alert is raised
 * once, and about 60 % of them are cleared some time after their raise.
 */
final class EventPlan {

  /** One event of the plan. */
  record Step(String alertId, AlertState state) {}

  private EventPlan() {}

  static List<Step> of(long seed, String alertPrefix, int alerts) {
    Random random = new Random(seed);
    record Placed(double at, Step step) {}
    List<Placed> placed = new ArrayList<>();
    for (int i = 0; i < alerts; i++) {
      String alertId = alertPrefix + i;
      double raisedAt = random.nextDouble();
      placed.add(new Placed(raisedAt, new Step(alertId, AlertState.RAISED)));
      if (random.nextDouble() < 0.6) {
        placed.add(new Placed(raisedAt + random.nextDouble() * 0.5, new Step(alertId, AlertState.CLEARED)));
      }
    }
    placed.sort(Comparator.comparingDouble(Placed::at));
    return placed.stream().map(Placed::step).toList();
  }
}
