package com.axcient.connectwise.client;

import com.axcient.connectwise.client.internal.ApiRequest;
import com.axcient.connectwise.client.internal.HttpEngine;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A kind of ConnectWise record that can be read, created, changed and deleted, such as tickets,
 * ticket notes, companies, agreement additions and callbacks. Obtained from
 * {@link ConnectWiseClient}, such as {@code client.tickets()}.
 *
 * <p>Prefer {@link #patch} to {@link #update}: a PUT replaces the whole record and clears what it
 * leaves out. A {@link #create} is sent at most once, whatever fails; when it fails with a
 * {@link TransportException} whose {@link TransportException#mayHaveReachedServer()} is true, or
 * a {@link ServerException}, look for the record before creating it again.
 *
 * @param <T> the record type
 */
public class CrudResource<T> extends ReadOnlyResource<T> {

  CrudResource(HttpEngine engine, String path, Class<T> type) {
    super(engine, path, type);
  }

  /** Creates the record and returns it as ConnectWise stored it (with its id). */
  public T create(T record) {
    return engine.call(ApiRequest.post(path, Objects.requireNonNull(record, "record")), type);
  }

  /** The same as {@link #create} without blocking. */
  public CompletableFuture<T> createAsync(T record) {
    return engine.callAsync(ApiRequest.post(path, Objects.requireNonNull(record, "record")), type);
  }

  /** Replaces the whole record (PUT); properties left out are cleared or defaulted. */
  public T update(long id, T record) {
    return engine.call(
        ApiRequest.put(path + "/" + id, Objects.requireNonNull(record, "record")), type);
  }

  /** Changes only the given properties and returns the whole record as it is now. */
  public T patch(long id, List<PatchOperation> operations) {
    return engine.call(patchRequest(id, operations), type);
  }

  /** Changes only the given properties and returns the whole record as it is now. */
  public T patch(long id, PatchOperation... operations) {
    return patch(id, List.of(operations));
  }

  /** The same as {@link #patch(long, List)} without blocking. */
  public CompletableFuture<T> patchAsync(long id, List<PatchOperation> operations) {
    return engine.callAsync(patchRequest(id, operations), type);
  }

  /** Deletes the record. */
  public void delete(long id) {
    engine.call(ApiRequest.delete(path + "/" + id), null);
  }

  /** The same as {@link #delete} without blocking. */
  public CompletableFuture<Void> deleteAsync(long id) {
    return engine.callAsync(ApiRequest.delete(path + "/" + id), null);
  }

  private ApiRequest patchRequest(long id, List<PatchOperation> operations) {
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("A patch needs at least one operation");
    }
    boolean absolute = operations.stream().allMatch(PatchOperation::isAbsolute);
    return ApiRequest.patch(path + "/" + id, List.copyOf(operations), absolute);
  }
}
