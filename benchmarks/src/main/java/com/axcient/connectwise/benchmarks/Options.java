package com.axcient.connectwise.benchmarks;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The runner's options; the defaults are the sizes the targets are stated for.
 *
 * @param tickets tickets seeded for scenarios 1 and 2
 * @param rounds measured rounds of scenario 1
 * @param warmups warm-up passes of each side before the rounds
 * @param cappedHeapMb the child JVM's heap cap in scenario 2
 * @param alerts alerts in the storm of scenario 3
 * @param eventsPerAlert events per alert: one raise, repeats, one clear
 * @param postgres whether scenario 3 also measures PostgreSQL
 * @param scenarios which scenarios run
 */
record Options(int tickets, int rounds, int warmups, int cappedHeapMb, int alerts,
    int eventsPerAlert, boolean postgres, Set<Scenario> scenarios) {

  /** The scenarios, by the name used with {@code --only}. */
  enum Scenario {
    LIST,
    STORM,
    FOOTPRINT
  }

  static final String USAGE = String.join("\n",
      "Usage: java -jar connectwise-benchmarks.jar [options]",
      "       java -jar connectwise-benchmarks.jar jmh [JMH options]",
      "  --tickets N           tickets listed in scenarios 1 and 2 (default 100000)",
      "  --rounds N            measured rounds of scenario 1 (default 5)",
      "  --warmups N           warm-up passes of each side (default 2)",
      "  --heap-mb N           heap cap of the scenario 2 child JVM (default 64)",
      "  --alerts N            alerts in the storm of scenario 3 (default 500)",
      "  --events-per-alert N  raise, repeats and clear per alert, at least 2 (default 20)",
      "  --no-postgres         skip the PostgreSQL half of scenario 3",
      "  --only a,b            run only these scenarios: list, storm, footprint");

  static Options defaults() {
    return new Options(100_000, 5, 2, 64, 500, 20, true, EnumSet.allOf(Scenario.class));
  }

  /** Parses the command line; an {@link IllegalArgumentException} names the bad option. */
  static Options parse(List<String> args) {
    Options o = defaults();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (name.equals("--no-postgres")) {
        o = new Options(o.tickets, o.rounds, o.warmups, o.cappedHeapMb, o.alerts, o.eventsPerAlert,
            false, o.scenarios);
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("Unknown option or missing value: " + name);
      }
      String value = args.get(++i);
      switch (name) {
        case "--tickets" -> o = new Options(number(name, value, 1), o.rounds, o.warmups,
            o.cappedHeapMb, o.alerts, o.eventsPerAlert, o.postgres, o.scenarios);
        case "--rounds" -> o = new Options(o.tickets, number(name, value, 1), o.warmups,
            o.cappedHeapMb, o.alerts, o.eventsPerAlert, o.postgres, o.scenarios);
        case "--warmups" -> o = new Options(o.tickets, o.rounds, number(name, value, 0),
            o.cappedHeapMb, o.alerts, o.eventsPerAlert, o.postgres, o.scenarios);
        case "--heap-mb" -> o = new Options(o.tickets, o.rounds, o.warmups, number(name, value, 16),
            o.alerts, o.eventsPerAlert, o.postgres, o.scenarios);
        case "--alerts" -> o = new Options(o.tickets, o.rounds, o.warmups, o.cappedHeapMb,
            number(name, value, 1), o.eventsPerAlert, o.postgres, o.scenarios);
        case "--events-per-alert" -> o = new Options(o.tickets, o.rounds, o.warmups,
            o.cappedHeapMb, o.alerts, number(name, value, 2), o.postgres, o.scenarios);
        case "--only" -> o = new Options(o.tickets, o.rounds, o.warmups, o.cappedHeapMb, o.alerts,
            o.eventsPerAlert, o.postgres, scenarios(value));
        default -> throw new IllegalArgumentException("Unknown option: " + name);
      }
    }
    return o;
  }

  private static int number(String name, String value, int min) {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the option's name.
    }
    throw new IllegalArgumentException(name + " needs a whole number of at least " + min + ", was '"
        + value + "'");
  }

  private static Set<Scenario> scenarios(String value) {
    Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
    for (String part : value.split(",")) {
      try {
        chosen.add(Scenario.valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--only: '" + part.trim()
            + "' is not a scenario; use list, storm or footprint", e);
      }
    }
    return chosen;
  }
}
