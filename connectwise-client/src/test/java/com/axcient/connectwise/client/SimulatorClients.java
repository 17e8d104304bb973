package com.axcient.connectwise.client;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.time.Duration;

/** Clients of a {@link ConnectWiseSimulator}. */
final class SimulatorClients {

  private SimulatorClients() {}

  /** A builder for a client of the simulator that discovers its codebase and never sleeps. */
  static ConnectWiseClient.Builder builder(ConnectWiseSimulator cw) {
    return ConnectWiseClient.builder()
        .site(cw.baseUrl())
        .allowInsecureHttp(true)
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .clientId(cw.clientId())
        .readTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().sleeper(duration -> {}).build());
  }

  /** A client of the simulator. */
  static ConnectWiseClient client(ConnectWiseSimulator cw) {
    return builder(cw).build();
  }
}
