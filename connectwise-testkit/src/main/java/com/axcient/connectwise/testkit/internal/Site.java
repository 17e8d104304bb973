package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.internal.ApiError.FieldProblem;
import com.axcient.connectwise.testkit.internal.ApiSchema.ObjectSchema;
import com.axcient.connectwise.testkit.internal.ApiSchema.Property;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The simulated site's records and the rules ConnectWise applies when they are written: types,
 * required fields, max lengths from the schema, references that must exist, board-scoped
 * statuses, duplicate identifiers, derived fields and audit stamps.
 *
 * <p>Every write runs under one write lock and every read under the read lock, and callers only
 * ever see copies, so concurrent requests leave consistent data.
 */
public final class Site {

  private static final Set<String> TRANSIENT =
      Set.of("skipCallback", "processNotifications", "contactEmailLookup", "initialDescriptionFrom",
          "password");
  private static final List<String> ADDRESS_FIELDS =
      List.of("addressLine1", "addressLine2", "city", "state", "zip", "country");

  private final ApiSchema schema = ApiSchema.get();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Kind, TreeMap<Long, ObjectNode>> tables = new EnumMap<>(Kind.class);
  private final Map<Kind, Long> sequences = new EnumMap<>(Kind.class);
  private final Consumer<Change> changes;
  private volatile Clock clock;
  private volatile String apiUrl = "";

  /**
   * An empty site.
   *
   * @param clock the source of every timestamp
   * @param changes told of every saved change, in order, while the change is being saved
   */
  public Site(Clock clock, Consumer<Change> changes) {
    this.clock = clock;
    this.changes = changes;
    for (Kind kind : Kind.values()) {
      tables.put(kind, new TreeMap<>());
      sequences.put(kind, kind.firstId());
    }
  }

  /** Sets the API base URL that {@code _info} links point at. */
  public void apiUrl(String url) {
    this.apiUrl = url;
  }

  /** The API base URL that {@code _info} links point at. */
  public String apiUrl() {
    return apiUrl;
  }

  /** Replaces the clock; seeding uses an earlier clock so seeded records look older. */
  public void clock(Clock newClock) {
    this.clock = newClock;
  }

  /** The clock stamps come from. */
  public Clock clock() {
    return clock;
  }

  /** The schemas. */
  public ApiSchema schema() {
    return schema;
  }

  // ---- reads --------------------------------------------------------------------------------

