package com.axcient.connectwise.testkit.internal;

import com.axcient.connectwise.testkit.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Every kind of record the simulator stores, with where it lives in the API and what guards it. */
public enum Kind {
  SECURITY_ROLE(null, "/system/securityroles", "SecurityRole", "securityRole", "Security Role",
      Permission.MEMBER_MAINTENANCE, Ops.READ_ONLY, 1),
  MEMBER(null, "/system/members", "Member", "member", "Member",
      Permission.MEMBER_MAINTENANCE, Ops.READ_UPDATE, 140),
  CALLBACK(null, "/system/callbacks", "CallbackEntry", "callbackEntry", "Callback",
      Permission.MANAGE_CALLBACKS, Ops.ALL, 1),
  BOARD(null, "/service/boards", "Board", "board", "Board", Permission.TABLE_SETUP, Ops.ALL, 1),
  BOARD_STATUS(BOARD, "statuses", "BoardStatus", "boardStatus", "Status",
      Permission.TABLE_SETUP, Ops.ALL, 1),
  BOARD_TEAM(BOARD, "teams", "BoardTeam", "boardTeam", "Team", Permission.TABLE_SETUP, Ops.ALL, 20),
  BOARD_TYPE(BOARD, "types", "BoardType", "boardType", "Type", Permission.TABLE_SETUP, Ops.ALL, 100),
  BOARD_SUBTYPE(BOARD, "subtypes", "BoardSubType", "boardSubType", "Subtype",
      Permission.TABLE_SETUP, Ops.ALL, 200),
  BOARD_ITEM(BOARD, "items", "BoardItem", "boardItem", "Item", Permission.TABLE_SETUP, Ops.ALL, 300),
  TYPE_SUBTYPE_ITEM(BOARD, "typeSubTypeItemAssociations", "BoardTypeSubTypeItemAssociation",
      "boardTypeSubTypeItemAssociation", "Association", Permission.TABLE_SETUP, Ops.READ_ONLY, 1),
  PRIORITY(null, "/service/priorities", "Priority", "priority", "Priority",
      Permission.TABLE_SETUP, Ops.ALL, 1),
  TICKET(null, "/service/tickets", "Ticket", "ticket", "Service Ticket",
      Permission.SERVICE_TICKETS, Ops.ALL, 41001),
  TICKET_NOTE(TICKET, "notes", "ServiceNote", "serviceNote", "Service Note",
      Permission.SERVICE_TICKETS, Ops.ALL, 90001),
  COMPANY_STATUS(null, "/company/companies/statuses", "CompanyStatus", "companyStatus",
      "Company Status", Permission.TABLE_SETUP, Ops.ALL, 1),
  COMPANY(null, "/company/companies", "Company", "company", "Company",
      Permission.COMPANY_MAINTENANCE, Ops.ALL, 250),
  AGREEMENT(null, "/finance/agreements", "Agreement", "agreement", "Agreement",
      Permission.AGREEMENTS, Ops.ALL, 10),
  ADDITION(AGREEMENT, "additions", "Addition", "addition", "Addition",
      Permission.AGREEMENTS, Ops.ALL, 500),
  CATALOG_ITEM(null, "/procurement/catalog", "CatalogItem", "catalogItem", "Catalog Item",
      Permission.PRODUCT_CATALOG, Ops.ALL, 60);

  /** Which of read, create, update and delete a kind allows through the API. */
  enum Ops {
    ALL(EnumSet.allOf(Op.class)),
    READ_ONLY(EnumSet.of(Op.READ)),
    READ_UPDATE(EnumSet.of(Op.READ, Op.UPDATE));

    final Set<Op> allowed;

    Ops(Set<Op> allowed) {
      this.allowed = allowed;
    }
  }

  /** An operation on a kind. */
  public enum Op {
    READ, CREATE, UPDATE, DELETE
  }

  private final Kind parent;
  private final String path;
  private final String schemaName;
  private final String resourceName;
  private final String displayName;
  private final Permission permission;
  private final Ops ops;
  private final long firstId;

  Kind(Kind parent, String path, String schemaName, String resourceName, String displayName,
      Permission permission, Ops ops, long firstId) {
    this.parent = parent;
    this.path = path;
    this.schemaName = schemaName;
    this.resourceName = resourceName;
    this.displayName = displayName;
    this.permission = permission;
    this.ops = ops;
    this.firstId = firstId;
  }

