package com.axcient.connectwise.integration.core.state;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the enqueues of each outbox partition until they commit. A transaction takes its
 * {@code seq} numbers before it commits, so without this a lower number could become visible after
 * a higher one of the same partition has already been claimed. Holding the partition from before
 * the {@code seq} is taken until the commit makes commit order equal {@code seq} order.
 *
 * <p>On PostgreSQL the lock is {@code pg_advisory_xact_lock}, which the database releases at commit
 * or rollback and which every instance sharing the database sees. On H2 (one process per database)
 * it is a lock in this JVM, shared by every store so that two stores on one database also wait
 * for each other.
 */
final class PartitionLocks {

  /** Enough stripes that unrelated partitions rarely wait for each other. */
  private static final int H2_STRIPES = 1024;

  private static final ReentrantLock[] H2_LOCKS = new ReentrantLock[H2_STRIPES];

  /** As long as H2's own lock timeout (see {@link H2Support}). */
  private static final long H2_WAIT_MILLIS = 10_000;

  static {
    Arrays.setAll(H2_LOCKS, i -> new ReentrantLock());
  }

  private PartitionLocks() {}

  /**
   * The partitions' 64-bit lock keys, distinct and sorted: every transaction locks in this order,
   * so two transactions with several partitions in common cannot deadlock.
   */
  static long[] keys(List<NewOutboxItem> items) {
    return items.stream()
        .mapToLong(item -> key(item.site(), item.partitionKey()))
        .distinct()
        .sorted()
        .toArray();
  }

  /**
   * A partition's lock key: 64-bit FNV-1a of the site, a NUL and the partition key in UTF-8, the
   * same in every JVM so that instances sharing PostgreSQL agree on it.
   */
  static long key(String site, String partitionKey) {
    long hash = 0xcbf29ce484222325L;
    byte[] bytes = (site + '\0' + partitionKey).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** Runs work in one transaction that holds the partitions (sorted keys) until it ends. */
  static <T> T transaction(Jdbc jdbc, long[] keys, String what, Jdbc.Work<T> work) {
    if (jdbc.dialect() == Dialect.POSTGRESQL) {
      return jdbc.transaction(
          what,
          c -> {
            // One statement per partition, in key order; the database releases them at the end.
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
              for (long key : keys) {
                lock.setLong(1, key);
                lock.execute();
              }
            }
            return work.run(c);
          });
    }
    int[] stripes =
        Arrays.stream(keys)
            .mapToInt(key -> (int) Math.floorMod(key, (long) H2_STRIPES))
            .distinct()
            .sorted()
            .toArray();
    int held = 0;
    try {
      for (int stripe : stripes) {
        acquire(H2_LOCKS[stripe], what);
        held++;
      }
      // Held until transaction() has committed or rolled back.
      return jdbc.transaction(what, work);
    } finally {
      for (int i = held - 1; i >= 0; i--) {
        H2_LOCKS[stripes[i]].unlock();
      }
    }
  }

  private static void acquire(ReentrantLock lock, String what) {
    try {
      if (!lock.tryLock(H2_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new StateStoreException(
            what
                + " failed: another enqueue to the same partition did not finish within "
                + H2_WAIT_MILLIS / 1000
                + " s; check for a stalled thread holding a state store transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(what + " was interrupted while waiting for its partition", e);
    }
  }
}
