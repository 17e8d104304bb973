package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleValidationTest {

  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private List<RuleProblem> problems(TicketRule.Builder rule) {
    return h.engine.validate(TicketingSettings.builder().enabled(true).rule(rule.build()).build());
  }

  private TicketRule.Builder rule() {
    return TicketRule.builder(EventClass.BACKUP_FAILED);
  }

  @Test
  void aRuleOfDefaultsFitsTheSeededSite() {
    assertThat(problems(rule())).isEmpty();
  }

  @Test
  void aStatusOfAnotherBoardIsNamedWithTheBoardsStatuses() {
    long helpDesk = h.boardId("Help Desk");
    assertThat(problems(rule().boardId(helpDesk).newStatusId(h.statusId("Alerts", "New"))))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.eventClass()).contains(EventClass.BACKUP_FAILED);
              assertThat(p.field()).isEqualTo("newStatusId");
              assertThat(p.message()).contains("does not belong to board 'Help Desk'").contains("Assigned");
            });
  }

  @Test
  void theNewStatusMustBeOpenAndTheClosedStatusClosed() {
    long helpDesk = h.boardId("Help Desk");
    List<RuleProblem> found =
        problems(
            rule()
                .boardId(helpDesk)
                .newStatusId(h.statusId("Help Desk", "Completed"))
                .closedStatusId(h.statusId("Help Desk", "In Progress")));
    assertThat(found).extracting(RuleProblem::field).containsExactly("newStatusId", "closedStatusId");
    assertThat(found.get(0).message()).contains("is a closed status");
    assertThat(found.get(1).message()).contains("is not a closed status").contains("Completed");
  }

  @Test
  void anInactiveStatusBoardOrTypeIsRefused() {
    long helpDesk = h.boardId("Help Desk");
    assertThat(problems(rule().boardId(helpDesk).newStatusId(h.statusId("Help Desk", "Old - Do Not Use"))))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("is inactive"));
    assertThat(problems(rule().boardId(h.boardId("Projects - Legacy"))))
        .anySatisfy(p -> {
          assertThat(p.field()).isEqualTo("boardId");
          assertThat(p.message()).contains("is inactive: choose an active board");
        });
    assertThat(problems(rule().typeId(h.idOf("/service/boards/" + helpDesk + "/types", "Legacy Backup"))))
        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("typeId"));
  }

  @Test
  void aMissingBoardPriorityOrForeignTeamIsNamed() {
    assertThat(problems(rule().boardId(999_999)))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("board 999999 does not exist"));
    assertThat(problems(rule().priorityId(999_999)))
        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("priorityId"));
    long noc = h.idOf("/service/boards/" + h.boardId("Alerts") + "/teams", "NOC");
    assertThat(problems(rule().teamId(noc)))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.field()).isEqualTo("teamId");
          assertThat(p.message()).contains("Tier 1");
        });
  }

  @Test
  void theTypeSubtypeAndItemMustBeAnAllowedCombination() {
    long b = h.boardId("Help Desk");
    long backup = h.idOf("/service/boards/" + b + "/types", "Backup");
    long diskSpace = h.idOf("/service/boards/" + b + "/subtypes", "Disk Space");
    long failed = h.idOf("/service/boards/" + b + "/subtypes", "Backup Failed");
    long vault = h.idOf("/service/boards/" + b + "/items", "Cloud Vault");
    assertThat(problems(rule().typeId(backup).subTypeId(diskSpace)))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.field()).isEqualTo("subTypeId");
          assertThat(p.message()).contains("combination");
        });
    assertThat(problems(rule().typeId(backup).subTypeId(failed).itemId(vault)))
        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("itemId"));
    assertThat(problems(rule().subTypeId(failed)))
        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("typeId"));
    assertThat(problems(rule().typeId(backup).subTypeId(failed))).isEmpty();
  }

  @Test
  void templatesAndDurationsAreChecked() {
    List<RuleProblem> found =
        problems(
            rule()
                .summaryTemplate("{device} {hostname}")
                .noteInterval(Duration.ofMinutes(-1)));
    assertThat(found).extracting(RuleProblem::field).containsExactly("summaryTemplate", "noteInterval");
    assertThat(found.get(0).message()).contains("{hostname}").contains("{device}");
  }

  @Test
  void aRuleWithoutBoardNeedsTheMembersDefaultBoard() {
    h.cw.data().update(
        "/system/members/" + h.cw.data().list("/system/members", "identifier = \"" + h.cw.apiMemberIdentifier() + "\"").get(0).path("id").asLong(),
        m -> m.remove("serviceDefaultBoard"));
    assertThat(problems(rule()))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.field()).isEqualTo("boardId");
          assertThat(p.message()).contains("has no default service board");
        });
  }

  @Test
  void applyingInvalidSettingsThrowsEveryProblemAndKeepsTheOldSettings() {
    TicketingSettings bad =
        TicketingSettings.builder()
            .enabled(true)
            .rule(rule().boardId(999_999).build())
            .rule(TicketRule.builder(EventClass.DISK_SPACE_LOW).summaryTemplate(" ").build())
            .customerCompany("acme", "has spaces")
            .build();
    assertThatThrownBy(() -> h.engine.applySettings(bad))
        .isInstanceOfSatisfying(
            InvalidRulesException.class,
            e -> {
              assertThat(e.problems()).hasSize(3);
              assertThat(e.problems()).extracting(RuleProblem::eventClass)
                  .contains(Optional.of(EventClass.BACKUP_FAILED), Optional.of(EventClass.DISK_SPACE_LOW), Optional.empty());
              assertThat(e.getMessage()).contains("rule BACKUP_FAILED: boardId");
            });
    assertThat(h.engine.settings().enabled()).isFalse();
  }
}
