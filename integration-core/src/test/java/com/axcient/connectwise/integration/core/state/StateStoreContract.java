package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.testkit.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} promises, run against each database by a subclass that provides
 * fresh stores on one fresh database per test.
 */
abstract class StateStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(1);

  final MutableClock clock = new MutableClock(T0);
  private final List<StateStore> opened = new ArrayList<>();
  StateStore store;

  /** Prepares a fresh, empty database for one test. */
  abstract void createDatabase() throws Exception;

  /** Opens a store on this test's database; several calls give several stores on it. */
  abstract StateStore openStore();

  /** This test's database, for a store whose connections a test wraps. */
  abstract DataSource dataSource();

  StateStore open() {
    StateStore opened = openStore();
    this.opened.add(opened);
    return opened;
  }

  @BeforeEach
  void openFirstStore() throws Exception {
    createDatabase();
    store = open();
  }

  @AfterEach
  void closeStores() {
    Collections.reverse(opened);
    opened.forEach(StateStore::close);
  }

  // ---------------------------------------------------------------- outbox

  @Test
  void enqueuedItemIsStoredWithItsDetails() {
    long id = store.outbox().enqueue("acme", "alert-1", "alert-raised", "{\"n\":1}");

    OutboxItem item = store.outbox().get(id).orElseThrow();
    assertThat(item.site()).isEqualTo("acme");
    assertThat(item.partitionKey()).isEqualTo("alert-1");
    assertThat(item.kind()).isEqualTo("alert-raised");
    assertThat(item.payloadJson()).isEqualTo("{\"n\":1}");
    assertThat(item.state()).isEqualTo(OutboxItem.State.PENDING);
    assertThat(item.attempts()).isZero();
    assertThat(item.createdAt()).isEqualTo(T0);
    assertThat(item.notBefore()).isEqualTo(T0);
    assertThat(item.leaseOwner()).isEmpty();
  }

  @Test
  void enqueueNamesTheFieldThatIsBlankOrTooLong() {
    assertThatThrownBy(() -> store.outbox().enqueue(" ", "a", "k", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site");
    assertThatThrownBy(() -> store.outbox().enqueue("acme", "a".repeat(256), "k", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitionKey")
        .hasMessageContaining("255");
    assertThatThrownBy(() -> store.outbox().enqueue("acme", "a", "k".repeat(65), "{}"))
        .hasMessageContaining("kind");
    assertThat(store.outbox().counts().pending()).isZero();
  }

  @Test
  void enqueueAllReturnsIdsInOrder() {
    List<Long> ids =
        store
            .outbox()
            .enqueueAll(
                List.of(
                    NewOutboxItem.of("acme", "a", "raised", "{}"),
                    NewOutboxItem.of("acme", "b", "raised", "{}")));

    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).isLessThan(ids.get(1));
    assertThat(store.outbox().get(ids.get(1)).orElseThrow().partitionKey()).isEqualTo("b");
  }

  @Test
  void claimHandsOutOnlyTheOldestItemOfEachPartition() {
    Outbox outbox = store.outbox();
    long a1 = outbox.enqueue("acme", "a", "raised", "{}");
    long a2 = outbox.enqueue("acme", "a", "cleared", "{}");
    long b1 = outbox.enqueue("acme", "b", "raised", "{}");

    List<OutboxItem> first = outbox.claim("w1", LEASE, 10, T0);
    assertThat(first).extracting(OutboxItem::id).containsExactly(a1, b1);
    assertThat(first.get(0).state()).isEqualTo(OutboxItem.State.CLAIMED);
    assertThat(first.get(0).leaseOwner()).contains("w1");
    assertThat(first.get(0).leaseUntil()).contains(T0.plus(LEASE));

    assertThat(outbox.claim("w2", LEASE, 10, T0)).isEmpty();

    assertThat(outbox.complete(first.get(0))).isTrue();
    assertThat(outbox.claim("w2", LEASE, 10, T0)).extracting(OutboxItem::id).containsExactly(a2);
  }

  @Test
  void sameKeyOnAnotherSiteIsAnotherPartition() {
    long acme = store.outbox().enqueue("acme", "a", "raised", "{}");
    long other = store.outbox().enqueue("other", "a", "raised", "{}");

    assertThat(store.outbox().claim("w", LEASE, 10, T0))
        .extracting(OutboxItem::id)
        .containsExactly(acme, other);
  }

  @Test
  void aFilteredClaimTakesOnlyMatchingItemsAndKeepsPartitionOrderAcrossKinds() {
    Outbox outbox = store.outbox();
    long acmeAlert = outbox.enqueue("acme", "a", "alert-raised", "{}");
    long otherAlert = outbox.enqueue("other", "a", "alert-raised", "{}");
    long billingFirst = outbox.enqueue("acme", "shared", "billing-write", "{}");
    long alertAfterBilling = outbox.enqueue("acme", "shared", "alert-raised", "{}");

    assertThat(outbox.claim("other-worker", LEASE, 10, T0, OutboxFilter.site("other")))
        .extracting(OutboxItem::id)
        .containsExactly(otherAlert);
    List<OutboxItem> alerts =
        outbox.claim(
            "alert-worker", LEASE, 10, T0, OutboxFilter.site("acme").withKinds("alert-raised"));
    // The "shared" partition starts with a billing item: its alert item waits behind it.
    assertThat(alerts).extracting(OutboxItem::id).containsExactly(acmeAlert);

    List<OutboxItem> billing =
        outbox.claim("billing-worker", LEASE, 10, T0, OutboxFilter.all().withKinds("billing-write"));
    assertThat(billing).extracting(OutboxItem::id).containsExactly(billingFirst);
    outbox.complete(billing.get(0));
    assertThat(
            outbox.claim(
                "alert-worker", LEASE, 10, T0, OutboxFilter.site("acme").withKinds("alert-raised")))
        .extracting(OutboxItem::id)
        .containsExactly(alertAfterBilling);
  }

  @Test
  void claimRespectsMaxAndNotBefore() {
    Outbox outbox = store.outbox();
    outbox.enqueueAll(
        List.of(
            NewOutboxItem.of("acme", "late", "raised", "{}").notBefore(T0.plusSeconds(60)),
            NewOutboxItem.of("acme", "x", "raised", "{}"),
            NewOutboxItem.of("acme", "y", "raised", "{}")));

    List<OutboxItem> one = outbox.claim("w", LEASE, 1, T0);
    assertThat(one).extracting(OutboxItem::partitionKey).containsExactly("x");
    List<OutboxItem> rest = outbox.claim("w", LEASE, 10, T0);
    assertThat(rest).extracting(OutboxItem::partitionKey).containsExactly("y");
    outbox.complete(one.get(0));
    outbox.complete(rest.get(0));
    assertThat(outbox.claim("w", LEASE, 10, T0.plusSeconds(59))).isEmpty();
    assertThat(outbox.claim("w", LEASE, 10, T0.plusSeconds(60)))
        .extracting(OutboxItem::partitionKey)
        .containsExactly("late");
  }

  @Test
  void retriedItemKeepsItsPlaceAndHoldsBackItsPartition() {
    Outbox outbox = store.outbox();
    long raised = outbox.enqueue("acme", "a", "raised", "{}");
    outbox.enqueue("acme", "a", "cleared", "{}");
    OutboxItem claimed = outbox.claim("w", LEASE, 10, T0).get(0);

    assertThat(outbox.retryLater(claimed, T0.plusSeconds(30), "HTTP 503 from ConnectWise"))
        .isTrue();

    assertThat(outbox.claim("w", LEASE, 10, T0.plusSeconds(29))).isEmpty();
    OutboxItem again = outbox.claim("w", LEASE, 10, T0.plusSeconds(30)).get(0);
    assertThat(again.id()).isEqualTo(raised);
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.lastError()).contains("HTTP 503 from ConnectWise");
  }

  @Test
  void postponedItemDoesNotCountAnAttempt() {
    Outbox outbox = store.outbox();
    outbox.enqueue("acme", "a", "raised", "{}");
    OutboxItem claimed = outbox.claim("w", LEASE, 10, T0).get(0);

    assertThat(outbox.postpone(claimed, T0.plusSeconds(5))).isTrue();

    OutboxItem again = outbox.claim("w", LEASE, 10, T0.plusSeconds(5)).get(0);
    assertThat(again.attempts()).isZero();
    assertThat(again.lastError()).isEmpty();
  }

  @Test
  void expiredLeaseLetsAnotherWorkerTakeOverAndTheStaleOwnerCannotChangeIt() {
    Outbox outbox = store.outbox();
    outbox.enqueue("acme", "a", "raised", "{}");
    OutboxItem slow = outbox.claim("worker-a", LEASE, 10, T0).get(0);

    assertThat(outbox.claim("worker-b", LEASE, 10, T0.plus(LEASE).minusMillis(1))).isEmpty();
    OutboxItem takeover = outbox.claim("worker-b", LEASE, 10, T0.plus(LEASE)).get(0);
    assertThat(takeover.id()).isEqualTo(slow.id());
    assertThat(takeover.leaseOwner()).contains("worker-b");

    assertThat(outbox.complete(slow)).isFalse();
    assertThat(outbox.retryLater(slow, T0, "late")).isFalse();
    assertThat(outbox.deadLetter(slow, "late")).isFalse();
    assertThat(outbox.postpone(slow, T0)).isFalse();
    assertThat(outbox.extendLease(slow, T0.plusSeconds(600))).isEmpty();
    assertThat(outbox.get(slow.id()).orElseThrow().state()).isEqualTo(OutboxItem.State.CLAIMED);

    assertThat(outbox.complete(takeover)).isTrue();
    assertThat(outbox.get(slow.id()).orElseThrow().state()).isEqualTo(OutboxItem.State.COMPLETED);
  }

  @Test
  void sameOwnerReclaimingAfterExpiryInvalidatesItsOldClaim() {
    Outbox outbox = store.outbox();
    outbox.enqueue("acme", "a", "raised", "{}");
    OutboxItem first = outbox.claim("worker", LEASE, 10, T0).get(0);
    OutboxItem second = outbox.claim("worker", LEASE, 10, T0.plus(LEASE)).get(0);

    assertThat(outbox.complete(first)).isFalse();
    assertThat(outbox.complete(second)).isTrue();
  }

  @Test
  void extendedLeaseKeepsTheItemFromOtherWorkers() {
    Outbox outbox = store.outbox();
    outbox.enqueue("acme", "a", "raised", "{}");
    OutboxItem claimed = outbox.claim("w", LEASE, 10, T0).get(0);

    OutboxItem extended = outbox.extendLease(claimed, T0.plus(LEASE.multipliedBy(3))).orElseThrow();

    assertThat(extended.leaseUntil()).contains(T0.plus(LEASE.multipliedBy(3)));
    assertThat(outbox.claim("other", LEASE, 10, T0.plus(LEASE.multipliedBy(2)))).isEmpty();
    assertThat(outbox.complete(extended)).isTrue();
  }

  @Test
  void anItemThatWasNeverClaimedIsRejectedAsAClaim() {
    long id = store.outbox().enqueue("acme", "a", "raised", "{}");
    OutboxItem pending = store.outbox().get(id).orElseThrow();

    assertThatThrownBy(() -> store.outbox().complete(pending))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a claim");
  }

  @Test
  void deadLetterFreesThePartitionAndReplayPutsItAtTheEnd() {
    Outbox outbox = store.outbox();
    long raised = outbox.enqueue("acme", "a", "raised", "{}");
    long note = outbox.enqueue("acme", "a", "note", "{}");
    OutboxItem claimed = outbox.claim("w", LEASE, 10, T0).get(0);

    assertThat(outbox.deadLetter(claimed, "HTTP 400: summary too long\r\nsecond line")).isTrue();

    OutboxItem dead = outbox.get(raised).orElseThrow();
    assertThat(dead.state()).isEqualTo(OutboxItem.State.DEAD);
    assertThat(dead.attempts()).isEqualTo(1);
    assertThat(dead.lastError()).contains("HTTP 400: summary too long second line");
    assertThat(outbox.deadLetters(Optional.of("acme"), 10)).extracting(OutboxItem::id).containsExactly(raised);
    assertThat(outbox.deadLetters(Optional.of("other"), 10)).isEmpty();
    assertThat(outbox.counts().dead()).isEqualTo(1);

    OutboxItem next = outbox.claim("w", LEASE, 10, T0).get(0);
    assertThat(next.id()).isEqualTo(note);

    assertThat(outbox.replayDeadLetters(Optional.empty(), T0.plusSeconds(1))).isEqualTo(1);
    OutboxItem replayed = outbox.get(raised).orElseThrow();
    assertThat(replayed.state()).isEqualTo(OutboxItem.State.PENDING);
    assertThat(replayed.attempts()).isZero();
    // The partition still has the note in flight: the replayed item waits behind it.
    assertThat(outbox.claim("w", LEASE, 10, T0.plusSeconds(1))).isEmpty();
    assertThat(outbox.complete(next)).isTrue();
    assertThat(outbox.claim("w", LEASE, 10, T0.plusSeconds(1)))
        .extracting(OutboxItem::id)
        .containsExactly(raised);
  }

  @Test
  void replayOfOneDeadLetterById() {
    Outbox outbox = store.outbox();
    long id = outbox.enqueue("acme", "a", "raised", "{}");
    outbox.deadLetter(outbox.claim("w", LEASE, 10, T0).get(0), "HTTP 422");

    assertThat(outbox.replayDeadLetter(id, T0)).isTrue();
    assertThat(outbox.replayDeadLetter(id, T0)).isFalse();
    assertThat(outbox.replayDeadLetter(9_999_999L, T0)).isFalse();
    assertThat(outbox.claim("w", LEASE, 10, T0)).extracting(OutboxItem::id).containsExactly(id);
  }

  @Test
  void countsAndPurgeOfCompletedItems() {
    Outbox outbox = store.outbox();
    outbox.enqueue("acme", "a", "raised", "{}");
    outbox.enqueue("acme", "b", "raised", "{}");
    clock.advance(Duration.ofSeconds(5));
    outbox.enqueue("acme", "c", "raised", "{}");
    List<OutboxItem> claimed = outbox.claim("w", LEASE, 2, T0.plusSeconds(5));
    outbox.complete(claimed.get(0));

    assertThat(outbox.counts())
        .isEqualTo(new OutboxCounts(1, 1, 1, 0, Optional.of(T0.plusSeconds(0))));

    assertThat(outbox.purgeCompleted(T0.plusSeconds(5))).isZero();
    assertThat(outbox.purgeCompleted(T0.plusSeconds(6))).isEqualTo(1);
    assertThat(outbox.get(claimed.get(0).id())).isEmpty();
    assertThat(outbox.counts().completed()).isZero();
  }

  @Test
  void concurrentWorkersOnTwoStoresProcessEachItemOnceInOrderOnePerPartition() throws Exception {
    StateStore second = open();
    int partitions = 8;
    int perPartition = 6;
    List<NewOutboxItem> items = new ArrayList<>();
    for (int n = 0; n < perPartition; n++) {
      for (int p = 0; p < partitions; p++) {
        items.add(NewOutboxItem.of("acme", "alert-" + p, "event", "{\"n\":" + n + "}"));
      }
    }
    store.outbox().enqueueAll(items);

    Set<String> inFlight = ConcurrentHashMap.newKeySet();
    Map<String, List<String>> processed = new ConcurrentHashMap<>();
    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicInteger done = new AtomicInteger();
    int workers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        Outbox outbox = (w % 2 == 0 ? store : second).outbox();
        String owner = "worker-" + w;
        futures.add(
            pool.submit(
                () -> {
                  while (done.get() < items.size()) {
                    for (OutboxItem item : outbox.claim(owner, LEASE, 3, T0)) {
                      if (!inFlight.add(item.partitionKey())) {
                        violations.add("two items of " + item.partitionKey() + " in flight");
                      }
                      processed
                          .computeIfAbsent(item.partitionKey(), k -> new CopyOnWriteArrayList<>())
                          .add(item.payloadJson());
                      inFlight.remove(item.partitionKey());
                      if (!outbox.complete(item)) {
                        violations.add("lost claim of " + item.id());
                      }
                      done.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(violations).isEmpty();
    assertThat(done.get()).isEqualTo(items.size());
    for (int p = 0; p < partitions; p++) {
      List<String> expected = new ArrayList<>();
      for (int n = 0; n < perPartition; n++) {
        expected.add("{\"n\":" + n + "}");
      }
      assertThat(processed.get("alert-" + p)).containsExactlyElementsOf(expected);
    }
    assertThat(store.outbox().counts().completed()).isEqualTo(items.size());
  }

  @Test
  void anEnqueueThatCommitsLateStillComesFirstInItsPartition() throws Exception {
    AtomicBoolean slowCommits = new AtomicBoolean();
    CountDownLatch atCommit = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StateStore slow =
        JdbcStateStore.open(
            beforeCommit(
                dataSource(),
                () -> {
                  if (slowCommits.get()) {
                    atCommit.countDown();
                    release.await(30, TimeUnit.SECONDS);
                  }
                }),
            clock);
    opened.add(slow);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // One instance accepts "raised" and takes the lower seq, but its commit is held up.
      slowCommits.set(true);
      Future<Long> raised = pool.submit(() -> slow.outbox().enqueue("acme", "a", "raised", "{}"));
      assertThat(atCommit.await(30, TimeUnit.SECONDS)).isTrue();
      slowCommits.set(false);
      // Another accepts "cleared" for the same partition; it must not become visible first.
      Future<Long> cleared = pool.submit(() -> store.outbox().enqueue("acme", "a", "cleared", "{}"));
      try {
        cleared.get(500, TimeUnit.MILLISECONDS);
      } catch (TimeoutException expected) {
        // It waits for the partition until the first commits.
      }
      List<OutboxItem> whileHeldUp = store.outbox().claim("worker-1", LEASE, 10, T0);
      release.countDown();
      raised.get(30, TimeUnit.SECONDS);
      cleared.get(30, TimeUnit.SECONDS);
      List<OutboxItem> afterwards = store.outbox().claim("worker-2", LEASE, 10, T0);

      List<OutboxItem> inFlight = new ArrayList<>(whileHeldUp);
      inFlight.addAll(afterwards);
      assertThat(inFlight).extracting(OutboxItem::kind).containsExactly("raised");
      assertThat(store.outbox().complete(inFlight.get(0))).isTrue();
      assertThat(store.outbox().claim("worker-2", LEASE, 10, T0))
          .extracting(OutboxItem::kind)
          .containsExactly("cleared");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedEnqueueLetsThePartitionGo() throws Exception {
    AtomicBoolean diskFull = new AtomicBoolean();
    StateStore failing =
        JdbcStateStore.open(
            beforeCommit(
                dataSource(),
                () -> {
                  if (diskFull.get()) {
                    throw new SQLException("the disk is full");
                  }
                }),
            clock);
    opened.add(failing);
    diskFull.set(true);

    assertThatThrownBy(() -> failing.outbox().enqueue("acme", "a", "raised", "{}"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("the disk is full");

    // From another thread: the failed enqueue's thread could re-enter a lock it still held.
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long id =
          pool.submit(() -> store.outbox().enqueue("acme", "a", "cleared", "{}"))
              .get(5, TimeUnit.SECONDS);
      assertThat(store.outbox().claim("w", LEASE, 10, T0))
          .extracting(OutboxItem::id)
          .containsExactly(id);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noItemIsClaimedWhileAnotherOfItsPartitionIsUnderLease() throws Exception {
    Outbox outbox = store.outbox();
    long first = outbox.enqueue("acme", "a", "raised", "{}");
    long second = outbox.enqueue("acme", "a", "cleared", "{}");
    assertThat(outbox.claim("w1", LEASE, 10, T0)).extracting(OutboxItem::id).containsExactly(first);
    // The claimed item is no longer the partition's head, as when an older item commits late.
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE outbox_item SET seq = seq + 1000000 WHERE id = " + first);
    }

    assertThat(outbox.claim("w2", LEASE, 10, T0.plus(LEASE).minusMillis(1))).isEmpty();
    // Once the lease has run out the partition moves on, from its head.
    assertThat(outbox.claim("w2", LEASE, 10, T0.plus(LEASE)))
        .extracting(OutboxItem::id)
        .containsExactly(second);
  }

  @Test
  void twoStoresClaimingTheSameItemAtOnceNeverBothGetIt() throws Exception {
    StateStore second = open();
    for (int round = 0; round < 20; round++) {
      store.outbox().enqueue("acme", "race-" + round, "raised", "{}");
      List<List<OutboxItem>> results =
          race(
              2,
              i -> (i == 0 ? store : second).outbox().claim("w" + i, LEASE, 1, T0));
      assertThat(results.stream().mapToInt(List::size).sum()).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void aReplayedDeadLetterCountsItsAgeFromTheReplay() {
    Outbox outbox = store.outbox();
    long id = outbox.enqueue("acme", "a", "raised", "{}");
    assertThat(outbox.get(id).orElseThrow().ageStart()).isEqualTo(T0);
    outbox.deadLetter(outbox.claim("w", LEASE, 10, T0).get(0), "gave up after PT72H");
    Instant replay = T0.plus(Duration.ofDays(5));

    assertThat(outbox.replayDeadLetter(id, replay)).isTrue();

    OutboxItem replayed = outbox.claim("w", LEASE, 10, replay).get(0);
    assertThat(replayed.createdAt()).isEqualTo(T0);
    assertThat(replayed.replayedAt()).contains(replay);
    assertThat(replayed.ageStart()).isEqualTo(replay);
    outbox.deadLetter(replayed, "HTTP 400");
    Instant second = replay.plus(Duration.ofHours(1));
    assertThat(outbox.replayDeadLetters(Optional.of("acme"), second)).isEqualTo(1);
    assertThat(outbox.get(id).orElseThrow().ageStart()).isEqualTo(second);
  }

  // ---------------------------------------------------------------- ticket links

  @Test
  void claimNewCreatesAPendingLinkOnceAndCurrentFindsIt() {
    NewTicketLink incident = NewTicketLink.of("inst-1", "acme", "alert-7", 1).withBoardId(5);

    TicketLink link = store.ticketLinks().claimNew(incident).orElseThrow();

    assertThat(link.state()).isEqualTo(TicketLink.State.PENDING_CREATE);
    assertThat(link.correlationKey()).isEqualTo("cwsync:inst-1:alert-7:1");
    assertThat(link.boardId()).hasValue(5);
    assertThat(link.ticketId()).isEmpty();
    assertThat(link.createdAt()).isEqualTo(T0);
    assertThat(store.ticketLinks().claimNew(incident)).isEmpty();
    assertThat(store.ticketLinks().current("acme", "alert-7")).contains(link);
    assertThat(store.ticketLinks().current("acme", "alert-8")).isEmpty();
  }

  @Test
  void exactlyOneOfManyConcurrentClaimsOnTwoStoresWins() throws Exception {
    StateStore second = open();
    for (int round = 0; round < 10; round++) {
      NewTicketLink incident = NewTicketLink.of("inst-1", "acme", "alert-" + round, 1);
      List<Optional<TicketLink>> results =
          race(8, i -> (i % 2 == 0 ? store : second).ticketLinks().claimNew(incident));
      assertThat(results.stream().filter(Optional::isPresent).count())
          .as("winners of round %d", round)
          .isEqualTo(1);
    }
  }

  @Test
  void aCorrelationKeyUsedByAnotherIncidentIsRejected() {
    store.ticketLinks().claimNew(new NewTicketLink("acme", "a", 1, "cwsync:x:k:1", OptionalLong.empty()));

    assertThatThrownBy(
            () ->
                store
                    .ticketLinks()
                    .claimNew(new NewTicketLink("acme", "b", 1, "cwsync:x:k:1", OptionalLong.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("correlationKey");
  }

  @Test
  void updateStoresEveryChangeableFieldAndRejectsAStaleVersion() {
    TicketLinks links = store.ticketLinks();
    TicketLink claimed = links.claimNew(NewTicketLink.of("inst", "acme", "a", 1)).orElseThrow();
    clock.advance(Duration.ofSeconds(3));

    TicketLink changed =
        claimed.toBuilder()
            .state(TicketLink.State.OPEN)
            .ticketId(4711)
            .boardId(9)
            .openedAt(T0.plusSeconds(1))
            .closedAt(Optional.of(T0.plusSeconds(2)))
            .lastNoteAt(T0.plusSeconds(3))
            .repeatCount(4)
            .pendingNotes(2)
            .reopenCount(1)
            .ticketLastUpdated(T0.plusSeconds(4))
            .build();
    TicketLink stored = links.update(changed).orElseThrow();

    assertThat(stored.version()).isEqualTo(claimed.version() + 1);
    assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(stored)
        .usingRecursiveComparison()
        .ignoringFields("version", "updatedAt")
        .isEqualTo(changed);
    assertThat(links.get("acme", "a", 1)).contains(stored);

    // A worker still holding the first copy loses.
    assertThat(links.update(claimed.toBuilder().state(TicketLink.State.CANCELLED).build())).isEmpty();
    assertThat(links.get("acme", "a", 1).orElseThrow().state()).isEqualTo(TicketLink.State.OPEN);

    TicketLink cleared = links.update(stored.toBuilder().clearTicketId().closedAt(Optional.empty()).build()).orElseThrow();
    assertThat(cleared.ticketId()).isEmpty();
    assertThat(cleared.closedAt()).isEmpty();
  }

  @Test
  void concurrentUpdatesOfOneVersionHaveOneWinner() throws Exception {
    StateStore second = open();
    TicketLink claimed = store.ticketLinks().claimNew(NewTicketLink.of("inst", "acme", "a", 1)).orElseThrow();

    List<Optional<TicketLink>> results =
        race(
            6,
            i ->
                (i % 2 == 0 ? store : second)
                    .ticketLinks()
                    .update(claimed.toBuilder().repeatCount(i + 1).build()));

    assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
  }

  @Test
  void laterIncidentsBecomeCurrentAndEarlierOnesStayAsHistory() {
    TicketLinks links = store.ticketLinks();
    TicketLink first = links.claimNew(NewTicketLink.of("inst", "acme", "a", 1)).orElseThrow();
    TicketLink closed =
        links.update(first.toBuilder().state(TicketLink.State.CLOSED).ticketId(10).closedAt(Optional.of(T0)).build())
            .orElseThrow();
    clock.advance(Duration.ofHours(2));

    TicketLink second = links.claimNew(NewTicketLink.of("inst", "acme", "a", 2)).orElseThrow();

    assertThat(second.correlationKey()).isEqualTo("cwsync:inst:a:2");
    assertThat(links.current("acme", "a")).contains(second);
    assertThat(links.history("acme", "a")).containsExactly(second, closed);
    assertThat(links.get("acme", "a", 1)).contains(closed);
  }

  @Test
  void findsLinksByTicketCorrelationKeyStateAndChangeTime() {
    TicketLinks links = store.ticketLinks();
    TicketLink a = links.claimNew(NewTicketLink.of("inst", "acme", "a", 1)).orElseThrow();
    TicketLink b = links.claimNew(NewTicketLink.of("inst", "acme", "b", 1)).orElseThrow();
    TicketLink other = links.claimNew(NewTicketLink.of("inst", "other", "a", 1)).orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    TicketLink openA = links.update(a.toBuilder().state(TicketLink.State.OPEN).ticketId(100).build()).orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    TicketLink openOther = links.update(other.toBuilder().state(TicketLink.State.OPEN).ticketId(100).build()).orElseThrow();

    assertThat(links.byTicketId("acme", 100)).contains(openA);
    assertThat(links.byTicketId("other", 100)).contains(openOther);
    assertThat(links.byTicketId("acme", 101)).isEmpty();
    assertThat(links.byCorrelationKey("acme", b.correlationKey())).contains(b);
    assertThat(links.byCorrelationKey("acme", "cwsync:none:x:1")).isEmpty();
    assertThat(links.byCorrelationKey("other", a.correlationKey())).contains(openOther);
    assertThat(links.open("acme")).containsExactly(openA);
    assertThat(links.inState("acme", EnumSet.of(TicketLink.State.OPEN, TicketLink.State.PENDING_CREATE)))
        .containsExactly(b, openA);
    assertThat(links.inState("acme", EnumSet.noneOf(TicketLink.State.class))).isEmpty();
    assertThat(links.updatedSince("acme", T0.plusSeconds(60))).containsExactly(openA);
    assertThat(links.updatedSince("acme", T0)).containsExactly(b, openA);
  }

  // ---------------------------------------------------------------- billing audit

  @Test
  void billingAuditKeepsEntriesWithExactQuantities() {
    BillingAuditLog audit = store.billingAudit();
    BillingAuditEntry written =
        new BillingAuditEntry(
            T0, "acme", 7, 70, new BigDecimal("12.50"), new BigDecimal("13.00"), "run-1",
            "reports r1,r2", BillingAuditEntry.Outcome.WRITTEN, Optional.empty());
    BillingAuditEntry failed =
        new BillingAuditEntry(
            T0.plusSeconds(60), "acme", 7, 70, new BigDecimal("13.00"), new BigDecimal("14.25"),
            "run-2", "report r3", BillingAuditEntry.Outcome.FAILED, Optional.of("HTTP 403"));
    BillingAuditEntry otherAddition =
        new BillingAuditEntry(
            T0.plusSeconds(30), "acme", 7, 71, BigDecimal.ZERO, new BigDecimal("1"), "run-1",
            "report r1", BillingAuditEntry.Outcome.WRITTEN, Optional.empty());

    audit.record(written);
    audit.record(failed);
    audit.record(otherAddition);

    assertThat(audit.forAddition("acme", 70)).containsExactly(written, failed);
    assertThat(audit.forAddition("acme", 70).get(0).oldQuantity()).hasToString("12.50");
    assertThat(audit.forAddition("other", 70)).isEmpty();
    assertThat(audit.since(T0.plusSeconds(30))).containsExactly(otherAddition, failed);
  }

  // ---------------------------------------------------------------- policy versions, pauses

  @Test
  void policyVersionsAreReplacedAndComparedBeforeSet() {
    PolicyVersions versions = store.policyVersions();
    assertThat(versions.get("global")).isEmpty();

    assertThat(versions.compareAndSet("global", Optional.empty(), "v1", T0)).isTrue();
    assertThat(versions.compareAndSet("global", Optional.empty(), "v1", T0)).isFalse();
    assertThat(versions.compareAndSet("global", Optional.of("v0"), "v2", T0)).isFalse();
    assertThat(versions.compareAndSet("global", Optional.of("v1"), "v2", T0.plusSeconds(1))).isTrue();
    assertThat(versions.get("global")).contains(new AppliedPolicy("global", "v2", T0.plusSeconds(1)));

    versions.put("global", "v3", T0.plusSeconds(2));
    versions.put("billing", "b1", T0);
    assertThat(versions.all())
        .containsExactly(
            new AppliedPolicy("billing", "b1", T0),
            new AppliedPolicy("global", "v3", T0.plusSeconds(2)));
  }

  @Test
  void sitePauseLastsUntilItsEndOrUntilResumed() {
    SitePauses pauses = store.sitePauses();
    pauses.pause("acme", "ConnectWise refused the API keys (401)", T0, Optional.empty());
    pauses.pause("other", "rate limited", T0, Optional.of(T0.plusSeconds(60)));

    assertThat(pauses.active("acme", T0.plusSeconds(3600)).orElseThrow().reason())
        .isEqualTo("ConnectWise refused the API keys (401)");
    assertThat(pauses.active("other", T0.plusSeconds(59))).isPresent();
    assertThat(pauses.active("other", T0.plusSeconds(60))).isEmpty();
    assertThat(pauses.all()).extracting(SitePause::site).containsExactly("acme", "other");

    pauses.pause("acme", "permissions missing (403)", T0.plusSeconds(5), Optional.empty());
    assertThat(pauses.active("acme", T0.plusSeconds(5)).orElseThrow().reason())
        .isEqualTo("permissions missing (403)");

    assertThat(pauses.resume("acme")).isTrue();
    assertThat(pauses.resume("acme")).isFalse();
    assertThat(pauses.active("acme", T0)).isEmpty();
  }

  @Test
  void checkpointsKeepAValueAndChangeOnlyFromTheValueRead() {
    Checkpoints checkpoints = store.checkpoints();
    assertThat(checkpoints.get("poll|acme")).isEmpty();

    assertThat(checkpoints.compareAndSet("poll|acme", Optional.empty(), "2026-03-01T10:00:00Z", T0))
        .isTrue();
    assertThat(checkpoints.compareAndSet("poll|acme", Optional.empty(), "other", T0)).isFalse();
    assertThat(checkpoints.compareAndSet("poll|acme", Optional.of("stale"), "other", T0)).isFalse();
    assertThat(
            checkpoints.compareAndSet(
                "poll|acme", Optional.of("2026-03-01T10:00:00Z"), "2026-03-01T11:00:00Z", T0.plusSeconds(5)))
        .isTrue();

    Checkpoint stored = open().checkpoints().get("poll|acme").orElseThrow();
    assertThat(stored.value()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(checkpoints.get("poll|other")).isEmpty();
  }

  @Test
  void checkpointsRefuseBadNamesAndValuesNamingTheField() {
    Checkpoints checkpoints = store.checkpoints();
    assertThatThrownBy(() -> checkpoints.compareAndSet(" ", Optional.empty(), "v", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(
            () -> checkpoints.compareAndSet("n", Optional.empty(), "v".repeat(1001), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value must be at most 1000");
  }

  @Test
  void racingCheckpointWritersFromTheSameValueHaveOneWinner() throws Exception {
    store.checkpoints().compareAndSet("poll", Optional.empty(), "start", T0);
    List<StateStore> stores = List.of(open(), open(), open(), open());
    ExecutorService pool = Executors.newFixedThreadPool(stores.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < stores.size(); i++) {
        StateStore s = stores.get(i);
        String value = "writer-" + i;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return s.checkpoints().compareAndSet("poll", Optional.of("start"), value, T0);
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> r : results) {
        winners += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- schema and lifecycle

  @Test
  void openingTheSameDatabaseAgainKeepsDataAndSchema() {
    long id = store.outbox().enqueue("acme", "a", "raised", "{}");

    StateStore again = open();

    assertThat(((JdbcStateStore) again).schemaVersion()).isEqualTo(2);
    assertThat(again.outbox().get(id)).isPresent();
  }

  @Test
  void aClosedStoreRefusesWork() {
    StateStore closing = open();
    closing.close();

    assertThatThrownBy(() -> closing.outbox().counts())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /** Runs {@code n} calls at once (released together) and returns their results. */
  <T> List<T> race(int n, IndexedCall<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<T> task =
            () -> {
              start.await();
              return call.run(index);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Something done before each commit of a connection; it may hold the commit up or fail it. */
  interface BeforeCommit {
    void run() throws Exception;
  }

  /** The data source whose connections run {@code hook} before each commit. */
  static DataSource beforeCommit(DataSource target, BeforeCommit hook) {
    ClassLoader loader = StateStoreContract.class.getClassLoader();
    return (DataSource)
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(target, method, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection connection = (Connection) result;
              return Proxy.newProxyInstance(
                  loader,
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("commit")) {
                      hook.run();
                    }
                    return invoke(connection, m, a);
                  });
            });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A call that knows which of the racing threads runs it. */
  interface IndexedCall<T> {
    T run(int index) throws Exception;
  }
}
