package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.FaultTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scripts failures into the simulator, per method and path, for the next requests that match.
 *
 * <pre>{@code
 * simulator.faults().on("POST", "/service/tickets").times(1).dropConnectionAfterWrite();
 * simulator.faults().on("GET", "/service/tickets/*").respondStatus(503).retryAfter(0);
 * simulator.faults().on("*", "/**").times(3).rateLimited(Duration.ofSeconds(7));
 * try (Outage outage = simulator.faults().refuseConnections()) { ... }
 * }</pre>
 *
 * <p>Paths are relative to the API base ({@code /service/tickets}, not {@code
 * /v4_6_release/apis/3.0/service/tickets}); {@code /login/...} paths match the discovery call.
 * In a pattern {@code *} matches one path segment and {@code **} any rest of the path; the query
 * string is ignored. A request takes the first fault that matches and still has uses left.
 */
public final class Faults {

  private final FaultTable table;
  private final ConnectWiseSimulator simulator;

  Faults(FaultTable table, ConnectWiseSimulator simulator) {
    this.table = table;
    this.simulator = simulator;
  }

  /**
   * Starts scripting a fault for requests with this method and path.
   *
   * @param method an HTTP method, or {@code *} for any
   * @param pathPattern a path relative to the API base, with {@code *} and {@code **} wildcards
   * @return the rule to finish with {@link FaultRule#times(int)} and an action
   */
  public FaultRule on(String method, String pathPattern) {
    return new FaultRule(table, method, pathPattern);
  }

  /**
   * Starts an outage: the simulator stops listening, so connections are refused (the request is
   * never sent) until the returned outage ends. Connections already open are closed. Data,
   * faults and the journal are kept; the port stays the same.
   *
   * @return the outage; {@link Outage#end()} (or closing it) brings the simulator back
   */
  public Outage refuseConnections() {
    return simulator.beginOutage();
  }

  /**
   * The faults that still have uses left, in the order they are tried.
   *
   * @return the active faults
   */
  public List<Fault> active() {
    return table.active().stream().map(Fault::new).collect(Collectors.toList());
  }

  /** Removes every scripted fault; an outage in progress is not affected. */
  public void clear() {
    table.clear();
  }
}
