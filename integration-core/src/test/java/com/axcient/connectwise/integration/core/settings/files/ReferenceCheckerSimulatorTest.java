package com.axcient.connectwise.integration.core.settings.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException.Reason;
import com.axcient.connectwise.integration.core.settings.files.TestRulesSection.Rules;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Board references checked against the simulated ConnectWise, with the file's own credentials. */
class ReferenceCheckerSimulatorTest {

  private static final TestRulesSection RULES = new TestRulesSection();
  private static final Secret PASSPHRASE = Secret.of("correct horse battery");

  private static ConnectWiseSimulator cw;

  @TempDir Path folder;

  private final SettingsFiles files = SettingsFiles.builder().section(RULES).build();

  @BeforeAll
  static void startSimulator() {
    cw = ConnectWiseSimulator.builder().build().start();
  }

  @AfterAll
  static void stopSimulator() {
    cw.close();
  }

  private static PsaSettings simulatorSettings() {
    return PsaSettings.builder()
        .site(cw.baseUrl())
        .allowInsecureHttp(true)
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .apiMemberIdentifier(cw.apiMemberIdentifier())
        .build();
  }

  /** Checks the board with a client built from the imported settings themselves. */
  private static ImportOptions checkedWithTheFilesCredentials(List<ConnectWiseClient> clients) {
    return ImportOptions.builder()
        .passphrase(PASSPHRASE)
        .referenceChecker(
            candidate -> {
              ConnectWiseClient client =
                  candidate.psaSettings().orElseThrow().clientBuilder(cw.clientId()).build();
              clients.add(client);
              return ReferenceChecker.boardsExist(
                      client,
                      c -> Map.of("sections.ticketing.boardId", c.section(RULES).orElseThrow().boardId()))
                  .check(candidate);
            })
        .build();
  }

  @Test
  void anExistingBoardPassesAndAnUnknownBoardIdChangesNothing() throws Exception {
    List<ConnectWiseClient> clients = new ArrayList<>();
    Path file = folder.resolve("settings.json");
    List<ImportedSettings> applied = new ArrayList<>();
    try {
      files.export(
          file,
          SettingsExport.builder(simulatorSettings())
              .section(RULES, new Rules(1, true))
              .passphrase(PASSPHRASE)
              .iterations(SettingsExport.MIN_ITERATIONS)
              .build());
      files.importInto(file, checkedWithTheFilesCredentials(clients), applied::add);
      assertThat(applied).singleElement().satisfies(s -> assertThat(s.psaSettings()).contains(simulatorSettings()));

      files.export(
          file,
          SettingsExport.builder(simulatorSettings())
              .section(RULES, new Rules(99, true))
              .passphrase(PASSPHRASE)
              .iterations(SettingsExport.MIN_ITERATIONS)
              .build());
      byte[] unknownBoardFile = Files.readAllBytes(file);
      assertThatThrownBy(() -> files.importInto(file, checkedWithTheFilesCredentials(clients), applied::add))
          .isInstanceOfSatisfying(
              SettingsImportException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.BROKEN_REFERENCES))
          .hasMessageContaining(
              "sections.ticketing.boardId: refers to service board 99, which does not exist in"
                  + " ConnectWise")
          .hasMessageNotContaining(cw.privateKey());
      assertThat(applied).hasSize(1);
      assertThat(Files.readAllBytes(file)).isEqualTo(unknownBoardFile);
      assertThat(cw.journal().count("GET", "/service/boards/1")).isEqualTo(1);
      assertThat(cw.journal().count("GET", "/service/boards/99")).isEqualTo(1);
    } finally {
      clients.forEach(ConnectWiseClient::close);
    }
  }
}
