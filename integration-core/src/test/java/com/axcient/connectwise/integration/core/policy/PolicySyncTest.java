package com.axcient.connectwise.integration.core.policy;

import static com.axcient.connectwise.integration.core.policy.EffectiveSettingsTest.BILLING;
import static com.axcient.connectwise.integration.core.policy.EffectiveSettingsTest.RULES;
import static com.axcient.connectwise.integration.core.policy.EffectiveSettingsTest.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.integration.core.policy.BillingDefaultsSection.Defaults;
import com.axcient.connectwise.integration.core.policy.SyncResult.Outcome;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.files.TestRulesSection.Rules;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicySyncTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final FakePolicySource source = new FakePolicySource();
  private final InMemoryPolicyVersionStore store = new InMemoryPolicyVersionStore();
  private final RecordingListener listener = new RecordingListener();

  private static final DeviceSettings DEVICE =
      DeviceSettings.builder()
          .credentials(credentials("deviceco"))
          .section(RULES, new Rules(2, false))
          .serviceTicketCompanyId(251)
          .build();

  private static FetchedPolicy policy(String version, long boardId) {
    return new FetchedPolicy(
        version,
        GlobalPolicy.builder()
            .credentials(credentials("policyco"))
            .section(RULES, new Rules(boardId, true))
            .build());
  }

  private PolicySync.Builder sync() {
    return PolicySync.builder(source, store, scheduler)
        .clock(scheduler.clock())
        .device(DEVICE)
        .section(RULES)
        .section(BILLING)
        .listener(listener);
  }

  @Test
  void aNewPolicyIsAppliedRecordedAndAnnouncedOnce() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();

    SyncResult result = sync.syncNow();

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.version()).contains("v1");
    assertThat(result.at()).isEqualTo(scheduler.clock().instant());
    assertThat(result.summary()).isEqualTo("applied policy version v1");
    assertThat(store.appliedVersion()).contains("v1");
    assertThat(store.appliedAt()).contains(scheduler.clock().instant());
    assertThat(sync.effectiveSettings().section(RULES)).isEqualTo(Sourced.fromPolicy(new Rules(1, true)));
    assertThat(sync.effectiveSettings().credentials().source()).isEqualTo(Source.POLICY);
    assertThat(listener.changes).containsExactly(sync.effectiveSettings());

    assertThat(sync.syncNow().outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(source.knownVersions).containsExactly(Optional.empty(), Optional.of("v1"));
    assertThat(listener.changes).hasSize(1);
  }

  @Test
  void aSourceWithoutEtagsThatReturnsTheSameVersionChangesNothing() {
    source.current = policy("v1", 1);
    source.ignoresKnownVersion = true;
    PolicySync sync = sync().build();
    sync.syncNow();

    SyncResult again = sync.syncNow();

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(listener.changes).hasSize(1);
  }

  @Test
  void aChangedPolicyIsAppliedAndAnnouncedOncePerChange() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();
    sync.syncNow();
    source.current = policy("v2", 2);

    assertThat(sync.syncNow().outcome()).isEqualTo(Outcome.APPLIED);
    sync.syncNow();

    assertThat(store.appliedVersion()).contains("v2");
    assertThat(listener.changes)
        .extracting(e -> e.section(RULES).value().orElseThrow().boardId())
        .containsExactly(1L, 2L);
  }

  @Test
  void anInvalidPolicyIsRefusedAndTheLastGoodOneStaysInForce() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();
    sync.syncNow();
    EffectiveSettings good = sync.effectiveSettings();
    source.current =
        new FetchedPolicy(
            "v2",
            GlobalPolicy.builder()
                .section("ticketing", JsonNodeFactory.instance.objectNode().put("boardId", "Help Desk"))
                .section("billing", JsonNodeFactory.instance.objectNode().put("unit", "TB"))
                .build());

    SyncResult refused = sync.syncNow();
    SyncResult refusedAgain = sync.syncNow();

    assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(refused.version()).contains("v2");
    assertThat(refused.problems())
        .extracting(SettingsProblem::field)
        .containsExactly("policy.sections.billing.unit", "policy.sections.ticketing.boardId");
    assertThat(refused.summary()).startsWith("refused policy version v2: policy.sections.billing.unit: must be GB or GiB");
    assertThat(refusedAgain.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(sync.effectiveSettings()).isEqualTo(good);
    assertThat(sync.policy().orElseThrow().version()).isEqualTo("v1");
    assertThat(store.appliedVersion()).contains("v1");
    assertThat(listener.changes).hasSize(1);
    assertThat(listener.rejections).containsExactly("v2");

    source.current = policy("v3", 3);
    assertThat(sync.syncNow().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(listener.changes).hasSize(2);
  }

  @Test
  void aValidatorCanRefuseAPolicyAndOneThatCannotCheckKeepsTheLastGoodOne() {
    source.current = policy("v1", 1);
    List<Long> boardsInConnectWise = new ArrayList<>(List.of(1L));
    PolicySync sync =
        sync()
            .validator(
                p -> {
                  long boardId = RULES.fromJson(p.sections().get("ticketing")).boardId();
                  if (boardsInConnectWise.isEmpty()) {
                    throw new IllegalStateException("ConnectWise unreachable");
                  }
                  return boardsInConnectWise.contains(boardId)
                      ? List.of()
                      : List.of(new SettingsProblem("policy.sections.ticketing.boardId", "board " + boardId + " does not exist"));
                })
            .build();
    assertThat(sync.syncNow().outcome()).isEqualTo(Outcome.APPLIED);

    source.current = policy("v2", 99);
    assertThat(sync.syncNow().problems())
        .containsExactly(new SettingsProblem("policy.sections.ticketing.boardId", "board 99 does not exist"));

    boardsInConnectWise.clear();
    SyncResult unchecked = sync.syncNow();
    assertThat(unchecked.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(unchecked.failure()).hasValueSatisfying(f -> assertThat(f).contains("could not be validated", "ConnectWise unreachable"));
    assertThat(sync.policy().orElseThrow().version()).isEqualTo("v1");
  }

  @Test
  void anUnreachableSourceOrStoreKeepsTheLastGoodPolicy() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();
    sync.syncNow();

    source.failure = new IllegalStateException("policy server\nanswered 503");
    SyncResult unreachable = sync.syncNow();
    assertThat(unreachable.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(unreachable.failure()).contains("the policy could not be fetched: java.lang.IllegalStateException: policy server answered 503");

    source.failure = null;
    source.current = policy("v2", 2);
    PolicySync withBrokenStore =
        PolicySync.builder(source, new FailingStore(), scheduler).clock(scheduler.clock()).section(RULES).build();
    assertThat(withBrokenStore.syncNow().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(withBrokenStore.policy()).isEmpty();

    assertThat(sync.policy().orElseThrow().version()).isEqualTo("v1");
    assertThat(listener.changes).hasSize(1);
  }

  @Test
  void nothingRunsBeforeStartAndThenEveryFourHoursOnTheCallersExecutor() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();
    assertThat(scheduler.pending()).isEmpty();
    assertThat(source.fetchedAt).isEmpty();

    sync.start();
    assertThat(scheduler.pending()).singleElement().satisfies(t -> assertThat(t.period()).isEqualTo(Duration.ofHours(4)));
    Instant started = scheduler.clock().instant();
    scheduler.advance(Duration.ZERO);
    assertThat(source.fetchedAt).containsExactly(started);

    scheduler.advance(Duration.ofHours(4).minusSeconds(1));
    assertThat(source.fetchedAt).hasSize(1);
    scheduler.advance(Duration.ofSeconds(1));
    scheduler.advance(Duration.ofHours(8));
    assertThat(source.fetchedAt)
        .containsExactly(
            started, started.plus(Duration.ofHours(4)), started.plus(Duration.ofHours(8)), started.plus(Duration.ofHours(12)));
    assertThat(listener.changes).hasSize(1);
    assertThat(sync.lastResult()).hasValueSatisfying(r -> assertThat(r.at()).isEqualTo(started.plus(Duration.ofHours(12))));

    sync.close();
    scheduler.advance(Duration.ofHours(24));
    assertThat(source.fetchedAt).hasSize(4);
    assertThat(scheduler.isShutdown()).isFalse();
  }

  @Test
  void theScheduleSurvivesFailuresAndHonoursTheConfiguredInterval() {
    source.failure = new IllegalStateException("down");
    PolicySync sync =
        sync()
            .interval(Duration.ofMinutes(30))
            .initialDelay(Duration.ofMinutes(5))
            .listener(e -> { throw new IllegalStateException("listener bug"); })
            .build();
    sync.start();

    scheduler.advance(Duration.ofMinutes(5));
    source.failure = null;
    source.current = policy("v1", 1);
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(source.fetchedAt).hasSize(2);
    assertThat(store.appliedVersion()).contains("v1");
    assertThat(listener.changes).hasSize(1);
    scheduler.advance(Duration.ofMinutes(30));
    assertThat(source.fetchedAt).hasSize(3);
    assertThatThrownBy(sync::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
  }

  @Test
  void aListenerThrowingAnErrorDoesNotStopTheOthersNorEscapeSyncNow() {
    source.current = policy("v1", 1);
    PolicySync sync =
        PolicySync.builder(source, store, scheduler)
            .clock(scheduler.clock())
            .section(RULES)
            .listener(e -> { throw new NoClassDefFoundError("com/vendor/Missing"); })
            .listener(listener)
            .build();

    SyncResult result = sync.syncNow();

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(listener.changes).containsExactly(result.effective());
    assertThat(sync.lastResult()).contains(result);
  }

  @Test
  void aSourceThrowingAnErrorFailsTheSyncAndKeepsTheSchedule() {
    source.error = new StackOverflowError();
    PolicySync sync = sync().build();
    sync.start();

    scheduler.advance(Duration.ZERO);
    assertThat(sync.lastResult().orElseThrow().failure())
        .hasValueSatisfying(f -> assertThat(f).contains("could not be fetched", "StackOverflowError"));
    source.error = null;
    source.current = policy("v1", 1);
    scheduler.advance(PolicySync.DEFAULT_INTERVAL);

    assertThat(source.fetchedAt).hasSize(2);
    assertThat(sync.lastResult().orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
  }

  @Test
  void anOutOfMemoryErrorIsRecordedThenRethrownAndEndsTheSchedule() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    source.current = policy("v1", 1);
    PolicySync sync = sync().listener(e -> { throw oom; }).build();

    assertThatThrownBy(sync::syncNow).isSameAs(oom);
    assertThat(sync.lastResult().orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(listener.changes).hasSize(1);

    source.error = oom;
    sync.start();
    scheduler.advance(Duration.ZERO);
    assertThat(sync.lastResult().orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(scheduler.pending()).isEmpty();
  }

  @Test
  void aDeviceThatStopsInheritingKeepsItsOwnValuesAndIsNotPolled() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();
    sync.syncNow();

    SyncResult off = sync.updateDevice(DEVICE.toBuilder().inheritPolicy(false).build());

    assertThat(off.outcome()).isEqualTo(Outcome.NOT_INHERITING);
    assertThat(sync.effectiveSettings().section(RULES)).isEqualTo(Sourced.fromDevice(new Rules(2, false)));
    assertThat(sync.effectiveSettings().credentials()).isEqualTo(Sourced.fromDevice(credentials("deviceco")));
    assertThat(listener.changes).hasSize(2);
    source.current = policy("v2", 2);
    assertThat(sync.syncNow().outcome()).isEqualTo(Outcome.NOT_INHERITING);
    assertThat(source.fetchedAt).hasSize(1);
    assertThat(listener.changes).hasSize(2);
  }

  @Test
  void turningInheritanceBackOnSyncsAtOnceAndAnnouncesOnce() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().device(DEVICE.toBuilder().inheritPolicy(false).build()).build();
    sync.syncNow();
    assertThat(source.fetchedAt).isEmpty();

    SyncResult on = sync.updateDevice(DEVICE);

    assertThat(on.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(source.fetchedAt).hasSize(1);
    assertThat(on.effective().section(RULES)).isEqualTo(Sourced.fromPolicy(new Rules(1, true)));
    assertThat(listener.changes).containsExactly(on.effective());

    sync.updateDevice(DEVICE.toBuilder().inheritPolicy(false).build());
    source.current = policy("v2", 2);
    sync.updateDevice(DEVICE);
    assertThat(listener.changes)
        .extracting(e -> e.section(RULES))
        .containsExactly(
            Sourced.fromPolicy(new Rules(1, true)),
            Sourced.fromDevice(new Rules(2, false)),
            Sourced.fromPolicy(new Rules(2, true)));
  }

  @Test
  void aDeviceChangeIsAnnouncedOnlyWhenItChangesTheEffectiveSettings() {
    source.current = policy("v1", 1);
    PolicySync sync = sync().build();
    sync.syncNow();

    sync.updateDevice(DEVICE.toBuilder().section(RULES, new Rules(5, true)).build());
    assertThat(listener.changes).hasSize(1);

    SyncResult moved = sync.updateDevice(DEVICE.toBuilder().serviceTicketCompanyId(252).section(BILLING, new Defaults("GiB", 1)).build());
    assertThat(moved.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(listener.changes).hasSize(2);
    assertThat(sync.effectiveSettings().serviceTicketCompanyId()).isEqualTo(Sourced.fromDevice(252L));
    assertThat(source.fetchedAt).hasSize(1);
  }

  /** A policy source whose policy the test sets; it honours the known version like an ETag. */
  private final class FakePolicySource implements PolicySource {
    FetchedPolicy current;
    RuntimeException failure;
    Error error;
    boolean ignoresKnownVersion;
    final List<Instant> fetchedAt = new ArrayList<>();
    final List<Optional<String>> knownVersions = new ArrayList<>();

    @Override
    public Optional<FetchedPolicy> fetch(Optional<String> knownVersion) {
      fetchedAt.add(scheduler.clock().instant());
      knownVersions.add(knownVersion);
      if (failure != null) {
        throw failure;
      }
      if (error != null) {
        throw error;
      }
      if (!ignoresKnownVersion && knownVersion.equals(Optional.of(current.version()))) {
        return Optional.empty();
      }
      return Optional.of(current);
    }
  }

  private static final class RecordingListener implements PolicyListener {
    final List<EffectiveSettings> changes = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();

    @Override
    public void effectiveSettingsChanged(EffectiveSettings effective) {
      changes.add(effective);
    }

    @Override
    public void policyRejected(String version, List<SettingsProblem> problems) {
      rejections.add(version);
    }
  }

  private static final class FailingStore implements PolicyVersionStore {
    @Override
    public Optional<String> appliedVersion() {
      return Optional.empty();
    }

    @Override
    public void save(String version, Instant appliedAt) {
      throw new IllegalStateException("database unavailable");
    }
  }
}
