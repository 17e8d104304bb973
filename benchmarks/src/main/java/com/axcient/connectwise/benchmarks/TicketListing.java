package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Scenarios 1 and 2: every ticket of a large site listed through the client against the plain
 * OkHttp + Jackson baseline, in alternating rounds, then the same stream in a child JVM with a
 * capped heap.
 *
 * <p>The tickets are seeded into a simulator; its answers are recorded once and replayed from
 * memory on loopback for the measured rounds ({@link ReplayServer} says why). A short direct
 * comparison against the simulator itself shows how much of a pass is the simulator's own work.
 */
final class TicketListing {

  /** The target of scenario 1: the client takes at most this much longer than the baseline. */
  static final double MAX_CLIENT_TO_BASELINE = 1.15;

  /** Pages listed in the direct comparison against the simulator. */
  static final int DIRECT_PAGES = 5;

  private TicketListing() {}

  static void run(Options options, Table table, PrintStream progress) {
    String s1 = "1 list tickets";
    String s2 = "2 capped heap";
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
      long seeded = cw.data().list("/service/tickets").size();
      progress.printf("Seeding %,d tickets...%n", options.tickets());
      long seedNanos = SeededSimulator.seedTickets(cw, options.tickets());
      long expected = seeded + options.tickets();
      long pages = (expected + ListingPasses.PAGE_SIZE - 1) / ListingPasses.PAGE_SIZE;
      table.info(s1, "seeded through cw.data() (no HTTP)", String.format("%,d tickets in %s (%,.0f/s)",
          options.tickets(), Format.seconds(seedNanos), options.tickets() / (seedNanos / 1e9)));

      progress.println("Recording the simulator's pages...");
      long recordStart = System.nanoTime();
      try (ReplayServer replay = ReplayServer.record(cw)) {
        long recordNanos = System.nanoTime() - recordStart;
        table.info(s1, "simulator: time to serve one page of " + ListingPasses.PAGE_SIZE,
            Format.seconds(recordNanos / pages) + " (whole list: " + Format.seconds(recordNanos) + ")");
        replayed(options, table, s1, cw, replay, expected, pages, progress);
        direct(table, s1, cw, progress);

        progress.printf("Streaming in a child JVM with -Xmx%dm...%n", options.cappedHeapMb());
        CappedStream.Outcome child = CappedStream.launch(replay.baseUrl(), cw, options.cappedHeapMb());
        String value = child.completed()
            ? String.format("%,d tickets (%,.1f MB of JSON) in %s", child.records(),
                replay.bytes() / 1048576.0, Format.seconds(child.wallNanos()))
            : "failed: " + child.failure();
        table.target(s2, "stream with -Xmx" + options.cappedHeapMb() + "m in a child JVM", value,
            String.format("completes, %,d tickets", expected),
            child.completed() && child.records() == expected);
        if (child.completed()) {
          table.info(s2, "child's heap: sum of the pools' peaks", String.format("%,.1f MB of %,.1f MB",
              child.peakHeapBytes() / 1048576.0, child.maxHeapBytes() / 1048576.0));
        }
      }
    }
  }

  /**
   * A few pages straight from the simulator, after the replayed rounds warmed both sides up, in
   * both orders: the simulator's own cost dominates both sides alike.
   */
  private static void direct(Table table, String s1, ConnectWiseSimulator cw, PrintStream progress) {
    progress.printf("Listing %d pages straight from the simulator, twice each...%n", DIRECT_PAGES);
    long limit = (long) DIRECT_PAGES * ListingPasses.PAGE_SIZE;
    ListingPasses raw = new ListingPasses(cw.apiUrl(), cw.authorizationHeader(), cw.clientId());
    try (ConnectWiseClient client = SeededSimulator.client(cw.baseUrl(), cw)) {
      long c = ListingPasses.client(client, limit).wallNanos();
      long b = raw.baseline(limit).wallNanos();
      b += raw.baseline(limit).wallNanos();
      c += ListingPasses.client(client, limit).wallNanos();
      table.info(s1, "straight from the simulator, " + DIRECT_PAGES + " pages: client / baseline wall",
          String.format("%s (%s / %s for two passes)", Format.ratio((double) c / b),
              Format.seconds(c), Format.seconds(b)));
    }
  }

  private static void replayed(Options options, Table table, String s1, ConnectWiseSimulator cw,
      ReplayServer replay, long expected, long pages, PrintStream progress) {
    String apiUrl = replay.baseUrl() + "/" + cw.codebase() + "apis/3.0";
    ListingPasses raw = new ListingPasses(apiUrl, cw.authorizationHeader(), cw.clientId());
    try (ConnectWiseClient client = SeededSimulator.client(replay.baseUrl(), cw)) {
      List<Supplier<ListingPasses.Pass>> kinds = List.of(
          () -> ListingPasses.client(client), raw::baseline, raw::bytesOnly, raw::typedOverPlainOkHttp);
      progress.printf("Warming up (%d pass(es) of each)...%n", options.warmups());
      for (int i = 0; i < options.warmups(); i++) {
        kinds.forEach(Supplier::get);
      }
      List<ListingPasses.Pass> clients = new ArrayList<>();
      List<ListingPasses.Pass> baselines = new ArrayList<>();
      List<ListingPasses.Pass> floors = new ArrayList<>();
      List<ListingPasses.Pass> typed = new ArrayList<>();
      for (int round = 0; round < options.rounds(); round++) {
        progress.printf("Round %d of %d...%n", round + 1, options.rounds());
        // Rotate the order so that neither side always runs on a freshly collected heap.
        for (int k = 0; k < kinds.size(); k++) {
          int which = (k + round) % kinds.size();
          ListingPasses.Pass pass = kinds.get(which).get();
          List.of(clients, baselines, floors, typed).get(which).add(pass);
        }
      }
      boolean complete = clients.stream().allMatch(p -> p.records() == expected)
          && baselines.stream().allMatch(p -> p.records() == expected)
          && typed.stream().allMatch(p -> p.records() == expected)
          && clients.get(0).checksum() == baselines.get(0).checksum();
      table.target(s1, "tickets listed by each side, every round", String.format(
          "%,d in %,d pages of %,d", clients.get(0).records(), pages, ListingPasses.PAGE_SIZE),
          String.format("%,d, same checksum", expected), complete);
      double wallRatio = medianRatio(clients, baselines, ListingPasses.Pass::wallNanos);
      table.target(s1, "replayed pages: wall time, client / baseline (median of " + options.rounds()
              + " rounds)", Format.ratio(wallRatio), "<= " + MAX_CLIENT_TO_BASELINE,
          wallRatio <= MAX_CLIENT_TO_BASELINE);
      table.info(s1, "replayed pages: caller-thread CPU, client / baseline",
          Format.ratio(medianRatio(clients, baselines, ListingPasses.Pass::cpuNanos)));
      table.info(s1, "replayed pages: typed records over plain OkHttp / baseline, CPU (decoding's share)",
          Format.ratio(medianRatio(typed, baselines, ListingPasses.Pass::cpuNanos)));
      table.info(s1, "replayed pages: client / typed records over plain OkHttp, CPU (pipeline's share)",
          Format.ratio(medianRatio(clients, typed, ListingPasses.Pass::cpuNanos)));
      table.info(s1, "replayed pages: client wall / CPU per pass (median)", timing(clients, expected));
      table.info(s1, "replayed pages: baseline wall / CPU per pass (median)", timing(baselines, expected));
      table.info(s1, "replayed pages: bytes only, wall per pass (median)", String.format("%s for %,.1f MB",
          Format.seconds(median(floors, ListingPasses.Pass::wallNanos)), floors.get(0).checksum() / 1048576.0));
    }
  }

  private static String timing(List<ListingPasses.Pass> passes, long records) {
    long wall = median(passes, ListingPasses.Pass::wallNanos);
    return String.format("%s / %s (%,.0f tickets/s)", Format.seconds(wall),
        Format.seconds(median(passes, ListingPasses.Pass::cpuNanos)), records / (wall / 1e9));
  }

  static long median(List<ListingPasses.Pass> passes, ToLongFunction<ListingPasses.Pass> figure) {
    long[] values = passes.stream().mapToLong(figure).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  /** The median of the per-round ratios, so that drift across rounds cancels out. */
  static double medianRatio(List<ListingPasses.Pass> top, List<ListingPasses.Pass> bottom,
      ToLongFunction<ListingPasses.Pass> figure) {
    double[] ratios = new double[top.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = (double) figure.applyAsLong(top.get(i)) / figure.applyAsLong(bottom.get(i));
    }
    Arrays.sort(ratios);
    int n = ratios.length;
    return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  }
}
