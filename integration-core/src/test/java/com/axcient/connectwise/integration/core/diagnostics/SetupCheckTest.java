package com.axcient.connectwise.integration.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport.Check;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport.Finding;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport.Severity;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import com.axcient.connectwise.testkit.Permission;
import com.axcient.connectwise.testkit.RecordedCall;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SetupCheckTest {

  /** A fresh site per test: the tests break its setup. */
  @RegisterExtension
  static final ConnectWiseSimulatorExtension CW = ConnectWiseSimulatorExtension.perTest();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HELP_DESK = "/service/boards/1";

  private ConnectWiseSimulator cw() {
    return CW.simulator();
  }

  private SetupReport check() {
    return check(Simulators.settings(cw()));
  }

  private SetupReport check(PsaSettings settings) {
    try (ConnectWiseClient client = Simulators.client(cw(), settings)) {
      return SetupCheck.run(client, settings);
    }
  }

  private static Finding only(SetupReport report, Check check) {
    List<Finding> findings = report.findings(check);
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  private static List<String> outline(SetupReport report) {
    return report.findings().stream().map(f -> f.name() + " " + f.severity()).toList();
  }

  private String apiMemberPath() {
    long id =
        cw().data()
            .list("/system/members", "identifier = \"" + cw().apiMemberIdentifier() + "\"")
            .get(0)
            .path("id")
            .asLong();
    return "/system/members/" + id;
  }

  private String statusPath(String name) {
    long id =
        cw().data().list(HELP_DESK + "/statuses", "name = \"" + name + "\"").get(0).path("id").asLong();
    return HELP_DESK + "/statuses/" + id;
  }

  private void remove(String recordPath, String field) {
    ArrayNode operations = JSON.createArrayNode();
    operations.addObject().put("op", "remove").put("path", field);
    cw().data().patch(recordPath, operations);
  }

  @Test
  void aWellSetUpSiteIsReady() {
    SetupReport report = check();

    assertThat(outline(report))
        .containsExactly(
            "API member OK",
            "Default service board OK",
            "Board active OK",
            "Default status OK",
            "Closed status OK",
            "Default team OK",
            "Company status Imported OK",
            "Read companies OK",
            "Read service tickets OK",
            "Read agreement additions OK");
    assertThat(report.ready()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(only(report, Check.DEFAULT_BOARD).detail()).contains("Help Desk");
    assertThat(only(report, Check.DEFAULT_STATUS).detail()).contains("New");
    assertThat(only(report, Check.CLOSED_STATUS).detail()).contains("Completed", "Closed");
    assertThat(only(report, Check.DEFAULT_TEAM).detail()).contains("Tier 1");
  }

  @Test
  void onlyReads() {
    check();

    assertThat(cw().journal().calls())
        .extracting(RecordedCall::method)
        .isNotEmpty()
        .containsOnly("GET");
  }

  @Test
  void anUnknownApiMemberIsAProblemWithTheSetting() {
    SetupReport report = check(Simulators.settings(cw()).toBuilder().apiMemberIdentifier("NoSuchApi").build());

    Finding member = only(report, Check.API_MEMBER);
    assertThat(member.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(member.detail()).contains("'NoSuchApi'");
    assertThat(member.fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("API member setting", "System › Members › API Members"));
    assertThat(report.findings(Check.DEFAULT_BOARD)).isEmpty();
    assertThat(report.ready()).isFalse();
  }

  @Test
  void noDefaultBoardNamesTheMembersServiceDefaultBoard() {
    remove(apiMemberPath(), "serviceDefaultBoard");

    SetupReport report = check();

    Finding board = only(report, Check.DEFAULT_BOARD);
    assertThat(board.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(board.fix())
        .hasValue(
            "Open System › Members › API Members › BackupAPI and choose the board new tickets go"
                + " to as its Service Default Board.");
    assertThat(report.findings(Check.DEFAULT_STATUS)).isEmpty();
    assertThat(only(report, Check.IMPORTED_COMPANY_STATUS).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void anInactiveBoardIsAProblem() {
    cw().data().replace(HELP_DESK, "inactiveFlag", true);

    Finding active = only(check(), Check.BOARD_ACTIVE);

    assertThat(active.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(active.detail()).contains("Help Desk is inactive");
    assertThat(active.fix())
        .hasValueSatisfying(
            fix -> assertThat(fix).contains("System › Setup Tables › Service Board › Help Desk", "clear Inactive"));
  }

  @Test
  void noDefaultStatusPointsAtTheStatusesTab() {
    cw().data().replace(statusPath("New"), "defaultFlag", false);

    Finding status = only(check(), Check.DEFAULT_STATUS);

    assertThat(status.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(status.detail()).contains("no default status");
    assertThat(status.fix())
        .hasValueSatisfying(
            fix ->
                assertThat(fix)
                    .contains("System › Setup Tables › Service Board › Help Desk › Statuses tab")
                    .contains("Default"));
  }

  @Test
  void aDefaultStatusOnALaterPageIsFound() {
    for (ObjectNode status : cw().data().list(HELP_DESK + "/statuses")) {
      cw().data().replace(HELP_DESK + "/statuses/" + status.path("id").asLong(), "defaultFlag", false);
    }
    ObjectNode last = null;
    for (int i = 0; i < 60; i++) {
      last = cw().data().create(HELP_DESK + "/statuses", JSON.createObjectNode().put("name", "Extra " + i));
    }
    cw().data().replace(HELP_DESK + "/statuses/" + last.path("id").asLong(), "defaultFlag", true);

    Finding status = only(check(), Check.DEFAULT_STATUS);

    assertThat(status.severity()).as(status.toString()).isEqualTo(Severity.OK);
  }

  @Test
  void noClosedStatusPointsAtTheStatusesTab() {
    cw().data().replace(statusPath("Completed"), "closedStatus", false);
    cw().data().replace(statusPath("Closed"), "closedStatus", false);

    SetupReport report = check();

    Finding closed = only(report, Check.CLOSED_STATUS);
    assertThat(closed.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(closed.fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("Statuses tab", "Closed Status"));
    assertThat(report.ready()).isFalse();
  }

  @Test
  void noDefaultTeamIsOnlyAWarning() {
    long tier1 =
        cw().data().list(HELP_DESK + "/teams", "name = \"Tier 1\"").get(0).path("id").asLong();
    cw().data().replace(HELP_DESK + "/teams/" + tier1, "defaultFlag", false);

    SetupReport report = check();

    Finding team = only(report, Check.DEFAULT_TEAM);
    assertThat(team.severity()).isEqualTo(Severity.WARNING);
    assertThat(team.fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("Help Desk › Teams tab", "Default"));
    assertThat(report.ready()).isTrue();
  }

  @Test
  void aMissingImportedCompanyStatusNamesTheSetupTable() {
    long imported =
        cw().data().list("/company/companies/statuses", "name = \"Imported\"").get(0).path("id").asLong();
    cw().data().delete("/company/companies/statuses/" + imported);

    Finding status = only(check(), Check.IMPORTED_COMPANY_STATUS);

    assertThat(status.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(status.fix())
        .hasValue("Open System › Setup Tables › Company Status and add a status named Imported.");
  }

  @Test
  void anActiveImportedCompanyStatusNextToAnInactiveOneIsEnough() {
    long old = addImportedStatusAfterTheFirst(false);
    cw().data().replace("/company/companies/statuses/" + old, "inactiveFlag", true);

    Finding status = only(check(), Check.IMPORTED_COMPANY_STATUS);

    assertThat(status.severity()).as(status.toString()).isEqualTo(Severity.OK);
  }

  @Test
  void anImportedCompanyStatusThatDisallowsSavingIsReportedWhenNoOtherIsUsable() {
    long old = addImportedStatusAfterTheFirst(true);
    cw().data().replace("/company/companies/statuses/" + old, "inactiveFlag", true);

    Finding status = only(check(), Check.IMPORTED_COMPANY_STATUS);

    assertThat(status.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(status.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("clear Disallow Saving"));
  }

  /** Adds a second status named Imported; returns the id of the first, which lists first. */
  private long addImportedStatusAfterTheFirst(boolean disallowSaving) {
    String statuses = "/company/companies/statuses";
    long first = cw().data().list(statuses, "name = \"Imported\"").get(0).path("id").asLong();
    cw().data()
        .create(
            statuses,
            JSON.createObjectNode().put("name", "Imported").put("disallowSavingFlag", disallowSaving));
    assertThat(cw().data().list(statuses, "name = \"Imported\"")).hasSize(2);
    return first;
  }

  @Test
  void anInactiveImportedCompanyStatusIsAProblem() {
    long imported =
        cw().data().list("/company/companies/statuses", "name = \"Imported\"").get(0).path("id").asLong();
    cw().data().replace("/company/companies/statuses/" + imported, "inactiveFlag", true);

    Finding status = only(check(), Check.IMPORTED_COMPANY_STATUS);

    assertThat(status.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(status.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("clear Inactive"));
  }

  @Test
  void aMissingReadPermissionNamesTheRoleAndItsSetting() {
    cw().apiMemberRole().revoke(Permission.COMPANY_MAINTENANCE);

    SetupReport report = check();

    assertThat(report.findings(Check.PERMISSION))
        .extracting(f -> f.name() + " " + f.severity())
        .containsExactly(
            "Read companies PROBLEM", "Read service tickets OK", "Read agreement additions OK");
    Finding refused = report.problems().get(0);
    assertThat(refused.detail())
        .isEqualTo("The API member's security role lacks Companies › Company Maintenance › Inquire Level.");
    assertThat(refused.fix())
        .hasValueSatisfying(
            fix ->
                assertThat(fix)
                    .contains("System › Security Roles", "the role API Integration")
                    .contains("set Companies › Company Maintenance › Inquire Level to All"));
  }

  @Test
  void boardsThatCannotBeReadAreOneProblemNotOneForEachBoardTable() {
    cw().apiMemberRole().revoke(Permission.TABLE_SETUP);

    SetupReport report = check();

    assertThat(report.problems())
        .extracting(Finding::name)
        .containsExactly("Read service boards", "Read company statuses");
    assertThat(report.problems().get(0).fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("System › Table Setup › Inquire Level"));
  }

  @Test
  void additionsWithoutAnyAgreementAreAWarningNotAProblem() {
    for (var agreement : cw().data().list("/finance/agreements")) {
      cw().data().delete("/finance/agreements/" + agreement.path("id").asLong());
    }

    SetupReport report = check();

    Finding additions = report.findings(Check.PERMISSION).get(2);
    assertThat(additions.name()).isEqualTo("Read agreement additions");
    assertThat(additions.severity()).isEqualTo(Severity.WARNING);
    assertThat(additions.fix()).hasValue("Run the setup check again once the first agreement exists.");
    assertThat(report.ready()).isTrue();
  }

  @Test
  void credentialsThatStopWorkingEndTheCheckWithOneConnectionProblem() {
    PsaSettings settings = Simulators.settings(cw()).toBuilder().privateKey(Secret.of("WrongKey")).build();

    SetupReport report = check(settings);

    assertThat(outline(report)).containsExactly("Connection PROBLEM");
    assertThat(report.problems().get(0).fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("API Keys", "test connection"));
  }
}
