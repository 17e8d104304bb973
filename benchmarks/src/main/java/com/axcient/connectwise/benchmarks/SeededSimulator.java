package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.SimulatorData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Seeds service tickets into a simulator and builds clients for it. */
final class SeededSimulator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HELP_DESK_BOARD = 1;
  private static final long[] COMPANIES = {250, 251, 252, 255};

  private SeededSimulator() {}

  /**
   * Adds tickets through the simulator's data API: the fastest public way in, because it skips
   * HTTP but still applies ConnectWise's checks, defaults and references to every record, so the
   * tickets listed look like the ones a site returns.
   *
   * @return the nanoseconds seeding took
   */
  static long seedTickets(ConnectWiseSimulator cw, int count) {
    SimulatorData data = cw.data();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      ObjectNode ticket = JSON.createObjectNode();
      ticket.put("summary", "Backup failed on APPLIANCE-" + (i % 997) + " for volume " + i);
      ticket.putObject("board").put("id", HELP_DESK_BOARD);
      ticket.putObject("company").put("id", COMPANIES[i % COMPANIES.length]);
      ticket.put("externalXRef", "cwsync:bench:alert-" + i + ":1");
      ticket.put("severity", "High");
      ticket.put("impact", "Medium");
      data.create("/service/tickets", ticket);
    }
    return System.nanoTime() - start;
  }

  /** A client for a site with the simulator's credentials, configured as an embedder would. */
  static ConnectWiseClient client(String siteUrl, ConnectWiseSimulator cw) {
    return ConnectWiseClient.builder()
        .site(siteUrl)
        .allowInsecureHttp(true)
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .clientId(cw.clientId())
        .build();
  }
}
