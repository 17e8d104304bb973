package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of the {@link Outbox}, as read from the store. An item returned by {@link
 * Outbox#claim} is the claim: pass it back to complete, retry or dead-letter the work.
 *
 * @param id the item's ID, in enqueue order
 * @param site the ConnectWise site the work is for
 * @param partitionKey the key whose items are processed in order, such as the alert ID
 * @param kind what the work is, such as {@code alert-raised}
 * @param payloadJson the work's details as JSON
 * @param state where the item is in its life
 * @param attempts how many attempts failed so far ({@link Outbox#retryLater} and {@link
 *     Outbox#deadLetter} count one each)
 * @param createdAt when it was enqueued
 * @param notBefore when it may be claimed
 * @param leaseOwner who holds or last held the claim
 * @param leaseUntil when the current claim ends
 * @param lastError the last failure's reason, free of secrets
 * @param finishedAt when it was completed or dead-lettered
 * @param replayedAt when it was last replayed from the dead letters, if ever
 * @param version changes on every state change; a claim holds the version it was given
 */
public record OutboxItem(
    long id,
    String site,
    String partitionKey,
    String kind,
    String payloadJson,
    State state,
    int attempts,
    Instant createdAt,
    Instant notBefore,
    Optional<String> leaseOwner,
    Optional<Instant> leaseUntil,
    Optional<String> lastError,
    Optional<Instant> finishedAt,
    Optional<Instant> replayedAt,
    long version) {

  /** Where an item is in its life. */
  public enum State {
    /** Waiting to be claimed once due. */
    PENDING,
    /** Held by a worker until its lease ends. */
    CLAIMED,
    /** Done; kept until purged. */
    COMPLETED,
    /** Given up; kept until replayed. */
    DEAD
  }

  /** Checks that every part is present. */
  public OutboxItem {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(leaseOwner, "leaseOwner");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(replayedAt, "replayedAt");
  }

  /**
   * When the item's age starts, for a limit such as "give up after 72 hours": its last replay,
   * or its enqueue when it was never replayed. A replayed item thus gets the full time again.
   *
   * @return the start of the item's age
   */
  public Instant ageStart() {
    return replayedAt.orElse(createdAt);
  }
}
