package com.axcient.connectwise.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// docs:start testkit
@ExtendWith(ConnectWiseSimulatorExtension.class)
class TestkitExampleTest {

  @Test
  void listsTheBoardsThroughARateLimit(ConnectWiseSimulator cw) {
    // The first GET of the boards answers 429 with Retry-After: 1.
    cw.faults().on("GET", "/service/boards").times(1).rateLimited(Duration.ofSeconds(1));

    try (ConnectWiseClient client = ConnectWiseClient.builder()
        .site(cw.baseUrl())
        .allowInsecureHttp(true)                   // the simulator speaks plain HTTP
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .clientId(cw.clientId())
        .build()) {
      assertThat(client.boards().list().flatMap(board -> board.name().stream())).contains("Help Desk");
    }

    // The client waited and asked again: the journal shows both requests.
    assertThat(cw.journal().count("GET", "/service/boards")).isEqualTo(2);
  }
}
// docs:end
