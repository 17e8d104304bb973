package com.axcient.connectwise.integration.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingsSaverTest {

  @RegisterExtension
  static final ConnectWiseSimulatorExtension CW = ConnectWiseSimulatorExtension.perClass();

  private final ConnectWiseSimulator cw = CW.simulator();
  private final List<PsaSettings> stored = new ArrayList<>();
  private final SettingsSaver saver =
      new SettingsSaver(
          ConnectionTest.forClientId(cw.clientId()).withFeatures(EnumSet.of(Feature.TICKETING)),
          stored::add);

  @Test
  void storesSettingsThatPassTheTest() {
    PsaSettings settings = Simulators.settings(cw);

    ConnectionReport report = saver.testAndSave(settings);

    assertThat(report.passed()).isTrue();
    assertThat(stored).containsExactly(settings);
  }

  @Test
  void keepsTheStoredSettingsWhenTheTestFails() {
    PsaSettings mistyped =
        Simulators.settings(cw).toBuilder().privateKey(Secret.of("MistypedKey")).build();

    ConnectionReport report = saver.testAndSave(mistyped);

    assertThat(report.passed()).isFalse();
    assertThat(report.firstFailure().orElseThrow().name()).isEqualTo("Credentials");
    assertThat(stored).isEmpty();
  }

  @Test
  void keepsTheStoredSettingsWhenAPermissionIsMissing() {
    cw.apiMemberRole().revoke(com.axcient.connectwise.testkit.Permission.SERVICE_TICKETS);

    ConnectionReport report = saver.testAndSave(Simulators.settings(cw));

    assertThat(report.passed()).isFalse();
    assertThat(stored).isEmpty();
  }

  @Test
  void savesWithoutTestingOnlyWhenAskedAndSendsNothing() {
    PsaSettings unreachable = Simulators.settings(cw).toBuilder().site("cw.example.invalid").build();

    saver.saveWithoutTesting(unreachable);

    assertThat(stored).containsExactly(unreachable);
    assertThat(cw.journal().size()).isZero();
  }
}