  /** The parent kind of a child collection, or null. */
  public Kind parent() {
    return parent;
  }

  /** The collection path of a top-level kind, or the child segment of a child kind. */
  public String path() {
    return path;
  }

  /** The collection path for a parent id ({@code /service/tickets/5/notes}). */
  public String collectionPath(long parentId) {
    return parent == null ? path : parent.path + "/" + parentId + "/" + path;
  }

  /** The path of one record. */
  public String recordPath(long parentId, long id) {
    return collectionPath(parentId) + "/" + id;
  }

  /** The schema name of the record. */
  public String schemaName() {
    return schemaName;
  }

  /** The resource name used in error bodies, e.g. {@code ticket}. */
  public String resourceName() {
    return resourceName;
  }

  /** The human name used in messages, e.g. {@code Service Ticket}. */
  public String displayName() {
    return displayName;
  }

  /** The role function that guards the kind. */
  public Permission permission() {
    return permission;
  }

  /** Whether the API allows the operation on this kind. */
  public boolean allows(Op op) {
    return ops.allowed.contains(op);
  }

  /** The first id handed out, so that ids look like a site's that has been in use for a while. */
  public long firstId() {
    return firstId;
  }

  /** The field holding a unique business key, if any. */
  public Optional<String> identifierField() {
    switch (this) {
      case MEMBER:
      case COMPANY:
      case CATALOG_ITEM:
        return Optional.of("identifier");
      default:
        return Optional.empty();
    }
  }

  /** The key under which references to this kind carry their link in {@code _info}. */
  public String hrefKey() {
    switch (this) {
      case BOARD_STATUS:
        return "status_href";
      case BOARD_TEAM:
        return "team_href";
      case BOARD_TYPE:
        return "type_href";
      case BOARD_SUBTYPE:
        return "subType_href";
      case BOARD_ITEM:
        return "item_href";
      case COMPANY_STATUS:
        return "status_href";
      case CATALOG_ITEM:
        return "product_href";
      case TICKET:
        return "ticket_href";
      default:
        return resourceName.toLowerCase(Locale.ROOT) + "_href";
    }
  }

  /** True for the kinds scoped to one service board (a ticket's status must be on its board). */
  public boolean isBoardScoped() {
    return parent == BOARD;
  }

  /** The id of the parent record a child record belongs to, or -1 for a top-level kind. */
  public long parentIdOf(JsonNode record) {
    switch (this) {
      case BOARD_TEAM:
        return record.path("boardId").asLong(-1);
      case TICKET_NOTE:
        return record.path("ticketId").asLong(-1);
      case ADDITION:
        return record.path("agreementId").asLong(-1);
      default:
        return parent == BOARD ? Json.refId(record, "board") : -1;
    }
  }

  /** The callback {@code Type} a change to this kind announces, or empty. */
  public Optional<String> callbackType() {
    switch (this) {
      case TICKET:
        return Optional.of("ticket");
      case COMPANY:
        return Optional.of("company");
      case AGREEMENT:
        return Optional.of("agreement");
      default:
        return Optional.empty();
    }
  }

  /** The kind a reference schema points at, if the simulator stores that kind. */
  public static Optional<Kind> forReferenceSchema(String referenceSchema) {
    switch (referenceSchema) {
      case "BoardReference":
        return Optional.of(BOARD);
      case "ServiceStatusReference":
        return Optional.of(BOARD_STATUS);
      case "ServiceTeamReference":
        return Optional.of(BOARD_TEAM);
      case "ServiceTypeReference":
        return Optional.of(BOARD_TYPE);
      case "ServiceSubTypeReference":
        return Optional.of(BOARD_SUBTYPE);
      case "ServiceItemReference":
        return Optional.of(BOARD_ITEM);
      case "PriorityReference":
        return Optional.of(PRIORITY);
      case "CompanyReference":
        return Optional.of(COMPANY);
      case "CompanyStatusReference":
        return Optional.of(COMPANY_STATUS);
      case "MemberReference":
        return Optional.of(MEMBER);
      case "AgreementReference":
        return Optional.of(AGREEMENT);
      case "IvItemReference":
        return Optional.of(CATALOG_ITEM);
      case "SecurityRoleReference":
        return Optional.of(SECURITY_ROLE);
      case "TicketReference":
        return Optional.of(TICKET);
      default:
        return Optional.empty();
    }
  }
}
