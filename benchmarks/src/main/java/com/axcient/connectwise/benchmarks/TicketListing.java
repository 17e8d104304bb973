package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Scenarios 1 and 2: every ticket of a large site listed through the client against the plain
 * OkHttp + Jackson baseline, on one simulator, in alternating rounds; then the same stream in a
 * child JVM with a capped heap.
 */
final class TicketListing {

  /** The target of scenario 1: the client takes at most this much longer than the baseline. */
  static final double MAX_CLIENT_TO_BASELINE = 1.15;

  private TicketListing() {}

  static void run(Options options, Table table, PrintStream progress) {
    String s1 = "1 list tickets";
    String s2 = "2 capped heap";
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start();
        ConnectWiseClient client = SeededSimulator.client(cw)) {
      long seeded = cw.data().list("/service/tickets").size();
      progress.printf("Seeding %,d tickets...%n", options.tickets());
      long seedNanos = SeededSimulator.seedTickets(cw, options.tickets());
      long expected = seeded + options.tickets();
      table.info(s1, "seeded through cw.data() (no HTTP)", String.format("%,d tickets in %s (%,.0f/s)",
          options.tickets(), Format.seconds(seedNanos), options.tickets() / (seedNanos / 1e9)));

      ListingPasses raw = new ListingPasses(cw.apiUrl(), cw.authorizationHeader(), cw.clientId());
      List<Supplier<ListingPasses.Pass>> kinds = List.of(
          () -> ListingPasses.client(client), raw::baseline, raw::bytesOnly);
      progress.printf("Warming up (%d pass(es) of each)...%n", options.warmups());
      for (int i = 0; i < options.warmups(); i++) {
        kinds.forEach(Supplier::get);
      }
      List<ListingPasses.Pass> clients = new ArrayList<>();
      List<ListingPasses.Pass> baselines = new ArrayList<>();
      List<ListingPasses.Pass> floors = new ArrayList<>();
      for (int round = 0; round < options.rounds(); round++) {
        progress.printf("Round %d of %d...%n", round + 1, options.rounds());
        // Rotate the order so that neither side always runs on a freshly collected heap.
        for (int k = 0; k < kinds.size(); k++) {
          int which = (k + round) % kinds.size();
          ListingPasses.Pass pass = kinds.get(which).get();
          (which == 0 ? clients : which == 1 ? baselines : floors).add(pass);
        }
      }
      boolean complete = clients.stream().allMatch(p -> p.records() == expected)
          && baselines.stream().allMatch(p -> p.records() == expected)
          && clients.get(0).checksum() == baselines.get(0).checksum();
      long pages = (expected + ListingPasses.PAGE_SIZE - 1) / ListingPasses.PAGE_SIZE;
      table.target(s1, "tickets listed by each side, every round", String.format(
          "%,d in %,d pages of %,d", clients.get(0).records(), pages, ListingPasses.PAGE_SIZE),
          String.format("%,d, same checksum", expected), complete);

      double wallRatio = medianRatio(clients, baselines, ListingPasses.Pass::wallNanos);
      table.target(s1, "wall time, client / baseline (median of " + options.rounds() + " rounds)",
          Format.ratio(wallRatio), "<= " + MAX_CLIENT_TO_BASELINE, wallRatio <= MAX_CLIENT_TO_BASELINE);
      table.info(s1, "caller-thread CPU, client / baseline", Format.ratio(
          medianRatio(clients, baselines, ListingPasses.Pass::cpuNanos)));
      table.info(s1, "server and wire share of the baseline's wall time", Format.percent(
          medianRatio(floors, baselines, ListingPasses.Pass::wallNanos)));
      table.info(s1, "client wall / CPU per pass (median)", timing(clients, expected));
      table.info(s1, "baseline wall / CPU per pass (median)", timing(baselines, expected));
      table.info(s1, "bytes only wall per pass (median)", String.format("%s, %,.1f MB",
          Format.seconds(median(floors, ListingPasses.Pass::wallNanos)),
          floors.get(0).checksum() / 1e6));

      progress.printf("Streaming in a child JVM with -Xmx%dm...%n", options.cappedHeapMb());
      CappedStream.Outcome child = CappedStream.launch(cw, options.cappedHeapMb());
      String value = child.completed()
          ? String.format("%,d tickets in %s", child.records(), Format.seconds(child.wallNanos()))
          : "failed: " + child.failure();
      table.target(s2, "stream with -Xmx" + options.cappedHeapMb() + "m in a child JVM", value,
          String.format("completes, %,d tickets", expected),
          child.completed() && child.records() == expected);
      if (child.completed()) {
        table.info(s2, "child's peak heap used", String.format("%,.1f MB of %,.1f MB",
            child.peakHeapBytes() / 1048576.0, child.maxHeapBytes() / 1048576.0));
      }
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
    java.util.Arrays.sort(ratios);
    int n = ratios.length;
    return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  }
}
