package com.axcient.connectwise.integration.core.diagnostics;

import com.axcient.connectwise.client.Conditions;
import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.model.Board;
import com.axcient.connectwise.client.model.BoardStatus;
import com.axcient.connectwise.client.model.BoardTeam;
import com.axcient.connectwise.client.model.CompanyStatus;
import com.axcient.connectwise.client.model.Member;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport.Check;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport.Finding;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport.Severity;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks what the ConnectWise side must have for the integration, as the vendor's setup guide
 * lists it, and reports each finding with its fix in the words of ConnectWise's menus:
 *
 * <ul>
 *   <li>the API member ({@link PsaSettings#apiMemberIdentifier()}) exists and is active;
 *   <li>it has a default service board, which tickets go to when a rule names none;
 *   <li>that board is active, has an active default status for new tickets and an active closed
 *       status, and has a default team (a warning only: tickets are opened without a team);
 *   <li>the company status {@code Imported}, given to companies the product creates, exists and is
 *       usable;
 *   <li>the API member's security role can read companies, service tickets and agreement
 *       additions. Writes cannot be checked without changing data; the findings say which write
 *       rights the integration also needs.
 * </ul>
 *
 * <p>The check only reads. When ConnectWise cannot be reached or refuses the credentials, the
 * report holds one {@link Check#CONNECTION} problem; run a {@link ConnectionTest} for the details.
 *
 * <pre>{@code
 * SetupReport report = SetupCheck.run(client, settings);
 * report.problems().forEach(finding -> show(finding.name(), finding.detail(), finding.fix()));
 * }</pre>
 */
public final class SetupCheck {

  private static final String IMPORTED = "Imported";
  private static final String BOARD_MENU = "System › Setup Tables › Service Board";

  private SetupCheck() {}

  /**
   * Checks the ConnectWise side of the integration.
   *
   * @param client a client for the site, built from the settings
   * @param settings the settings, for the API member's identifier
   * @return the findings; it never throws for a problem with ConnectWise or the network
   */
  public static SetupReport run(ConnectWiseClient client, PsaSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    Run run = new Run(client, settings);
    try {
      run.all();
    } catch (Unreachable e) {
      run.add(
          Check.CONNECTION,
          "Connection",
          Severity.PROBLEM,
          "The setup check stopped: " + e.explanation.detail(),
          Optional.of(e.explanation.fix() + " Run the test connection for every detail."));
    }
    return new SetupReport(run.findings);
  }

  /** ConnectWise gave no usable answer: the rest of the check would fail the same way. */
  private static final class Unreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Explanation explanation;

    Unreachable(Explanation explanation) {
      super(explanation.detail(), null, false, false);
      this.explanation = explanation;
    }
  }

  /** One run of the check and its findings so far. */
  private static final class Run {
    private final ConnectWiseClient client;
    private final PsaSettings settings;
    private final String host;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<RoleSetting> refused = EnumSet.noneOf(RoleSetting.class);
    private Optional<String> roleName = Optional.empty();

    Run(ConnectWiseClient client, PsaSettings settings) {
      this.client = client;
      this.settings = settings;
      this.host = URI.create(client.siteUrl()).getAuthority();
    }

    void all() {
      apiMember().ifPresent(this::defaultBoard);
      importedCompanyStatus();
      canRead(RoleSetting.COMPANIES);
      canRead(RoleSetting.SERVICE_TICKETS);
      canRead(RoleSetting.AGREEMENT_ADDITIONS);
    }

    private Optional<Member> apiMember() {
      String identifier = settings.apiMemberIdentifier();
      Optional<Optional<Member>> found =
          read(RoleSetting.MEMBERS, () -> client.members().findByIdentifier(identifier));
      if (found.isEmpty()) {
        return Optional.empty();
      }
      if (found.get().isEmpty()) {
        add(
            Check.API_MEMBER,
            "API member",
            Severity.PROBLEM,
            "ConnectWise has no member with the member ID '" + identifier + "'.",
            Optional.of(
                "Check the API member setting: enter the Member ID shown in System › Members ›"
                    + " API Members for the member whose keys the product uses, or create that API"
                    + " member there."));
        return Optional.empty();
      }
      Member member = found.get().get();
      roleName = member.securityRole().flatMap(Reference::name);
      if (member.inactiveFlag().orElse(false)) {
        add(
            Check.API_MEMBER,
            "API member",
            Severity.PROBLEM,
            "The API member '" + identifier + "' is inactive.",
            Optional.of(
                "Open System › Members › API Members › " + identifier + " and clear Inactive."));
      } else {
        add(
            Check.API_MEMBER,
            "API member",
            Severity.OK,
            "The API member '"
                + identifier
                + "' exists"
                + roleName.map(role -> " with the security role " + role).orElse("")
                + ".",
            Optional.empty());
      }
      return Optional.of(member);
    }

    private void defaultBoard(Member member) {
      String identifier = settings.apiMemberIdentifier();
      String defaultBoardFix =
          "Open System › Members › API Members › "
              + identifier
              + " and choose the board new tickets go to as its Service Default Board.";
      Optional<Reference> reference = member.serviceDefaultBoard();
      if (reference.isEmpty()) {
        add(
            Check.DEFAULT_BOARD,
            "Default service board",
            Severity.PROBLEM,
            "The API member has no default service board, which tickets go to when a rule names"
                + " no board.",
            Optional.of(defaultBoardFix));
        return;
      }
      long boardId = reference.get().id();
      Optional<Optional<Board>> found = read(RoleSetting.SERVICE_BOARDS, () -> board(boardId));
      if (found.isEmpty()) {
        return;
      }
      if (found.get().isEmpty()) {
        add(
            Check.DEFAULT_BOARD,
            "Default service board",
            Severity.PROBLEM,
            "The API member's default service board (id " + boardId + ") no longer exists.",
            Optional.of(defaultBoardFix));
        return;
      }
      Board board = found.get().get();
      String name = board.name().or(() -> reference.get().name()).orElse("#" + boardId);
      String menu = BOARD_MENU + " › " + name;
      add(
          Check.DEFAULT_BOARD,
          "Default service board",
          Severity.OK,
          "The API member's default service board is " + name + ".",
          Optional.empty());
      if (board.inactiveFlag().orElse(false)) {
        add(
            Check.BOARD_ACTIVE,
            "Board active",
            Severity.PROBLEM,
            "The board " + name + " is inactive: ConnectWise refuses new tickets on it.",
            Optional.of(
                "Open " + menu + " and clear Inactive, or choose an active board as the API"
                    + " member's Service Default Board (System › Members › API Members › "
                    + identifier
                    + ")."));
      } else {
        add(
            Check.BOARD_ACTIVE,
            "Board active",
            Severity.OK,
            "The board " + name + " is active.",
            Optional.empty());
      }
      read(RoleSetting.SERVICE_BOARDS, () -> client.boardStatuses(boardId).list().toList())
          .ifPresent(statuses -> statuses(name, menu, statuses));
      read(RoleSetting.SERVICE_BOARDS, () -> client.boardTeams(boardId).list().toList())
          .ifPresent(teams -> teams(name, menu, teams));
    }

    private Optional<Board> board(long boardId) {
      try {
        return Optional.of(client.boards().get(boardId));
      } catch (NotFoundException e) {
        return Optional.empty();
      }
    }

    private void statuses(String board, String menu, List<BoardStatus> statuses) {
      Optional<BoardStatus> byDefault =
          statuses.stream().filter(s -> s.defaultFlag().orElse(false)).findFirst();
      if (byDefault.isEmpty()) {
        add(
            Check.DEFAULT_STATUS,
            "Default status",
            Severity.PROBLEM,
            "The board " + board + " has no default status for new tickets.",
            Optional.of(
                "Open " + menu + " › Statuses tab and tick Default on the status new tickets"
                    + " should get, such as New."));
      } else if (byDefault.get().inactive().orElse(false)) {
        String status = nameOf(byDefault.get());
        add(
            Check.DEFAULT_STATUS,
            "Default status",
            Severity.PROBLEM,
            "The default status " + status + " of the board " + board + " is inactive.",
            Optional.of(
                "Open " + menu + " › Statuses tab and make " + status + " active, or tick Default"
                    + " on an active status."));
      } else {
        add(
            Check.DEFAULT_STATUS,
            "Default status",
            Severity.OK,
            "New tickets on " + board + " get the status " + nameOf(byDefault.get()) + ".",
            Optional.empty());
      }
      List<String> closed =
          statuses.stream()
              .filter(s -> s.closedStatus().orElse(false) && !s.inactive().orElse(false))
              .map(SetupCheck::nameOf)
              .toList();
      if (closed.isEmpty()) {
        add(
            Check.CLOSED_STATUS,
            "Closed status",
            Severity.PROBLEM,
            "The board " + board + " has no active closed status, so cleared alerts cannot close"
                + " their tickets.",
            Optional.of(
                "Open " + menu + " › Statuses tab and add a status such as Closed with Closed"
                    + " Status ticked (or make an inactive closed status active)."));
      } else {
        add(
            Check.CLOSED_STATUS,
            "Closed status",
            Severity.OK,
            "The board " + board + " has the closed status" + (closed.size() > 1 ? "es " : " ")
                + String.join(", ", closed) + ".",
            Optional.empty());
      }
    }

    private void teams(String board, String menu, List<BoardTeam> teams) {
      Optional<BoardTeam> byDefault =
          teams.stream().filter(t -> t.defaultFlag().orElse(false)).findFirst();
      if (byDefault.isEmpty()) {
        add(
            Check.DEFAULT_TEAM,
            "Default team",
            Severity.WARNING,
            "The board " + board + " has no default team: tickets from rules that name no team"
                + " are opened without a team, and nobody may be notified.",
            Optional.of(
                "Open " + menu + " › Teams tab and tick Default on the team that should handle"
                    + " the product's tickets."));
      } else {
        add(
            Check.DEFAULT_TEAM,
            "Default team",
            Severity.OK,
            "Tickets on " + board + " go to the team "
                + byDefault.get().name().orElse("#" + byDefault.get().id().orElse(0)) + ".",
            Optional.empty());
      }
    }

    private void importedCompanyStatus() {
      Optional<List<CompanyStatus>> statuses =
          read(
              RoleSetting.COMPANY_STATUSES,
              () ->
                  client
                      .companyStatuses()
                      .list(Query.where(Conditions.field("name").eq(IMPORTED)))
                      .filter(s -> s.name().map(IMPORTED::equalsIgnoreCase).orElse(false))
                      .toList());
      if (statuses.isEmpty()) {
        return;
      }
      String menu = "System › Setup Tables › Company Status";
      if (statuses.get().isEmpty()) {
        add(
            Check.IMPORTED_COMPANY_STATUS,
            "Company status Imported",
            Severity.PROBLEM,
            "The company status Imported does not exist; companies the product creates get it.",
            Optional.of("Open " + menu + " and add a status named Imported."));
        return;
      }
      // Companies are created with the first active Imported status (ticketing's Companies), so
      // any usable one next to an inactive or locked one is enough; a problem only when none is.
      List<CompanyStatus> active =
          statuses.get().stream().filter(s -> !s.inactiveFlag().orElse(false)).toList();
      boolean usable = active.stream().anyMatch(s -> !s.disallowSavingFlag().orElse(false));
      if (active.isEmpty()) {
        add(
            Check.IMPORTED_COMPANY_STATUS,
            "Company status Imported",
            Severity.PROBLEM,
            "The company status Imported is inactive, so companies cannot be created with it.",
            Optional.of("Open " + menu + " › Imported and clear Inactive."));
      } else if (!usable) {
        add(
            Check.IMPORTED_COMPANY_STATUS,
            "Company status Imported",
            Severity.PROBLEM,
            "The company status Imported disallows saving, so companies cannot be created with"
                + " it.",
            Optional.of("Open " + menu + " › Imported and clear Disallow Saving."));
      } else {
        add(
            Check.IMPORTED_COMPANY_STATUS,
            "Company status Imported",
            Severity.OK,
            "The company status Imported exists and is active.",
            Optional.empty());
      }
    }

    private void canRead(RoleSetting setting) {
      Optional<OptionalLong> count = read(setting, () -> setting.probe(client));
      if (count.isEmpty()) {
        return;
      }
      if (count.get().isEmpty()) {
        add(
            Check.PERMISSION,
            "Read " + setting.records(),
            Severity.WARNING,
            "Not checked: there is no agreement yet to read "
                + setting.records()
                + " from. Billing needs "
                + setting.missingRead()
                + ".",
            Optional.of("Run the setup check again once the first agreement exists."));
        return;
      }
      add(
          Check.PERMISSION,
          "Read " + setting.records(),
          Severity.OK,
          setting.readAllowed(),
          Optional.empty());
    }

    /**
     * Runs a read; a refused one becomes a permission finding (once per role setting) and an empty
     * result, any other failure stops the check.
     */
    private <T> Optional<T> read(RoleSetting setting, Supplier<T> read) {
      try {
        return Optional.of(read.get());
      } catch (PermissionException e) {
        if (refused.add(setting)) {
          add(
              Check.PERMISSION,
              "Read " + setting.records(),
              Severity.PROBLEM,
              setting.readRefused(),
              Optional.of(setting.readFix(roleName)));
        }
        return Optional.empty();
      } catch (ConnectWiseException e) {
        throw new Unreachable(Explanation.of(e, host));
      }
    }

    void add(Check check, String name, Severity severity, String detail, Optional<String> fix) {
      findings.add(new Finding(check, name, severity, detail, fix));
    }
  }

  private static String nameOf(BoardStatus status) {
    return status.name().orElse("#" + status.id().orElse(0));
  }
}
