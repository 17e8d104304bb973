package com.axcient.connectwise.integration.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A durable queue of work for ConnectWise, in order within a partition key.
 *
 * <p>Work is enqueued under a site and a partition key (for ticketing, the alert). Items of one
 * partition are handed out one at a time, oldest first: the next item is claimable only once the
 * one before it is {@linkplain #complete completed} or {@linkplain #deadLetter dead-lettered}. An
 * item that must wait ({@link #retryLater}) keeps its place and holds back the items after it.
 *
 * <p>A claim is a lease: a worker that crashes or stalls past the lease loses the item, which
 * becomes claimable again. Every change to a claimed item names the claim it was given (the
 * {@link OutboxItem} returned by {@link #claim}) and succeeds only while no one else has claimed
 * the item since, so a worker whose lease expired cannot overwrite the work of the one that took
 * over. Changes that did not apply return {@code false}; the worker then drops the item.
 *
 * <p>Delivery is at least once: a worker that lost its lease may have done the work, and the next
 * worker must check (for ticket creation, by searching the correlation key).
 */
public interface Outbox {

  /**
   * Adds one item, claimable now. It is committed when this returns.
   *
   * @param site the ConnectWise site the work is for
   * @param partitionKey the key whose items are processed in order, such as the alert ID
   * @param kind what the work is, such as {@code alert-raised}; read by the worker
   * @param payloadJson the work's details as JSON; never a secret
   * @return the item's ID
   * @throws IllegalArgumentException when a value is blank or too long; the message names it
   */
  long enqueue(String site, String partitionKey, String kind, String payloadJson);

  /**
   * Adds items in one transaction (all or none), in list order. Use it to accept a batch of events
   * with one disk write.
   *
   * @param items the items to add
   * @return their IDs, in the same order
   * @throws IllegalArgumentException when a value is blank or too long; the message names it
   */
  List<Long> enqueueAll(List<NewOutboxItem> items);

  /**
   * Claims up to {@code max} items for a worker: for each partition, its oldest unfinished item,
   * when that item is waiting and due ({@code notBefore <= now}) or its previous claim's lease has
   * expired. Oldest items first. Two workers never receive the same item while its lease runs.
   *
   * @param owner who claims, such as {@code <instance ID>/outbox-worker}; recorded on the item
   * @param lease how long the claim lasts before another worker may take the item
   * @param max the most items to claim, at least 1
   * @param now the current time, from the caller's clock
   * @return the claimed items, each in state {@link OutboxItem.State#CLAIMED}
   */
  default List<OutboxItem> claim(String owner, Duration lease, int max, Instant now) {
    return claim(owner, lease, max, now, OutboxFilter.all());
  }

  /**
   * Claims as {@link #claim(String, Duration, int, Instant)} does, only items that match a filter,
   * such as one site's when each site has its own worker.
   *
   * @param owner who claims; recorded on the item
   * @param lease how long the claim lasts before another worker may take the item
   * @param max the most items to claim, at least 1
   * @param now the current time, from the caller's clock
   * @param filter which items to claim
   * @return the claimed items, each in state {@link OutboxItem.State#CLAIMED}
   */
  List<OutboxItem> claim(String owner, Duration lease, int max, Instant now, OutboxFilter filter);

  /**
   * Extends a claim that is still held, for work that takes longer than planned.
   *
   * @param claimed the item as returned by {@link #claim}
   * @param leaseUntil the new end of the lease
   * @return the item with the new lease, or empty when the claim was lost
   */
  Optional<OutboxItem> extendLease(OutboxItem claimed, Instant leaseUntil);

  /**
   * Marks claimed work done; the partition's next item becomes claimable.
   *
   * @param claimed the item as returned by {@link #claim}
   * @return {@code false} when the claim was lost (someone else has claimed the item since)
   */
  boolean complete(OutboxItem claimed);

  /**
   * Gives claimed work back after a failure, to be tried again at {@code notBefore}. Counts an
   * attempt and keeps the reason. The item keeps its place in its partition.
   *
   * @param claimed the item as returned by {@link #claim}
   * @param notBefore when it may be claimed again
   * @param redactedReason why it failed, already free of secrets and customer data
   * @return {@code false} when the claim was lost
   */
  boolean retryLater(OutboxItem claimed, Instant notBefore, String redactedReason);

  /**
   * Gives claimed work back untouched, to be claimed again at {@code notBefore}, without counting
   * an attempt; for work that did not run, such as while its site is paused.
   *
   * @param claimed the item as returned by {@link #claim}
   * @param notBefore when it may be claimed again
   * @return {@code false} when the claim was lost
   */
  boolean postpone(OutboxItem claimed, Instant notBefore);

  /**
   * Moves claimed work to the dead letters: it will not be tried again unless replayed. Counts an
   * attempt. The partition's next item becomes claimable.
   *
   * @param claimed the item as returned by {@link #claim}
   * @param redactedReason why, already free of secrets and customer data
   * @return {@code false} when the claim was lost
   */
  boolean deadLetter(OutboxItem claimed, String redactedReason);

  /**
   * Dead letters, oldest first, for an operator to inspect.
   *
   * @param site only this site's, or every site's when empty
   * @param max the most items to return
   * @return the dead letters
   */
  List<OutboxItem> deadLetters(Optional<String> site, int max);

  /**
   * Puts dead letters back in the queue, claimable at {@code now}, with their attempts reset and
   * their age counting from {@code now} ({@link OutboxItem#ageStart()}), so an age limit gives a
   * replayed item its full time again. A replayed item goes to the end of its partition: items
   * enqueued after it that were already processed stay processed.
   *
   * @param site only this site's, or every site's when empty
   * @param now when they become claimable
   * @return how many were replayed
   */
  int replayDeadLetters(Optional<String> site, Instant now);

  /**
   * Puts one dead letter back in the queue, as {@link #replayDeadLetters} does.
   *
   * @param id the item's ID
   * @param now when it becomes claimable
   * @return {@code false} when there is no dead letter with that ID
   */
  boolean replayDeadLetter(long id, Instant now);

  /**
   * One item, in any state.
   *
   * @param id the item's ID
   * @return the item, or empty when there is none with that ID (or it was purged)
   */
  Optional<OutboxItem> get(long id);

  /**
   * How many items are in each state, for monitoring.
   *
   * @return the counts
   */
  OutboxCounts counts();

  /**
   * Deletes items that were completed before {@code finishedBefore}. Dead letters are kept.
   *
   * @param finishedBefore the cut-off
   * @return how many were deleted
   */
  int purgeCompleted(Instant finishedBefore);
}
