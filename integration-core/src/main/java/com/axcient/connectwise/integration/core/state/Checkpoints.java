package com.axcient.connectwise.integration.core.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Small named values that must survive a restart, such as the position of a poller (the last
 * {@code _info/lastUpdated} it read). Several instances sharing a database share them; {@link
 * #compareAndSet} lets each change build on the value it read.
 *
 * <pre>{@code
 * Optional<Checkpoint> last = state.checkpoints().get("ticketing-poll|" + site);
 * // ... poll from last ...
 * state.checkpoints().compareAndSet(
 *     "ticketing-poll|" + site, last.map(Checkpoint::value), started.toString(), now);
 * }</pre>
 */
public interface Checkpoints {

  /** The most characters of a checkpoint's name. */
  int MAX_NAME = 255;

  /** The most characters of a checkpoint's value. */
  int MAX_VALUE = 1000;

  /**
   * The stored value of a checkpoint.
   *
   * @param name the checkpoint's name, 1 to {@value #MAX_NAME} characters
   * @return the checkpoint, or empty when none was stored
   */
  Optional<Checkpoint> get(String name);

  /**
   * Stores a value only if the stored one is still {@code expected}. Committed on return.
   *
   * @param name the checkpoint's name, 1 to {@value #MAX_NAME} characters
   * @param expected the value read before, or empty when none was stored
   * @param value the new value, 1 to {@value #MAX_VALUE} characters
   * @param updatedAt when it is stored, from the caller's clock
   * @return {@code false} when the stored value was not {@code expected}; read it again
   * @throws IllegalArgumentException when the name or value is blank or too long
   */
  boolean compareAndSet(String name, Optional<String> expected, String value, Instant updatedAt);
}
