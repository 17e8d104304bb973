package com.axcient.connectwise.testkit;

import com.axcient.connectwise.testkit.internal.Actor;
import com.axcient.connectwise.testkit.internal.ApiError;
import com.axcient.connectwise.testkit.internal.Conditions;
import com.axcient.connectwise.testkit.internal.Json;
import com.axcient.connectwise.testkit.internal.Route;
import com.axcient.connectwise.testkit.internal.Site;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads and changes the simulated records directly, as JSON, without HTTP. Paths are those of the
 * API relative to its base ({@code /service/tickets/41001}, {@code /service/boards/1/statuses}).
 *
 * <p>Writes act as a member ({@link #as(String)}; the seeded technician {@code jsmith} unless
 * chosen) and go through the same checks as API writes, so they stamp {@code _info.updatedBy}
 * with that member and trigger callbacks naming that member: the way to make a change "as a
 * technician would" in ConnectWise's own screens. Security roles do not apply here. Every
 * method returns copies; changing a returned node changes nothing until it is written back.
 */
public final class SimulatorData {

  private final Site site;
  private final Supplier<Actor> actor;

  SimulatorData(Site site, Supplier<Actor> actor) {
    this.site = site;
    this.actor = actor;
  }

  /**
   * The same data API acting as another member.
   *
   * @param memberIdentifier a member's identifier, e.g. {@code bwilson}
   * @return a data API whose writes are made by that member
   * @throws IllegalArgumentException when no member has that identifier
   */
  public SimulatorData as(String memberIdentifier) {
    Actor member = site.member(memberIdentifier)
        .map(Actor::of)
        .orElseThrow(() -> new IllegalArgumentException("No member " + memberIdentifier));
    return new SimulatorData(site, () -> member);
  }

  /**
   * The member this data API writes as.
   *
   * @return a member identifier
   */
  public String actingMember() {
    return actor.get().identifier();
  }

  /**
   * One record.
   *
   * @param recordPath e.g. {@code /service/tickets/41001}
   * @return a copy of the record, or empty when it does not exist
   */
  public Optional<ObjectNode> get(String recordPath) {
    Route route = record(recordPath);
    try {
      return Optional.of(site.get(route.kind(), route.parentId(), route.id()));
    } catch (ApiError notFound) {
      return Optional.empty();
    }
  }

  /**
   * Every record of a collection, in id order.
   *
   * @param collectionPath e.g. {@code /company/companies}
   * @return copies of the records
   */
  public List<ObjectNode> list(String collectionPath) {
    return list(collectionPath, null);
  }

  /**
   * The records of a collection that match ConnectWise conditions, in id order.
   *
   * @param collectionPath e.g. {@code /service/tickets}
   * @param conditions e.g. {@code externalXRef = "abc"}; null for all
   * @return copies of the matching records
   * @throws SimulatorException when the conditions are malformed
   */
  public List<ObjectNode> list(String collectionPath, String conditions) {
    Route route = collection(collectionPath);
    return call(() -> {
      Conditions.Condition condition = Conditions.parse(site.schema(),
          site.schema().require(route.kind().schemaName()), "conditions", conditions);
      return site.select(route.kind(), route.parentId(), condition::matches);
    });
  }

  /**
   * Creates a record, checked as a POST.
   *
   * @param collectionPath e.g. {@code /service/tickets/41001/notes}
   * @param record the fields, as a POST body
   * @return the created record
   * @throws SimulatorException when ConnectWise would refuse it
   */
  public ObjectNode create(String collectionPath, ObjectNode record) {
    Route route = collection(collectionPath);
    return call(() -> site.create(route.kind(), route.parentId(), record, actor.get()));
  }

  /**
   * Changes a record through a function of its current state, checked as a PUT of the result.
   *
   * @param recordPath e.g. {@code /service/tickets/41001}
   * @param change edits the copy it is given
   * @return the saved record
   * @throws SimulatorException when ConnectWise would refuse the result
   */
  public ObjectNode update(String recordPath, Consumer<ObjectNode> change) {
    Route route = record(recordPath);
    return call(() -> site.update(route.kind(), route.parentId(), route.id(), change, actor.get()));
  }

  /**
   * Applies PATCH operations, as a PATCH request does.
   *
   * @param recordPath e.g. {@code /service/tickets/41001}
   * @param operations a JSON array of {@code {op, path, value}}
   * @return the saved record
   * @throws SimulatorException when ConnectWise would refuse the result
   */
  public ObjectNode patch(String recordPath, JsonNode operations) {
    Route route = record(recordPath);
    return call(() -> site.patch(route.kind(), route.parentId(), route.id(), operations, actor.get()));
  }

  /**
   * Replaces one field, as a PATCH {@code replace} does; e.g. {@code replace(ticket, "status",
   * Map.of("id", 5))} closes a ticket the way a technician moving it to a closed status would.
   *
   * @param recordPath e.g. {@code /service/tickets/41001}
   * @param path the field, nested with {@code /} (e.g. {@code status/id})
   * @param value any value Jackson can turn into JSON
   * @return the saved record
   * @throws SimulatorException when ConnectWise would refuse the result
   */
  public ObjectNode replace(String recordPath, String path, Object value) {
    ArrayNode operations = Json.array();
    ObjectNode operation = operations.addObject();
    operation.put("op", "replace");
    operation.put("path", path);
    operation.set("value", Json.MAPPER.valueToTree(value));
    return patch(recordPath, operations);
  }

  /**
   * Deletes a record, and its children (a ticket's notes, an agreement's additions).
   *
   * @param recordPath e.g. {@code /service/tickets/41001}
   * @throws SimulatorException when it does not exist, or another record refers to it
   */
  public void delete(String recordPath) {
    Route route = record(recordPath);
    call(() -> {
      site.delete(route.kind(), route.parentId(), route.id(), actor.get());
      return null;
    });
  }

  private Route collection(String path) {
    Route route = route(path);
    if (!route.isCollection()) {
      throw new IllegalArgumentException(path + " is not a collection path");
    }
    return route;
  }

  private Route record(String path) {
    Route route = route(path);
    if (route.id() < 0) {
      throw new IllegalArgumentException(path + " is not the path of one record");
    }
    return route;
  }

  private static Route route(String path) {
    try {
      return Route.parse(path);
    } catch (ApiError e) {
      throw new IllegalArgumentException("No simulated resource at " + path, e);
    }
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ApiError e) {
      throw new SimulatorException(e);
    }
  }
}
