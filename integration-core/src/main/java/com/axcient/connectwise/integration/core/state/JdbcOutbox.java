package com.axcient.connectwise.integration.core.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox on JDBC. Order within a partition is the {@code seq} column (taken from a sequence at
 * enqueue and again at replay), so a replayed dead letter goes to the end of its partition; a replay
 * also records {@code replayed_at}, from which the item's age counts again. Enqueues to one
 * partition hold it until they commit ({@link PartitionLocks}), so its items become visible in
 * {@code seq} order.
 */
final class JdbcOutbox implements Outbox {

  static final int MAX_SITE = 255;
  static final int MAX_PARTITION_KEY = 255;
  static final int MAX_KIND = 64;
  static final int MAX_PAYLOAD = 1_000_000;
  static final int MAX_OWNER = 200;
  static final int MAX_ERROR = 2000;

  private static final String COLUMNS =
      "id, site, partition_key, kind, payload, state, attempts, created_at, not_before,"
          + " lease_owner, lease_until, last_error, finished_at, replayed_at, version";

  /**
   * The claimable items: each partition's oldest unfinished item, when it is due or its lease has
   * expired, and while no other item of its partition is under an unexpired lease. Enqueues commit
   * in seq order per partition ({@link PartitionLocks}), so the last condition only guards against
   * an item that becomes visible behind a claimed one anyway, such as a replay committing late.
   * Rows locked by another worker's claim are skipped; the version check of the update that
   * follows is what makes a claim exclusive, the lock only spares wasted attempts.
   */
  private static final String CLAIMABLE =
      "SELECT o.id, o.version FROM outbox_item o"
          + " WHERE o.state IN ('PENDING', 'CLAIMED')"
          + " AND ((o.state = 'PENDING' AND o.not_before <= ?)"
          + " OR (o.state = 'CLAIMED' AND o.lease_until <= ?))"
          + " AND o.seq = (SELECT MIN(h.seq) FROM outbox_item h"
          + " WHERE h.site = o.site AND h.partition_key = o.partition_key"
          + " AND h.state IN ('PENDING', 'CLAIMED'))"
          + " AND NOT EXISTS (SELECT 1 FROM outbox_item c"
          + " WHERE c.site = o.site AND c.partition_key = o.partition_key"
          + " AND c.state = 'CLAIMED' AND c.lease_until > ?)";

  private static final String CLAIMABLE_ORDER =
      " ORDER BY o.seq FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

  private static final String HELD_CLAIM =
      " WHERE id = ? AND version = ? AND state = 'CLAIMED' AND lease_owner = ?";

  private final Jdbc jdbc;

  JdbcOutbox(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long enqueue(String site, String partitionKey, String kind, String payloadJson) {
    return enqueueAll(List.of(NewOutboxItem.of(site, partitionKey, kind, payloadJson))).get(0);
  }

  @Override
  public List<Long> enqueueAll(List<NewOutboxItem> items) {
    Objects.requireNonNull(items, "items");
    items.forEach(JdbcOutbox::check);
    if (items.isEmpty()) {
      return List.of();
    }
    Instant now = jdbc.now();
    String sql =
        "INSERT INTO outbox_item (seq, site, partition_key, kind, payload, state, attempts,"
            + " created_at, not_before, version) VALUES ("
            + jdbc.dialect().nextOutboxSeq()
            + ", ?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)";
    return PartitionLocks.transaction(
        jdbc,
        PartitionLocks.keys(items),
        "enqueueing outbox items",
        c -> {
          List<Long> ids = new ArrayList<>(items.size());
          try (PreparedStatement insert =
              c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            // One row per execution: batches with generated keys are not portable.
            for (NewOutboxItem item : items) {
              insert.setString(1, item.site());
              insert.setString(2, item.partitionKey());
              insert.setString(3, item.kind());
              insert.setString(4, item.payloadJson());
              insert.setLong(5, now.toEpochMilli());
              insert.setLong(6, item.notBefore().orElse(now).toEpochMilli());
              insert.executeUpdate();
              try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                ids.add(keys.getLong("id"));
              }
            }
          }
          return ids;
        });
  }

  private static void check(NewOutboxItem item) {
    Objects.requireNonNull(item, "item");
    Jdbc.text(item.site(), "site", MAX_SITE);
    Jdbc.text(item.partitionKey(), "partitionKey", MAX_PARTITION_KEY);
    Jdbc.text(item.kind(), "kind", MAX_KIND);
    Jdbc.text(item.payloadJson(), "payloadJson", MAX_PAYLOAD);
  }

