package com.axcient.connectwise.integration.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurablePolicyVersionStoreTest {

  @TempDir Path folder;

  @Test
  void theAppliedVersionSurvivesARestartAndIsKeptPerDevice() {
    try (JdbcStateStore state = JdbcStateStore.h2File(folder)) {
      PolicyVersionStore device7 = PolicyVersionStore.durable(state.policyVersions(), "appliance-7");
      assertThat(device7.appliedVersion()).isEmpty();
      device7.save("policy-v3", Instant.parse("2026-05-04T09:00:00Z"));
    }

    try (JdbcStateStore state = JdbcStateStore.h2File(folder)) {
      assertThat(PolicyVersionStore.durable(state.policyVersions(), "appliance-7").appliedVersion())
          .contains("policy-v3");
      assertThat(PolicyVersionStore.durable(state.policyVersions(), "appliance-8").appliedVersion())
          .isEmpty();
    }
  }

  @Test
  void aBlankKeyIsRefusedWithTheFix() {
    try (JdbcStateStore state = JdbcStateStore.h2InMemory("policy-keys")) {
      assertThatThrownBy(() -> PolicyVersionStore.durable(state.policyVersions(), " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("device's id");
    }
  }
}
