package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.fixture;
import static com.axcient.connectwise.client.model.ModelJson.read;
import static com.axcient.connectwise.client.model.ModelJson.text;
import static com.axcient.connectwise.client.model.ModelJson.tree;
import static com.axcient.connectwise.client.model.ModelJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Service boards and what belongs to them (statuses, teams, types, subtypes, items and their
 * associations), and priorities.
 */
class BoardModelTest {

  @Test
  void readsBoard() {
    Board board = fixture("board.json", Board.class);

    assertThat(board.id()).hasValue(1);
    assertThat(board.name()).hasValue("Help Desk");
    assertThat(board.location().orElseThrow().name()).hasValue("Tampa Office");
    assertThat(board.department().orElseThrow().identifier()).hasValue("Services");
    assertThat(board.inactiveFlag()).hasValue(false);
    assertThat(board.workType().orElseThrow().id()).isEqualTo(5);
    assertThat(board.billTime()).hasValue(BillingOption.BILLABLE);
    assertThat(board.billExpense()).hasValue(BillingOption.DO_NOT_BILL);
    assertThat(board.billProduct()).hasValue(BillingOption.UNKNOWN);
    assertThat(board.autoCloseStatus().orElseThrow().name()).hasValue("Closed");
    assertThat(board.dispatchMember().orElseThrow().identifier()).hasValue("jdoe");
    assertThat(board.discussionsLockedFlag()).hasValue(true);
    assertThat(board.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void writesBoard() {
    Board board =
        Board.builder()
            .name("Alerts")
            .location(Reference.of(2))
            .department(Reference.of(10))
            .billTime(BillingOption.NO_CHARGE)
            .build();

    assertThat(written(board))
        .isEqualTo(
            tree(
                """
                {"name": "Alerts", "location": {"id": 2}, "department": {"id": 10},
                 "billTime": "NoCharge"}
                """));
    assertThat(read(text(board), Board.class)).isEqualTo(board);
  }

  @Test
  void readsBoardStatus() {
    BoardStatus status = fixture("board-status.json", BoardStatus.class);

    assertThat(status.id()).hasValue(16);
    assertThat(status.name()).hasValue("New (not responded)");
    assertThat(status.board().orElseThrow().id()).isEqualTo(1);
    assertThat(status.sortOrder()).hasValue(0);
    assertThat(status.displayOnBoard()).hasValue(true);
    assertThat(status.inactive()).hasValue(false);
    assertThat(status.closedStatus()).hasValue(false);
    assertThat(status.defaultFlag()).hasValue(true);
    assertThat(status.escalationStatus()).hasValue(BoardStatus.EscalationStatus.UNKNOWN);
    assertThat(status.customerPortalDescription())
        .hasValue("We have your request and will respond shortly.");
    assertThat(status.emailTemplate().orElseThrow().identifier()).hasValue("NewTicket");
    assertThat(status.statusIndicator().orElseThrow().name()).hasValue("New");
    assertThat(status.info()).containsEntry("lastUpdated", "2023-11-20T10:01:02Z");
  }

  @Test
  void writesBoardStatus() {
    BoardStatus status =
        BoardStatus.builder()
            .name("Waiting on customer")
            .sortOrder(3)
            .closedStatus(false)
            .escalationStatus(BoardStatus.EscalationStatus.RESPONDED)
            .build();

    assertThat(written(status))
        .isEqualTo(
            tree(
                """
                {"name": "Waiting on customer", "sortOrder": 3, "closedStatus": false,
                 "escalationStatus": "Responded"}
                """));
    assertThat(read(text(status), BoardStatus.class)).isEqualTo(status);
  }

  @Test
  void readsBoardTeam() {
    BoardTeam team = fixture("board-team.json", BoardTeam.class);

    assertThat(team.id()).hasValue(25);
    assertThat(team.name()).hasValue("Tier 1");
    assertThat(team.teamLeader().orElseThrow().identifier()).hasValue("jdoe");
    assertThat(team.members()).containsExactly(145L, 146L, 190L);
    assertThat(team.roundRobinFlag()).hasValue(true);
    assertThat(team.boardId()).hasValue(1);
    assertThat(team.locationId()).hasValue(2);
    assertThat(team.businessUnitId()).hasValue(10);
    assertThat(team.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void writesBoardTeam() {
    BoardTeam team =
        BoardTeam.builder().name("Tier 2").teamLeader(Reference.of(146)).addMembers(146L).build();

    assertThat(written(team))
        .isEqualTo(
            tree("{\"name\": \"Tier 2\", \"teamLeader\": {\"id\": 146}, \"members\": [146]}"));
    assertThat(read(text(team), BoardTeam.class)).isEqualTo(team);
  }

  @Test
  void readsBoardType() {
    BoardType type = fixture("board-type.json", BoardType.class);

    assertThat(type.id()).hasValue(14);
    assertThat(type.name()).hasValue("Incident");
    assertThat(type.category()).hasValue(BoardType.Category.REACTIVE);
    assertThat(type.integrationXref()).hasValue("INC");
    assertThat(type.board().orElseThrow().name()).hasValue("Help Desk");
    assertThat(type.department().orElseThrow().identifier()).hasValue("Services");
    assertThat(type.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void readsAnUnknownBoardTypeCategoryAsUnknown() {
    BoardType type = read("{\"id\": 15, \"category\": \"Transitional\"}", BoardType.class);

    assertThat(type.category()).hasValue(BoardType.Category.UNKNOWN);
  }

  @Test
  void writesBoardType() {
    BoardType type =
        BoardType.builder().name("Maintenance").category(BoardType.Category.PROACTIVE).build();

    assertThat(written(type))
        .isEqualTo(tree("{\"name\": \"Maintenance\", \"category\": \"Proactive\"}"));
    assertThat(read(text(type), BoardType.class)).isEqualTo(type);
  }

  @Test
  void readsBoardSubType() {
    BoardSubType subType = fixture("board-subtype.json", BoardSubType.class);

    assertThat(subType.id()).hasValue(30);
    assertThat(subType.name()).hasValue("Backup");
    assertThat(subType.inactiveFlag()).hasValue(false);
    assertThat(subType.typeAssociationIds()).containsExactly(14L, 15L);
    assertThat(subType.board().orElseThrow().id()).isEqualTo(1);
    assertThat(subType.addAllTypesFlag()).isEmpty();
    assertThat(subType.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void writesBoardSubType() {
    BoardSubType subType =
        BoardSubType.builder().name("Restore").addTypeAssociationIds(14L).build();

    assertThat(written(subType))
        .isEqualTo(tree("{\"name\": \"Restore\", \"typeAssociationIds\": [14]}"));
    assertThat(read(text(subType), BoardSubType.class)).isEqualTo(subType);
  }

  @Test
  void readsBoardItem() {
    BoardItem item = fixture("board-item.json", BoardItem.class);

    assertThat(item.id()).hasValue(52);
    assertThat(item.name()).hasValue("Job failed");
    assertThat(item.inactiveFlag()).hasValue(false);
    assertThat(item.board().orElseThrow().name()).hasValue("Help Desk");
    assertThat(item.info()).containsEntry("lastUpdated", "2023-11-20T10:01:02Z");
  }

  @Test
  void writesBoardItem() {
    BoardItem item = BoardItem.builder().name("Job missed").inactiveFlag(false).build();

    assertThat(written(item))
        .isEqualTo(tree("{\"name\": \"Job missed\", \"inactiveFlag\": false}"));
    assertThat(read(text(item), BoardItem.class)).isEqualTo(item);
  }

  @Test
  void readsTypeSubTypeItemAssociation() {
    BoardTypeSubTypeItemAssociation association =
        fixture(
            "board-type-subtype-item-association.json", BoardTypeSubTypeItemAssociation.class);

    assertThat(association.id()).hasValue(120);
    assertThat(association.type().orElseThrow().name()).hasValue("Incident");
    assertThat(association.subType().orElseThrow().id()).isEqualTo(30);
    assertThat(association.item().orElseThrow().name()).hasValue("Job failed");
    assertThat(association.board().orElseThrow().id()).isEqualTo(1);
    assertThat(association.info()).containsEntry("updatedBy", "admin1");
  }

  @Test
  void writesTypeSubTypeItemAssociation() {
    BoardTypeSubTypeItemAssociation association =
        BoardTypeSubTypeItemAssociation.builder()
            .id(120)
            .type(Reference.of(14))
            .subType(Reference.of(30))
            .build();

    assertThat(written(association))
        .isEqualTo(tree("{\"id\": 120, \"type\": {\"id\": 14}, \"subType\": {\"id\": 30}}"));
    assertThat(read(text(association), BoardTypeSubTypeItemAssociation.class))
        .isEqualTo(association);
  }

  @Test
  void readsPriority() {
    Priority priority = fixture("priority.json", Priority.class);

    assertThat(priority.id()).hasValue(4);
    assertThat(priority.name()).hasValue("Priority 3 - Normal Response");
    assertThat(priority.color()).hasValue(Priority.Color.UNKNOWN);
    assertThat(priority.sortOrder()).hasValue(6);
    assertThat(priority.defaultFlag()).hasValue(true);
    assertThat(priority.level()).hasValue(Priority.Level.MEDIUM);
    assertThat(priority.imageLink().orElseThrow())
        .endsWith("/service/priorities/4/image?lm=2005-05-27T14:58:21Z");
    assertThat(priority.info()).containsKey("image_href");
  }

  @Test
  void writesPriority() {
    Priority priority =
        Priority.builder()
            .name("Priority 1 - Emergency Response")
            .color(Priority.Color.RED)
            .level(Priority.Level.CRITICAL)
            .sortOrder(1)
            .build();

    assertThat(written(priority))
        .isEqualTo(
            tree(
                """
                {"name": "Priority 1 - Emergency Response", "color": "Red", "level": "Critical",
                 "sortOrder": 1}
                """));
    assertThat(read(text(priority), Priority.class)).isEqualTo(priority);
  }
}