  @Override
  public List<OutboxItem> claim(
      String owner, Duration lease, int max, Instant now, OutboxFilter filter) {
    Jdbc.text(owner, "owner", MAX_OWNER);
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(now, "now");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    if (max < 1) {
      throw new IllegalArgumentException("max must be 1 or more, was " + max);
    }
    long nowMillis = now.toEpochMilli();
    long leaseUntil = now.plus(lease).toEpochMilli();
    return jdbc.transaction(
        "claiming outbox items",
        c -> {
          List<long[]> candidates = new ArrayList<>();
          String sql =
              CLAIMABLE
                  + (filter.site().isPresent() ? " AND o.site = ?" : "")
                  + (filter.kinds().isEmpty()
                      ? ""
                      : " AND o.kind IN ("
                          + String.join(", ", Collections.nCopies(filter.kinds().size(), "?"))
                          + ")")
                  + CLAIMABLE_ORDER;
          try (PreparedStatement select = c.prepareStatement(sql)) {
            int index = 1;
            select.setLong(index++, nowMillis);
            select.setLong(index++, nowMillis);
            select.setLong(index++, nowMillis);
            if (filter.site().isPresent()) {
              select.setString(index++, filter.site().get());
            }
            for (String kind : filter.kinds()) {
              select.setString(index++, kind);
            }
            select.setInt(index, max);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                candidates.add(new long[] {rows.getLong(1), rows.getLong(2)});
              }
            }
          }
          List<OutboxItem> claimed = new ArrayList<>();
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox_item SET state = 'CLAIMED', lease_owner = ?, lease_until = ?,"
                      + " version = version + 1 WHERE id = ? AND version = ?")) {
            for (long[] candidate : candidates) {
              update.setString(1, owner);
              update.setLong(2, leaseUntil);
              update.setLong(3, candidate[0]);
              update.setLong(4, candidate[1]);
              if (update.executeUpdate() == 1) {
                find(c, candidate[0]).ifPresent(claimed::add);
              }
            }
          }
          return claimed;
        });
  }

  @Override
  public Optional<OutboxItem> extendLease(OutboxItem claimed, Instant leaseUntil) {
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    return jdbc.transaction(
        "extending an outbox lease",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE outbox_item SET lease_until = ?" + HELD_CLAIM)) {
            update.setLong(1, leaseUntil.toEpochMilli());
            bindClaim(update, 2, claimed);
            return update.executeUpdate() == 1 ? find(c, claimed.id()) : Optional.empty();
          }
        });
  }

  @Override
  public boolean complete(OutboxItem claimed) {
    return changeClaim(
        claimed,
        "completing an outbox item",
        "state = 'COMPLETED', lease_until = NULL, finished_at = ?",
        jdbc.now().toEpochMilli());
  }

  @Override
  public boolean retryLater(OutboxItem claimed, Instant notBefore, String redactedReason) {
    Objects.requireNonNull(notBefore, "notBefore");
    return changeClaim(
        claimed,
        "rescheduling an outbox item",
        "state = 'PENDING', lease_until = NULL, attempts = attempts + 1, not_before = ?,"
            + " last_error = ?",
        notBefore.toEpochMilli(),
        reason(redactedReason));
  }

  @Override
  public boolean postpone(OutboxItem claimed, Instant notBefore) {
    Objects.requireNonNull(notBefore, "notBefore");
    return changeClaim(
        claimed,
        "postponing an outbox item",
        "state = 'PENDING', lease_until = NULL, not_before = ?",
        notBefore.toEpochMilli());
  }

  @Override
  public boolean deadLetter(OutboxItem claimed, String redactedReason) {
    return changeClaim(
        claimed,
        "dead-lettering an outbox item",
        "state = 'DEAD', lease_until = NULL, attempts = attempts + 1, finished_at = ?,"
            + " last_error = ?",
        jdbc.now().toEpochMilli(),
        reason(redactedReason));
  }

  private static String reason(String redactedReason) {
    Objects.requireNonNull(redactedReason, "redactedReason");
    return Jdbc.cut(redactedReason.replaceAll("[\\r\\n]+", " "), MAX_ERROR);
  }

  /** Applies a change to an item only while the caller's claim is the item's current claim. */
  private boolean changeClaim(OutboxItem claimed, String what, String assignments, Object... values) {
    Objects.requireNonNull(claimed, "claimed");
    String owner = claimed.leaseOwner().orElseThrow(() -> notAClaim(claimed));
    if (claimed.state() != OutboxItem.State.CLAIMED) {
      throw notAClaim(claimed);
    }
    return jdbc.transaction(
        what,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE outbox_item SET " + assignments + ", version = version + 1"
                      + HELD_CLAIM)) {
            int index = 1;
            for (Object value : values) {
              update.setObject(index++, value);
            }
            update.setLong(index++, claimed.id());
            update.setLong(index++, claimed.version());
            update.setString(index, owner);
            return update.executeUpdate() == 1;
          }
        });
  }

  private static IllegalArgumentException notAClaim(OutboxItem item) {
    return new IllegalArgumentException(
        "outbox item " + item.id() + " is " + item.state() + ", not a claim; pass an item returned by claim()");
  }

  private static void bindClaim(PreparedStatement statement, int index, OutboxItem claimed)
      throws SQLException {
    Objects.requireNonNull(claimed, "claimed");
    statement.setLong(index, claimed.id());
    statement.setLong(index + 1, claimed.version());
    statement.setString(index + 2, claimed.leaseOwner().orElseThrow(() -> notAClaim(claimed)));
  }

  @Override
  public List<OutboxItem> deadLetters(Optional<String> site, int max) {
    Objects.requireNonNull(site, "site");
    if (max < 1) {
      throw new IllegalArgumentException("max must be 1 or more, was " + max);
    }
    return jdbc.transaction(
        "listing dead letters",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM outbox_item WHERE state = 'DEAD'"
                      + (site.isPresent() ? " AND site = ?" : "")
                      + " ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            int index = 1;
            if (site.isPresent()) {
              select.setString(index++, site.get());
            }
            select.setInt(index, max);
            return Jdbc.rows(select, JdbcOutbox::item);
          }
        });
  }

  @Override
  public int replayDeadLetters(Optional<String> site, Instant now) {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(now, "now");
    return jdbc.transaction(
        "replaying dead letters",
        c -> {
          List<long[]> dead = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, version FROM outbox_item WHERE state = 'DEAD'"
                      + (site.isPresent() ? " AND site = ?" : "")
                      + " ORDER BY seq")) {
            if (site.isPresent()) {
              select.setString(1, site.get());
            }
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                dead.add(new long[] {rows.getLong(1), rows.getLong(2)});
              }
            }
          }
          int replayed = 0;
          // One at a time, oldest first, so replayed items keep their order among themselves.
          for (long[] item : dead) {
            replayed += replay(c, item[0], item[1], now);
          }
          return replayed;
        });
  }

  @Override
  public boolean replayDeadLetter(long id, Instant now) {
    Objects.requireNonNull(now, "now");
    return jdbc.transaction(
        "replaying a dead letter",
        c -> {
          Optional<OutboxItem> item = find(c, id);
          return item.isPresent()
              && item.get().state() == OutboxItem.State.DEAD
              && replay(c, id, item.get().version(), now) == 1;
        });
  }

  private int replay(Connection c, long id, long version, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE outbox_item SET state = 'PENDING', seq = "
                + jdbc.dialect().nextOutboxSeq()
                + ", attempts = 0, not_before = ?, replayed_at = ?, lease_owner = NULL,"
                + " lease_until = NULL, finished_at = NULL, version = version + 1"
                + " WHERE id = ? AND version = ? AND state = 'DEAD'")) {
      update.setLong(1, now.toEpochMilli());
      update.setLong(2, now.toEpochMilli());
      update.setLong(3, id);
      update.setLong(4, version);
      return update.executeUpdate();
    }
  }

  @Override
  public Optional<OutboxItem> get(long id) {
    return jdbc.transaction("reading an outbox item", c -> find(c, id));
  }

  @Override
  public OutboxCounts counts() {
    return jdbc.transaction(
        "counting outbox items",
        c -> {
          Map<OutboxItem.State, Long> counts = new EnumMap<>(OutboxItem.State.class);
          try (Statement statement = c.createStatement()) {
            try (ResultSet rows =
                statement.executeQuery(
                    "SELECT state, COUNT(*) FROM outbox_item GROUP BY state")) {
              while (rows.next()) {
                counts.put(OutboxItem.State.valueOf(rows.getString(1)), rows.getLong(2));
              }
            }
            Optional<Instant> oldest;
            try (ResultSet row =
                statement.executeQuery(
                    "SELECT MIN(created_at) AS oldest FROM outbox_item"
                        + " WHERE state IN ('PENDING', 'CLAIMED')")) {
              row.next();
              oldest = Jdbc.optionalInstant(row, "oldest");
            }
            return new OutboxCounts(
                counts.getOrDefault(OutboxItem.State.PENDING, 0L),
                counts.getOrDefault(OutboxItem.State.CLAIMED, 0L),
                counts.getOrDefault(OutboxItem.State.COMPLETED, 0L),
                counts.getOrDefault(OutboxItem.State.DEAD, 0L),
                oldest);
          }
        });
  }

  @Override
  public int purgeCompleted(Instant finishedBefore) {
    Objects.requireNonNull(finishedBefore, "finishedBefore");
    return jdbc.transaction(
        "purging completed outbox items",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM outbox_item WHERE state = 'COMPLETED' AND finished_at < ?")) {
            delete.setLong(1, finishedBefore.toEpochMilli());
            return delete.executeUpdate();
          }
        });
  }

  private static Optional<OutboxItem> find(Connection c, long id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM outbox_item WHERE id = ?")) {
      select.setLong(1, id);
      List<OutboxItem> items = Jdbc.rows(select, JdbcOutbox::item);
      return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }
  }

  private static OutboxItem item(ResultSet row) throws SQLException {
    return new OutboxItem(
        row.getLong("id"),
        row.getString("site"),
        row.getString("partition_key"),
        row.getString("kind"),
        row.getString("payload"),
        OutboxItem.State.valueOf(row.getString("state")),
        row.getInt("attempts"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "not_before"),
        Optional.ofNullable(row.getString("lease_owner")),
        Jdbc.optionalInstant(row, "lease_until"),
        Optional.ofNullable(row.getString("last_error")),
        Jdbc.optionalInstant(row, "finished_at"),
        Jdbc.optionalInstant(row, "replayed_at"),
        row.getLong("version"));
  }
}
