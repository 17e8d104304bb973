package com.axcient.connectwise.integration.core.diagnostics;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Settings and clients for a simulated ConnectWise. */
final class Simulators {

  private Simulators() {}

  /** The settings a user would enter for the simulator. */
  static PsaSettings settings(ConnectWiseSimulator cw) {
    return PsaSettings.builder()
        .site(cw.baseUrl())
        .allowInsecureHttp(true)
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .apiMemberIdentifier(cw.apiMemberIdentifier())
        .build();
  }

  /** A client for these settings that neither retries nor waits long. */
  static ConnectWiseClient client(ConnectWiseSimulator cw, PsaSettings settings) {
    return settings
        .clientBuilder(cw.clientId())
        .retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Every text of a report a user or a log could see. */
  static List<String> texts(ConnectionReport report) {
    return report.steps().stream()
        .flatMap(step -> Stream.concat(Stream.of(step.toString()), step.fix().stream()))
        .toList();
  }
}