  /** Copies of the records of a collection that match, in id order. */
  public List<ObjectNode> select(Kind kind, long parentId, Predicate<JsonNode> filter) {
    lock.readLock().lock();
    try {
      requireParent(kind, parentId);
      return tables.get(kind).values().stream()
          .filter(r -> kind.parent() == null || kind.parentIdOf(r) == parentId)
          .filter(filter)
          .map(ObjectNode::deepCopy)
          .collect(Collectors.toList());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs {@code work} under the read lock on the stored records of a collection that match, in id
   * order, without copying them: a list request copies only the page it returns, not the table.
   * The list is the work's own (it may sort it); the records are not, and must be copied before
   * anything keeps them.
   */
  public <T> T query(Kind kind, long parentId, Predicate<JsonNode> filter, Function<List<ObjectNode>, T> work) {
    lock.readLock().lock();
    try {
      requireParent(kind, parentId);
      List<ObjectNode> matches = tables.get(kind).values().stream()
          .filter(r -> kind.parent() == null || kind.parentIdOf(r) == parentId)
          .filter(filter)
          .collect(Collectors.toCollection(ArrayList::new));
      return work.apply(matches);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Copies of every record of a kind, whatever its parent, in id order. */
  public List<ObjectNode> all(Kind kind) {
    lock.readLock().lock();
    try {
      return tables.get(kind).values().stream().map(ObjectNode::deepCopy).collect(Collectors.toList());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A copy of one record of a collection; a 404 {@link ApiError} when it does not exist. */
  public ObjectNode get(Kind kind, long parentId, long id) {
    lock.readLock().lock();
    try {
      return stored(kind, parentId, id).deepCopy();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A copy of one record by id alone, if it exists. */
  public Optional<ObjectNode> find(Kind kind, long id) {
    lock.readLock().lock();
    try {
      ObjectNode record = tables.get(kind).get(id);
      return Optional.ofNullable(record == null ? null : record.deepCopy());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The member with this identifier (any case), if any. */
  public Optional<ObjectNode> member(String identifier) {
    lock.readLock().lock();
    try {
      return tables.get(Kind.MEMBER).values().stream()
          .filter(m -> identifier.equalsIgnoreCase(m.path("identifier").asText()))
          .findFirst()
          .map(ObjectNode::deepCopy);
    } finally {
      lock.readLock().unlock();
    }
  }

  private ObjectNode stored(Kind kind, long parentId, long id) {
    requireParent(kind, parentId);
    ObjectNode record = tables.get(kind).get(id);
    if (record == null || (kind.parent() != null && kind.parentIdOf(record) != parentId)) {
      throw ApiError.notFound(kind.displayName() + " " + id + " was not found.");
    }
    return record;
  }

  private void requireParent(Kind kind, long parentId) {
    if (kind.parent() != null && !tables.get(kind.parent()).containsKey(parentId)) {
      throw ApiError.notFound(kind.parent().displayName() + " " + parentId + " was not found.");
    }
  }

  // ---- writes -------------------------------------------------------------------------------

  /** Creates a record as {@code actor}, checked as ConnectWise checks a POST; returns a copy. */
  public ObjectNode create(Kind kind, long parentId, JsonNode body, Actor actor) {
    lock.writeLock().lock();
    try {
      requireParent(kind, parentId);
      Write write = sanitize(kind, requireObject(kind, body));
      return save(kind, parentId, null, write, actor).deepCopy();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Replaces a record as a PUT does: omitted fields are cleared or defaulted; returns a copy. */
  public ObjectNode replace(Kind kind, long parentId, long id, JsonNode body, Actor actor) {
    lock.writeLock().lock();
    try {
      ObjectNode stored = stored(kind, parentId, id);
      Write write = sanitize(kind, requireObject(kind, body));
      return save(kind, parentId, stored, write, actor).deepCopy();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Applies PATCH operations ({@code [{op, path, value}]}) to a record; returns a copy. */
  public ObjectNode patch(Kind kind, long parentId, long id, JsonNode operations, Actor actor) {
    lock.writeLock().lock();
    try {
      ObjectNode stored = stored(kind, parentId, id);
      ObjectNode patched = stored.deepCopy();
      applyPatch(kind, patched, operations);
      Write write = sanitize(kind, patched);
      return save(kind, parentId, stored, write, actor).deepCopy();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Changes a record through a function of its current state, checked as a PUT; the data API's
   * way to act as a technician.
   */
  public ObjectNode update(Kind kind, long parentId, long id, Consumer<ObjectNode> change, Actor actor) {
    lock.writeLock().lock();
    try {
      ObjectNode stored = stored(kind, parentId, id);
      ObjectNode copy = stored.deepCopy();
      change.accept(copy);
      return save(kind, parentId, stored, sanitize(kind, copy), actor).deepCopy();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Deletes a record and its children; 409 when another record still refers to it. */
  public void delete(Kind kind, long parentId, long id, Actor actor) {
    lock.writeLock().lock();
    try {
      ObjectNode stored = stored(kind, parentId, id);
      checkNotInUse(kind, id);
      for (Kind child : Kind.values()) {
        if (child.parent() == kind) {
          tables.get(child).values().removeIf(r -> child.parentIdOf(r) == id);
        }
      }
      tables.get(kind).remove(id);
      changes.accept(new Change(kind, "deleted", stored.deepCopy(), actor, false));
    } finally {
      lock.writeLock().unlock();
    }
  }

  private ObjectNode requireObject(Kind kind, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiError.badRequest("The request body must be a " + kind.resourceName() + " JSON object.");
    }
    return (ObjectNode) body;
  }

  /** What a request body turns into once cleaned: the record fields and the write-only extras. */
  private static final class Write {
    final ObjectNode record;
    final Map<String, JsonNode> extras = new HashMap<>();
    final List<FieldProblem> problems = new ArrayList<>();

    Write(ObjectNode record) {
      this.record = record;
    }

    boolean flag(String name) {
      JsonNode value = extras.get(name);
      return value != null && value.asBoolean(false);
    }
  }

  /**
   * Keeps the fields the schema declares with values of the declared type; drops unknown fields
   * (as ConnectWise's deserialiser does) and read-only ones; sets aside create-only and
   * transient fields such as {@code initialDescription} and {@code skipCallback}.
   */
  private Write sanitize(Kind kind, ObjectNode body) {
    ObjectSchema objectSchema = schema.require(kind.schemaName());
    Write write = new Write(Json.object());
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      Property property = objectSchema.properties().get(name);
      if (property == null || name.equals("id") || name.equals("_info") || value.isNull()) {
        continue;
      }
      Optional<String> problem = typeProblem(property, value);
      if (problem.isPresent()) {
        write.problems.add(new FieldProblem("InvalidField", problem.get(), kind.resourceName(), name));
      } else if (property.isPostOnly() || TRANSIENT.contains(name)) {
        write.extras.put(name, value);
      } else if (property.ref() != null) {
        write.record.set(name, keepDeclared((ObjectNode) value, schema.require(property.ref())));
      } else if ("number".equals(property.type())) {
        // ConnectWise keeps these as doubles: 1 comes back as 1.0, and binary rounding applies.
        write.record.put(name, value.doubleValue());
      } else {
        write.record.set(name, value.deepCopy());
      }
    }
    return write;
  }

  private static ObjectNode keepDeclared(ObjectNode value, ObjectSchema refSchema) {
    ObjectNode kept = Json.object();
    value.properties().forEach(e -> {
      if (refSchema.properties().containsKey(e.getKey()) && !e.getValue().isNull()) {
        kept.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return kept;
  }

  private Optional<String> typeProblem(Property property, JsonNode value) {
    String name = property.name();
    if (property.isAny()) {
      return Optional.empty();
    }
    if (property.ref() != null || property.isMap()) {
      return value.isObject() ? Optional.empty() : Optional.of(name + " must be an object.");
    }
    switch (property.type()) {
      case "string":
        if (!value.isTextual()) {
          return Optional.of(name + " must be a string.");
        }
        if (!property.enumValues().isEmpty() && !property.enumValues().contains(value.asText())) {
          return Optional.of(name + " must be one of " + String.join(", ", property.enumValues()) + ".");
        }
        if ("date-time".equals(property.format()) && !Dates.isDateTime(value.asText())) {
          return Optional.of(name + " must be a date-time such as 2024-05-01T00:00:00Z.");
        }
        return Optional.empty();
      case "integer":
        return value.isIntegralNumber() && value.canConvertToInt()
            ? Optional.empty() : Optional.of(name + " must be a whole number.");
      case "number":
        return value.isNumber() ? Optional.empty() : Optional.of(name + " must be a number.");
      case "boolean":
        return value.isBoolean() ? Optional.empty() : Optional.of(name + " must be true or false.");
      case "array":
        return value.isArray() ? Optional.empty() : Optional.of(name + " must be an array.");
      default:
        return Optional.empty();
    }
  }

  private void applyPatch(Kind kind, ObjectNode target, JsonNode operations) {
    if (operations == null || !operations.isArray()) {
      throw ApiError.badRequest(
          "The PATCH body must be a JSON array of operations such as "
              + "[{\"op\": \"replace\", \"path\": \"summary\", \"value\": \"...\"}].");
    }
    ObjectSchema root = schema.require(kind.schemaName());
    for (JsonNode operation : operations) {
      String op = Json.text(operation, "op");
      String path = Json.text(operation, "path");
      if (op == null || path == null) {
        throw ApiError.badRequest("Each PATCH operation needs a string 'op' and a string 'path'.");
      }
      op = op.toLowerCase(Locale.ROOT);
      if (!op.equals("replace") && !op.equals("add") && !op.equals("remove")) {
        throw ApiError.badRequest("PATCH op '" + op + "' is not supported; use replace, add or remove.");
      }
      String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/");
      checkPatchPath(kind, root, segments, path);
      ObjectNode parent = target;
      for (int i = 0; i < segments.length - 1; i++) {
        JsonNode child = parent.get(segments[i]);
        parent = child instanceof ObjectNode ? (ObjectNode) child : parent.putObject(segments[i]);
      }
      String last = segments[segments.length - 1];
      if (op.equals("remove")) {
        parent.remove(last);
      } else if (!operation.has("value")) {
        throw ApiError.badRequest("PATCH operation '" + op + "' on '" + path + "' needs a value.");
      } else {
        parent.set(last, operation.get("value").deepCopy());
      }
    }
  }

  private void checkPatchPath(Kind kind, ObjectSchema root, String[] segments, String path) {
    if (segments.length == 0) {
      // A path of only slashes ("//") names no field at all.
      throw ApiError.invalidField(kind.resourceName(), path, "InvalidField",
          "The PATCH path '" + path + "' names no field: write a field name such as 'summary'.");
    }
    ObjectSchema current = root;
    for (int i = 0; i < segments.length; i++) {
      Property property = current == null ? null : current.properties().get(segments[i]);
      if (property == null || (i == 0 && (segments[i].equals("id") || segments[i].equals("_info")))) {
        throw ApiError.invalidField(kind.resourceName(), segments[0], "InvalidField",
            "The PATCH path '" + path + "' is not a writable field of " + kind.resourceName() + ".");
      }
      current = property.ref() == null ? null : schema.require(property.ref());
      if (current == null && i < segments.length - 1 && !property.isMap() && !property.isAny()) {
        throw ApiError.invalidField(kind.resourceName(), segments[0], "InvalidField",
            "The PATCH path '" + path + "' is not a writable field of " + kind.resourceName() + ".");
      }
    }
  }

  // ---- the save pipeline ----------------------------------------------------------------------

  private ObjectNode save(Kind kind, long parentId, ObjectNode stored, Write write, Actor actor) {
    boolean creating = stored == null;
    if (!write.problems.isEmpty()) {
      throw ApiError.invalid(kind.resourceName(), write.problems);
    }
    ObjectNode record = write.record;
    linkParent(kind, parentId, record);
    if (!creating) {
      keepOnUpdate(kind, stored, record);
    }
    List<FieldProblem> problems = new ArrayList<>();
    applyDefaults(kind, record, stored, actor, problems);
    resolveReferences(kind, record, problems);
    checkRequiredAndLengths(kind, record, problems);
    if (problems.isEmpty()) {
      checkRules(kind, record, stored, problems);
    }
    if (!problems.isEmpty()) {
      throw ApiError.invalid(kind.resourceName(), problems);
    }
    long id = creating ? nextId(kind) : stored.path("id").asLong();
    derive(kind, record, stored, actor);
    record.put("id", id);
    stamp(record, stored, actor);
    ObjectNode result = Json.object();
    for (String property : schema.require(kind.schemaName()).properties().keySet()) {
      if (record.has(property)) {
        result.set(property, record.get(property));
      }
    }
    tables.get(kind).put(id, result);
    clearOtherDefaults(kind, result);
    if (creating && kind == Kind.TICKET) {
      addInitialNotes(result, write, actor);
    }
    changes.accept(new Change(kind, creating ? "added" : "updated", result.deepCopy(), actor,
        write.flag("skipCallback")));
    return result;
  }

  private long nextId(Kind kind) {
    long id = sequences.get(kind);
    sequences.put(kind, id + 1);
    return id;
  }

  private void linkParent(Kind kind, long parentId, ObjectNode record) {
    switch (kind) {
      case BOARD_TEAM:
        record.put("boardId", parentId);
        break;
      case TICKET_NOTE:
        record.put("ticketId", parentId);
        break;
      case ADDITION:
        record.put("agreementId", parentId);
        break;
      default:
        if (kind.parent() == Kind.BOARD) {
          record.putObject("board").put("id", parentId);
        }
    }
  }

  /** Fields a PUT or PATCH cannot change. */
  private static void keepOnUpdate(Kind kind, ObjectNode stored, ObjectNode record) {
    if (kind == Kind.COMPANY) {
      record.remove("types");
      if (stored.has("types")) {
        record.set("types", stored.get("types").deepCopy());
      }
    }
    if (kind == Kind.TICKET_NOTE) {
      for (String field : List.of("createdBy", "dateCreated")) {
        if (stored.has(field)) {
          record.set(field, stored.get(field).deepCopy());
        }
      }
    }
  }

  private void applyDefaults(Kind kind, ObjectNode record, ObjectNode stored, Actor actor,
      List<FieldProblem> problems) {
    switch (kind) {
      case TICKET:
        putIfAbsent(record, "recordType", "ServiceTicket");
        putIfAbsent(record, "severity", "Medium");
        putIfAbsent(record, "impact", "Medium");
        if (!record.has("board")) {
          Optional<ObjectNode> member = Optional.ofNullable(tables.get(Kind.MEMBER).get(actor.id()));
          long board = member.map(m -> Json.refId(m, "serviceDefaultBoard")).orElse(-1L);
          if (board > 0) {
            record.putObject("board").put("id", board);
          }
        }
        resolveReference(kind, record, "board", "BoardReference", problems);
        long boardId = Json.refId(record, "board");
        if (!record.has("status") && boardId > 0) {
          defaultRecord(Kind.BOARD_STATUS, r -> Json.refId(r, "board") == boardId && !Json.flag(r, "inactive"))
              .ifPresent(s -> record.putObject("status").put("id", s.path("id").asLong()));
        }
        if (!record.has("priority")) {
          defaultRecord(Kind.PRIORITY, r -> true)
              .ifPresent(p -> record.putObject("priority").put("id", p.path("id").asLong()));
        }
        break;
      case TICKET_NOTE:
        if (!record.has("member")) {
          record.putObject("member").put("id", actor.id());
        }
        putIfAbsent(record, "createdBy", actor.identifier());
        putIfAbsent(record, "dateCreated", now());
        for (String flag : List.of("detailDescriptionFlag", "internalAnalysisFlag", "resolutionFlag",
            "issueFlag", "customerUpdatedFlag", "externalFlag")) {
          if (!record.has(flag)) {
            record.put(flag, false);
          }
        }
        record.put("internalFlag", Json.flag(record, "internalAnalysisFlag"));
        break;
      case COMPANY:
        if (!record.has("status")) {
          defaultRecord(Kind.COMPANY_STATUS, r -> !Json.flag(r, "inactiveFlag"))
              .ifPresent(s -> record.putObject("status").put("id", s.path("id").asLong()));
        }
        for (String flag : List.of("deletedFlag", "isVendorFlag", "leadFlag", "unsubscribeFlag")) {
          if (!record.has(flag)) {
            record.put(flag, false);
          }
        }
        break;
      case AGREEMENT:
        if (!record.has("cancelledFlag")) {
          record.put("cancelledFlag", false);
        }
        if (!record.has("noEndingDateFlag")) {
          record.put("noEndingDateFlag", !record.has("endDate"));
        }
        putIfAbsent(record, "startDate", now());
        break;
      case ADDITION:
        resolveReference(kind, record, "product", "IvItemReference", problems);
        Optional<ObjectNode> item = Optional.ofNullable(
            tables.get(Kind.CATALOG_ITEM).get(Json.refId(record, "product")));
        item.ifPresent(catalog -> {
          copyIfAbsent(catalog, "price", record, "unitPrice");
          copyIfAbsent(catalog, "cost", record, "unitCost");
          copyIfAbsent(catalog, "description", record, "description");
          copyIfAbsent(catalog, "taxableFlag", record, "taxableFlag");
        });
        if (!record.has("quantity")) {
          record.put("quantity", 1.0);
        }
        if (!record.has("lessIncluded")) {
          record.put("lessIncluded", 0.0);
        }
        putIfAbsent(record, "effectiveDate", now());
        break;
      case CALLBACK:
        if (!record.has("memberId")) {
          record.put("memberId", actor.id());
        }
        for (String flag : List.of("inactiveFlag", "isSoapCallbackFlag", "isSelfSuppressedFlag")) {
          if (!record.has(flag)) {
            record.put(flag, false);
          }
        }
        break;
      default:
        break;
    }
  }

  private Optional<ObjectNode> defaultRecord(Kind kind, Predicate<ObjectNode> scope) {
    return tables.get(kind).values().stream()
        .filter(scope)
        .filter(r -> Json.flag(r, "defaultFlag"))
        .findFirst();
  }

  private static void putIfAbsent(ObjectNode record, String field, String value) {
    if (!record.has(field)) {
      record.put(field, value);
    }
  }

  private static void copyIfAbsent(ObjectNode from, String fromField, ObjectNode to, String toField) {
    if (!to.has(toField) && from.has(fromField)) {
      to.set(toField, from.get(fromField).deepCopy());
    }
  }

  private void resolveReferences(Kind kind, ObjectNode record, List<FieldProblem> problems) {
    ObjectSchema objectSchema = schema.require(kind.schemaName());
    for (Property property : objectSchema.properties().values()) {
      if (property.ref() != null && record.has(property.name())) {
        resolveReference(kind, record, property.name(), property.ref(), problems);
      }
    }
  }

  /**
   * Replaces a reference the writer sent ({@code {"id": 5}}, or an identifier or name) with the
   * full reference ConnectWise returns; a reference to a record that does not exist is a field
   * error. References to kinds the simulator does not store (contacts, sites...) are kept as sent.
   */
  private void resolveReference(Kind kind, ObjectNode record, String field, String refSchemaName,
      List<FieldProblem> problems) {
    Optional<Kind> targetKind = Kind.forReferenceSchema(refSchemaName);
    JsonNode ref = record.get(field);
    if (targetKind.isEmpty() || ref == null || !ref.isObject()) {
      return;
    }
    Kind target = targetKind.get();
    long boardScope = target.isBoardScoped() ? Json.refId(record, "board") : -1;
    ObjectNode found = lookup(target, ref, boardScope);
    if (found == null) {
      problems.add(new FieldProblem("InvalidField",
          "The " + field + " " + describe(ref) + " was not found.", kind.resourceName(), field));
      record.remove(field);
      return;
    }
    record.set(field, reference(target, found, schema.require(refSchemaName)));
  }

  private ObjectNode lookup(Kind target, JsonNode ref, long boardScope) {
    TreeMap<Long, ObjectNode> table = tables.get(target);
    if (ref.has("id")) {
      return ref.path("id").canConvertToLong() ? table.get(ref.path("id").asLong()) : null;
    }
    String identifier = Json.text(ref, "identifier");
    String name = Json.text(ref, "name");
    for (ObjectNode candidate : table.values()) {
      if (boardScope > 0 && target.parentIdOf(candidate) != boardScope) {
        continue;
      }
      if (identifier != null && target.identifierField().isPresent()
          && identifier.equalsIgnoreCase(candidate.path("identifier").asText())) {
        return candidate;
      }
      if (identifier == null && name != null && name.equalsIgnoreCase(nameOf(target, candidate))) {
        return candidate;
      }
    }
    return null;
  }

  private static String describe(JsonNode ref) {
    if (ref.has("id")) {
      return "id " + ref.get("id");
    }
    if (ref.has("identifier")) {
      return "identifier " + ref.get("identifier");
    }
    return ref.has("name") ? "name " + ref.get("name") : "(no id)";
  }

  private static String nameOf(Kind kind, JsonNode record) {
    if (kind == Kind.MEMBER) {
      return record.path("firstName").asText() + " " + record.path("lastName").asText();
    }
    return record.path("name").asText(null);
  }

  /** The reference to {@code target} as ConnectWise embeds it, with only the reference schema's fields. */
  public ObjectNode reference(Kind kind, JsonNode target, ObjectSchema refSchema) {
    ObjectNode ref = Json.object();
    long id = target.path("id").asLong();
    ref.put("id", id);
    for (String property : refSchema.properties().keySet()) {
      JsonNode value;
      switch (property) {
        case "id":
        case "_info":
          continue;
        case "name":
          String name = nameOf(kind, target);
          value = name == null ? null : Json.MAPPER.getNodeFactory().textNode(name);
          break;
        case "sort":
          value = target.get("sortOrder");
          break;
        case "type":
          value = target.path("type").get("name");
          break;
        case "chargeFirmFlag":
          value = target.get("chargeToFirm");
          break;
        default:
          value = target.get(property);
      }
      if (value != null && !value.isNull()) {
        ref.set(property, value.deepCopy());
      }
    }
    ref.putObject("_info").put(kind.hrefKey(), apiUrl + kind.recordPath(kind.parentIdOf(target), id));
    return ref;
  }

  private void checkRequiredAndLengths(Kind kind, ObjectNode record, List<FieldProblem> problems) {
    ObjectSchema objectSchema = schema.require(kind.schemaName());
    for (String required : objectSchema.required()) {
      JsonNode value = record.get(required);
      boolean reported = problems.stream().anyMatch(p -> p.field().equals(required));
      if (!reported && (value == null || value.isNull()
          || (value.isTextual() && value.asText().isBlank()))) {
        problems.add(new FieldProblem("MissingRequiredField", required + " is required.",
            kind.resourceName(), required));
      }
    }
    for (Property property : objectSchema.properties().values()) {
      JsonNode value = record.get(property.name());
      if (property.maxLength() > 0 && value != null && value.isTextual()
          && value.asText().length() > property.maxLength()) {
        problems.add(new FieldProblem("InvalidField",
            "The field " + property.name() + " must be a string with a maximum length of "
                + property.maxLength() + ".",
            kind.resourceName(), property.name()));
      }
    }
  }

  private void checkRules(Kind kind, ObjectNode record, ObjectNode stored, List<FieldProblem> problems) {
    switch (kind) {
      case TICKET:
        checkTicket(record, stored, problems);
        break;
      case TICKET_NOTE:
        if (!Json.flag(record, "detailDescriptionFlag") && !Json.flag(record, "internalAnalysisFlag")
            && !Json.flag(record, "resolutionFlag")) {
          problems.add(new FieldProblem("MissingRequiredField",
              "A note must be a discussion, internal analysis or resolution note: set "
                  + "detailDescriptionFlag, internalAnalysisFlag or resolutionFlag.",
              kind.resourceName(), "detailDescriptionFlag"));
        }
        if (Json.text(record, "text") == null || Json.text(record, "text").isBlank()) {
          problems.add(new FieldProblem("MissingRequiredField", "text is required.",
              kind.resourceName(), "text"));
        }
        break;
      case COMPANY:
        checkCompany(record, stored, problems);
        break;
      case CALLBACK:
        checkUrl(record, problems);
        break;
      default:
        break;
    }
  }

  private void checkTicket(ObjectNode record, ObjectNode stored, List<FieldProblem> problems) {
    long boardId = Json.refId(record, "board");
    ObjectNode board = tables.get(Kind.BOARD).get(boardId);
    if (board == null) {
      problems.add(new FieldProblem("MissingRequiredField",
          "board is required: the API member has no default service board.", "ticket", "board"));
      return;
    }
    boolean boardChanged = stored == null || Json.refId(stored, "board") != boardId;
    if (boardChanged && Json.flag(board, "inactiveFlag")) {
      problems.add(new FieldProblem("InvalidField",
          "The board " + board.path("name").asText() + " is inactive.", "ticket", "board"));
    }
    for (String field : List.of("status", "team", "type", "subType", "item")) {
      long refId = Json.refId(record, field);
      if (refId < 0) {
        continue;
      }
      Kind scoped = Kind.forReferenceSchema(
          schema.require("Ticket").properties().get(field).ref()).orElseThrow();
      ObjectNode target = tables.get(scoped).get(refId);
      if (scoped.parentIdOf(target) != boardId) {
        problems.add(new FieldProblem("InvalidField",
            "The " + field + " " + target.path("name").asText() + " does not belong to the board "
                + board.path("name").asText() + ".", "ticket", field));
      }
    }
    long statusId = Json.refId(record, "status");
    if (statusId < 0) {
      problems.add(new FieldProblem("MissingRequiredField",
          "status is required: the board " + board.path("name").asText() + " has no default status.",
          "ticket", "status"));
    } else if (Json.flag(tables.get(Kind.BOARD_STATUS).get(statusId), "inactive")
        && (stored == null || Json.refId(stored, "status") != statusId)) {
      problems.add(new FieldProblem("InvalidField", "The status "
          + record.path("status").path("name").asText() + " is inactive.", "ticket", "status"));
    }
    if (problems.isEmpty()) {
      checkTypeCombination(record, boardId, problems);
    }
  }

  private void checkTypeCombination(ObjectNode record, long boardId, List<FieldProblem> problems) {
    long type = Json.refId(record, "type");
    long subType = Json.refId(record, "subType");
    long item = Json.refId(record, "item");
    if (subType < 0 && item < 0) {
      return;
    }
    boolean valid = type > 0 && tables.get(Kind.TYPE_SUBTYPE_ITEM).values().stream()
        .filter(a -> Json.refId(a, "board") == boardId)
        .anyMatch(a -> Json.refId(a, "type") == type
            && (subType < 0 || Json.refId(a, "subType") == subType)
            && (item < 0 || Json.refId(a, "item") == item));
    if (!valid) {
      problems.add(new FieldProblem("InvalidField",
          "The type/subtype/item combination is not valid for this board.", "ticket",
          subType > 0 ? "subType" : "item"));
    }
  }

  private void checkCompany(ObjectNode record, ObjectNode stored, List<FieldProblem> problems) {
    String identifier = Json.text(record, "identifier");
    long self = stored == null ? -1 : stored.path("id").asLong();
    boolean duplicate = identifier != null && tables.get(Kind.COMPANY).values().stream()
        .anyMatch(c -> c.path("id").asLong() != self
            && identifier.equalsIgnoreCase(c.path("identifier").asText()));
    if (duplicate) {
      problems.add(new FieldProblem("ObjectExists",
          "The identifier " + identifier + " is already in use by another company.", "company",
          "identifier"));
    }
    if (stored == null && ADDRESS_FIELDS.stream().noneMatch(record::has)) {
      problems.add(new FieldProblem("MissingRequiredField",
          "At least one address field is required: addressLine1, addressLine2, city, state, zip "
              + "or country.", "company", "addressLine1"));
    }
  }

  private static void checkUrl(ObjectNode record, List<FieldProblem> problems) {
    String url = Json.text(record, "url");
    if (url == null) {
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // Reported below, like any other URL that is not absolute.
    }
    problems.add(new FieldProblem("InvalidField", "url must be an absolute http or https URL.",
        "callbackEntry", "url"));
  }

  /** Fields ConnectWise computes rather than accepts. */
  private void derive(Kind kind, ObjectNode record, ObjectNode stored, Actor actor) {
    switch (kind) {
      case TICKET:
        ObjectNode status = tables.get(Kind.BOARD_STATUS).get(Json.refId(record, "status"));
        boolean closed = Json.flag(status, "closedStatus");
        boolean wasClosed = stored != null && Json.flag(stored, "closedFlag");
        record.put("closedFlag", closed);
        if (closed && !wasClosed) {
          record.put("closedDate", now());
          record.put("closedBy", actor.identifier());
        } else if (closed) {
          record.set("closedDate", stored.get("closedDate"));
          record.set("closedBy", stored.get("closedBy"));
        } else {
          record.remove("closedDate");
          record.remove("closedBy");
        }
        break;
      case AGREEMENT:
        record.put("agreementStatus", agreementStatus(record));
        if (Json.flag(record, "cancelledFlag")) {
          putIfAbsent(record, "dateCancelled", now());
        } else {
          record.remove("dateCancelled");
        }
        break;
      case ADDITION:
        BigDecimal quantity = record.path("quantity").decimalValue();
        BigDecimal price = record.path("unitPrice").decimalValue();
        BigDecimal cost = record.path("unitCost").decimalValue();
        BigDecimal extPrice = price.multiply(quantity);
        BigDecimal extCost = cost.multiply(quantity);
        record.put("extPrice", extPrice.doubleValue());
        record.put("extCost", extCost.doubleValue());
        record.put("margin", extPrice.subtract(extCost).doubleValue());
        record.put("billedQuantity",
            quantity.subtract(record.path("lessIncluded").decimalValue()).doubleValue());
        ObjectNode agreement = tables.get(Kind.AGREEMENT).get(record.path("agreementId").asLong());
        if (agreement != null) {
          record.put("agreementStatus", agreement.path("agreementStatus").asText("Active"));
        }
        break;
      default:
        break;
    }
  }

  private String agreementStatus(ObjectNode agreement) {
    if (Json.flag(agreement, "cancelledFlag")) {
      return "Cancelled";
    }
    String end = Json.text(agreement, "endDate");
    if (end != null && !Json.flag(agreement, "noEndingDateFlag")
        && Dates.parse(end).isBefore(clock.instant())) {
      return "Expired";
    }
    return "Active";
  }

  private void stamp(ObjectNode record, ObjectNode stored, Actor actor) {
    ObjectNode info = Json.object();
    String now = now();
    info.put("lastUpdated", now);
    info.put("updatedBy", actor.identifier());
    JsonNode previous = stored == null ? null : stored.get("_info");
    info.put("dateEntered", previous == null ? now : previous.path("dateEntered").asText(now));
    info.put("enteredBy",
        previous == null ? actor.identifier() : previous.path("enteredBy").asText(actor.identifier()));
    record.set("_info", info);
  }

  /** A status, team, type or priority saved as the default stops the others being default. */
  private void clearOtherDefaults(Kind kind, ObjectNode saved) {
    if (!Json.flag(saved, "defaultFlag") || kind == Kind.TICKET) {
      return;
    }
    long id = saved.path("id").asLong();
    long scope = kind.parentIdOf(saved);
    for (ObjectNode other : tables.get(kind).values()) {
      if (other.path("id").asLong() != id && kind.parentIdOf(other) == scope
          && Json.flag(other, "defaultFlag")) {
        other.put("defaultFlag", false);
      }
    }
  }

  private void addInitialNotes(ObjectNode ticket, Write write, Actor actor) {
    Map<String, String> notes = Map.of(
        "initialDescription", "detailDescriptionFlag",
        "initialInternalAnalysis", "internalAnalysisFlag",
        "initialResolution", "resolutionFlag");
    for (String field : List.of("initialDescription", "initialInternalAnalysis", "initialResolution")) {
      JsonNode text = write.extras.get(field);
      if (text != null && text.isTextual() && !text.asText().isBlank()) {
        ObjectNode note = Json.object();
        note.put("text", text.asText());
        note.put(notes.get(field), true);
        save(Kind.TICKET_NOTE, ticket.path("id").asLong(), null, sanitize(Kind.TICKET_NOTE, note), actor);
      }
    }
  }

  private void checkNotInUse(Kind kind, long id) {
    for (Kind other : Kind.values()) {
      if (other.parent() == kind) {
        continue;
      }
      ObjectSchema otherSchema = schema.require(other.schemaName());
      for (Property property : otherSchema.properties().values()) {
        if (property.ref() == null || Kind.forReferenceSchema(property.ref()).orElse(null) != kind) {
          continue;
        }
        for (ObjectNode record : tables.get(other).values()) {
          if (Json.refId(record, property.name()) == id) {
            throw new ApiError(409, "Conflict", kind.displayName() + " " + id + " is in use by "
                + other.displayName() + " " + record.path("id").asLong() + " and cannot be deleted.");
          }
        }
      }
    }
  }

  private String now() {
    return Json.timestamp(clock.instant());
  }

  /** The current instant of the site's clock. */
  public Instant instant() {
    return clock.instant();
  }
}
