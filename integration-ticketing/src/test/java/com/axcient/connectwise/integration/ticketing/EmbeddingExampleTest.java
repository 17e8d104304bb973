package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.runtime.IntegrationRuntime;
import com.axcient.connectwise.integration.core.runtime.JobRun;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.axcient.connectwise.integration.core.state.StateStore;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of docs/ticketing.md, compiled and run against the simulator. */
class EmbeddingExampleTest {

  @Test
  void theDocumentedEmbeddingOpensATicket(@TempDir Path dataFolder) {
    List<String> acknowledgedAlerts = new ArrayList<>();
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
      PsaSettings psaSettings =
          PsaSettings.builder()
              .site(cw.baseUrl())
              .allowInsecureHttp(true) // the simulator speaks plain HTTP
              .companyId(cw.companyId())
              .publicKey(cw.publicKey())
              .privateKey(Secret.of(cw.privateKey()))
              .apiMemberIdentifier(cw.apiMemberIdentifier())
              .build();
      String registeredClientId = cw.clientId();

      // --- example start
      StateStore state = JdbcStateStore.h2File(dataFolder);
      TicketingEngine engine =
          TicketingEngine.builder()
              .psaSettings(psaSettings)
              .clientId(registeredClientId)
              .stateStore(state)
              .options(TicketingOptions.builder("3f1c2a9e-7b44-4c1e-9a51-0d6f5e2b8c17").build())
              .acknowledger((alertId, ticket) -> acknowledgedAlerts.add(alertId))
              .build();

      // The user's settings: ticketing on, one rule using the API member's default board.
      engine.applySettings(
          TicketingSettings.builder()
              .enabled(true)
              .rule(TicketRule.builder(EventClass.BACKUP_FAILED).build())
              .build());

      IntegrationRuntime runtime =
          IntegrationRuntime.builder()
              .job(engine.outboxJob())
              .job(engine.pollJob())
              .closeWith(engine)
              .closeWith(state)
              .build();
      runtime.start();

      // An alert from the product: durable when accept returns.
      engine.accept(
          AlertEvent.builder()
              .alertId("appliance-7/backup/fs01")
              .eventClass(EventClass.BACKUP_FAILED)
              .device("ACME-APPLIANCE-7")
              .protectedSystem("ACME-FS01")
              .deviceCompany("AcmeDental")
              .message("Backup of ACME-FS01 failed: the volume snapshot timed out")
              .time(Instant.now())
              .state(AlertState.RAISED)
              .build());
      // --- example end

      JobRun run = runtime.runNow("ticketing-outbox");
      assertThat(run.outcome()).isEqualTo(JobRun.Outcome.SUCCEEDED);
      assertThat(cw.data().list("/service/tickets", "externalXRef like \"cwsync:%\"")).hasSize(1);
      runtime.close();
    }
    assertThat(acknowledgedAlerts).isEmpty();
  }
}
