package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.model.Board;
import com.axcient.connectwise.client.model.BoardItem;
import com.axcient.connectwise.client.model.BoardStatus;
import com.axcient.connectwise.client.model.BoardSubType;
import com.axcient.connectwise.client.model.BoardTeam;
import com.axcient.connectwise.client.model.BoardType;
import com.axcient.connectwise.client.model.BoardTypeSubTypeItemAssociation;
import com.axcient.connectwise.client.model.Member;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.integration.ticketing.EventClass;
import com.axcient.connectwise.integration.ticketing.RuleProblem;
import com.axcient.connectwise.integration.ticketing.TicketRule;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks ticketing settings against ConnectWise and fills in the defaults of each rule. One
 * instance per check: it caches what it read from ConnectWise for that check only.
 */
public final class RuleResolver {

  /** What a check found: the problems, and the resolved rules when there are none. */
  public record Resolution(List<RuleProblem> problems, Map<EventClass, ResolvedRule> rules) {}

  /** The longest delay, window or interval of a rule; longer ones overflow time arithmetic. */
  static final Duration LONGEST_DURATION = Duration.ofDays(3650);

  private static final Pattern COMPANY_IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,25}");

  private final ConnectWiseClient client;
  private final String apiMemberIdentifier;
  private final Map<Long, Optional<Board>> boards = new HashMap<>();
  private final Map<Long, BoardParts> parts = new HashMap<>();
  private Optional<Reference> memberBoard;

  /**
   * Creates a resolver.
   *
   * @param client the ConnectWise client
   * @param apiMemberIdentifier the API member whose default board applies
   */
  public RuleResolver(ConnectWiseClient client, String apiMemberIdentifier) {
    this.client = client;
    this.apiMemberIdentifier = apiMemberIdentifier;
  }

  /**
   * Checks the settings.
   *
   * @param settings the settings
   * @return the problems and, when there are none, the resolved rules
   * @throws com.axcient.connectwise.client.ConnectWiseException when ConnectWise cannot be read
   */
  public Resolution resolve(TicketingSettings settings) {
    List<RuleProblem> problems = new ArrayList<>();
    Map<EventClass, ResolvedRule> resolved = new LinkedHashMap<>();
    List<TicketRule> rules =
        settings.rules().values().stream()
            .sorted(Comparator.comparing(r -> r.eventClass().name()))
            .collect(Collectors.toList());
    for (TicketRule rule : rules) {
      resolveRule(rule, problems).ifPresent(r -> resolved.put(rule.eventClass(), r));
    }
    settings
        .customerCompanies()
        .forEach(
            (customer, identifier) -> {
              if (!COMPANY_IDENTIFIER.matcher(identifier).matches()) {
                problems.add(
                    new RuleProblem(
                        Optional.empty(),
                        "customerCompanies",
                        "the company identifier mapped from customer '"
                            + Texts.forLog(customer)
                            + "' must be 1 to 25 letters, digits, '_', '.' or '-': enter the"
                            + " company's identifier as shown in ConnectWise"));
              }
            });
    return new Resolution(List.copyOf(problems), problems.isEmpty() ? resolved : Map.of());
  }

  private Optional<ResolvedRule> resolveRule(TicketRule rule, List<RuleProblem> problems) {
    int before = problems.size();
    Optional<EventClass> c = Optional.of(rule.eventClass());
    templates(rule, problems);
    durations(rule, problems);

    long boardId;
    if (rule.boardId().isPresent()) {
      boardId = rule.boardId().getAsLong();
    } else {
      Optional<Reference> defaultBoard = memberBoard();
      if (defaultBoard.isEmpty()) {
        problems.add(
            new RuleProblem(
                c,
                "boardId",
                "is not set and the API member '"
                    + apiMemberIdentifier
                    + "' has no default service board: choose a board, or set the member's"
                    + " default board in ConnectWise (System > Members > "
                    + apiMemberIdentifier
                    + " > Service Default Board)"));
        return Optional.empty();
      }
      boardId = defaultBoard.get().id();
    }
    Optional<Board> board = board(boardId);
    if (board.isEmpty()) {
      problems.add(
          new RuleProblem(
              c, "boardId", "board " + boardId + " does not exist: choose an existing board"));
      return Optional.empty();
    }
    String boardName = board.get().name().orElse("#" + boardId);
    if (board.get().inactiveFlag().orElse(false)) {
      problems.add(
          new RuleProblem(
              c,
              "boardId",
              "board '" + boardName + "' is inactive: choose an active board or activate it"));
    }
    BoardParts p = parts(boardId);

    long newStatusId = -1;
    if (rule.newStatusId().isPresent()) {
      long id = rule.newStatusId().getAsLong();
      Optional<BoardStatus> s = p.status(id);
      if (s.isEmpty()) {
        problems.add(
            new RuleProblem(
                c,
                "newStatusId",
                "status " + id + " does not belong to board '" + boardName + "': choose one of "
                    + p.statusNames(false)));
      } else if (s.get().inactive().orElse(false)) {
        problems.add(
            new RuleProblem(
                c, "newStatusId", "status '" + name(s.get()) + "' is inactive: choose an active one of " + p.statusNames(false)));
      } else if (s.get().closedStatus().orElse(false)) {
        problems.add(
            new RuleProblem(
                c,
                "newStatusId",
                "status '" + name(s.get()) + "' is a closed status: choose an open one of "
                    + p.statusNames(false)));
      } else {
        newStatusId = id;
      }
    } else {
      Optional<BoardStatus> d =
          p.statuses.stream()
              .filter(s -> s.defaultFlag().orElse(false) && !s.inactive().orElse(false))
              .findFirst();
      if (d.isEmpty()) {
        problems.add(
            new RuleProblem(
                c,
                "newStatusId",
                "is not set and board '" + boardName + "' has no default status: choose one of "
                    + p.statusNames(false)
                    + ", or mark one as the default in ConnectWise"));
      } else {
        newStatusId = d.get().id().getAsLong();
      }
    }

    long closedStatusId = -1;
    if (rule.closedStatusId().isPresent()) {
      long id = rule.closedStatusId().getAsLong();
      Optional<BoardStatus> s = p.status(id);
      if (s.isEmpty()) {
        problems.add(
            new RuleProblem(
                c,
                "closedStatusId",
                "status " + id + " does not belong to board '" + boardName + "': choose one of "
                    + p.statusNames(true)));
      } else if (!s.get().closedStatus().orElse(false)) {
        problems.add(
            new RuleProblem(
                c,
                "closedStatusId",
                "status '" + name(s.get()) + "' is not a closed status: choose one of "
                    + p.statusNames(true)));
      } else if (s.get().inactive().orElse(false)) {
        problems.add(
            new RuleProblem(
                c, "closedStatusId", "status '" + name(s.get()) + "' is inactive: choose one of " + p.statusNames(true)));
      } else {
        closedStatusId = id;
      }
    } else {
      Optional<BoardStatus> d =
          p.statuses.stream()
              .filter(s -> s.closedStatus().orElse(false) && !s.inactive().orElse(false))
              .min(Comparator.comparing(s -> s.sortOrder().orElse(Integer.MAX_VALUE)));
      if (d.isEmpty()) {
        problems.add(
            new RuleProblem(
                c,
                "closedStatusId",
                "is not set and board '" + boardName + "' has no closed status: add a closed"
                    + " status to the board in ConnectWise"));
      } else {
        closedStatusId = d.get().id().getAsLong();
      }
    }

    OptionalLong teamId = OptionalLong.empty();
    if (rule.teamId().isPresent()) {
      long id = rule.teamId().getAsLong();
      if (p.teams.stream().noneMatch(t -> t.id().orElse(-1) == id)) {
        problems.add(
            new RuleProblem(
                c,
                "teamId",
                "team " + id + " is not a team of board '" + boardName + "': choose one of "
                    + p.teams.stream().map(t -> t.name().orElse("#" + t.id().orElse(0))).collect(Collectors.joining(", "))));
      } else {
        teamId = OptionalLong.of(id);
      }
    } else {
      teamId =
          p.teams.stream()
              .filter(t -> t.defaultFlag().orElse(false))
              .mapToLong(t -> t.id().orElse(-1))
              .findFirst();
    }

    if (rule.priorityId().isPresent()) {
      long id = rule.priorityId().getAsLong();
      try {
        client.priorities().get(id);
      } catch (NotFoundException e) {
        problems.add(
            new RuleProblem(
                c, "priorityId", "priority " + id + " does not exist: choose an existing priority"));
      }
    }
    typeSubTypeItem(rule, p, boardName, problems);

    if (problems.size() > before) {
      return Optional.empty();
    }
    Set<Long> closedIds =
        p.statuses.stream()
            .filter(s -> s.closedStatus().orElse(false))
            .map(s -> s.id().getAsLong())
            .collect(Collectors.toUnmodifiableSet());
    return Optional.of(
        new ResolvedRule(rule, boardId, newStatusId, closedStatusId, teamId, closedIds));
  }

  private void typeSubTypeItem(
      TicketRule rule, BoardParts p, String boardName, List<RuleProblem> problems) {
    Optional<EventClass> c = Optional.of(rule.eventClass());
    if (rule.typeId().isEmpty()) {
      if (rule.subTypeId().isPresent() || rule.itemId().isPresent()) {
        problems.add(
            new RuleProblem(
                c,
                "typeId",
                "is not set but a subtype or item is: choose the type they belong to, or clear"
                    + " them"));
      }
      return;
    }
    long typeId = rule.typeId().getAsLong();
    Optional<BoardType> type = p.types.stream().filter(t -> t.id().orElse(-1) == typeId).findFirst();
    if (type.isEmpty() || type.get().inactiveFlag().orElse(false)) {
      problems.add(
          new RuleProblem(
              c,
              "typeId",
              "type " + typeId + (type.isEmpty() ? " is not a type of board '" : " is inactive on board '")
                  + boardName + "': choose one of "
                  + p.types.stream().filter(t -> !t.inactiveFlag().orElse(false)).map(t -> t.name().orElse("?")).collect(Collectors.joining(", "))));
      return;
    }
    boolean partsOk = true;
    if (rule.subTypeId().isPresent()) {
      long id = rule.subTypeId().getAsLong();
      Optional<BoardSubType> s = p.subTypes.stream().filter(t -> t.id().orElse(-1) == id).findFirst();
      if (s.isEmpty() || s.get().inactiveFlag().orElse(false)) {
        partsOk = false;
        problems.add(
            new RuleProblem(
                c, "subTypeId", "subtype " + id + " is not an active subtype of board '" + boardName + "': choose another"));
      }
    }
    if (rule.itemId().isPresent()) {
      long id = rule.itemId().getAsLong();
      Optional<BoardItem> s = p.items.stream().filter(t -> t.id().orElse(-1) == id).findFirst();
      if (s.isEmpty() || s.get().inactiveFlag().orElse(false)) {
        partsOk = false;
        problems.add(
            new RuleProblem(
                c, "itemId", "item " + id + " is not an active item of board '" + boardName + "': choose another"));
      }
    }
    if (!partsOk || (rule.subTypeId().isEmpty() && rule.itemId().isEmpty())) {
      return;
    }
    boolean valid =
        p.associations.stream()
            .anyMatch(
                a ->
                    refId(a.type()) == typeId
                        && (rule.subTypeId().isEmpty()
                            || refId(a.subType()) == rule.subTypeId().getAsLong())
                        && (rule.itemId().isEmpty()
                            || refId(a.item()) == rule.itemId().getAsLong()));
    if (!valid) {
      problems.add(
          new RuleProblem(
              c,
              rule.itemId().isPresent() ? "itemId" : "subTypeId",
              "the combination of type, subtype and item is not allowed on board '" + boardName
                  + "': choose a combination listed under the board's type/subtype/item"
                  + " associations in ConnectWise"));
    }
  }

  private static long refId(Optional<Reference> ref) {
    return ref.map(Reference::id).orElse(-1L);
  }

  private static void templates(TicketRule rule, List<RuleProblem> problems) {
    Optional<EventClass> c = Optional.of(rule.eventClass());
    if (rule.summaryTemplate().isBlank()) {
      problems.add(
          new RuleProblem(c, "summaryTemplate", "is blank: enter a summary such as "
              + TicketRule.DEFAULT_SUMMARY));
    }
    for (String field : List.of("summaryTemplate", "descriptionTemplate")) {
      String template =
          field.equals("summaryTemplate") ? rule.summaryTemplate() : rule.descriptionTemplate();
      List<String> unknown = Texts.unknownPlaceholders(template);
      if (!unknown.isEmpty()) {
        problems.add(
            new RuleProblem(
                c,
                field,
                "has unknown placeholder " + String.join(", ", unknown) + ": use only "
                    + TicketRule.PLACEHOLDERS.stream().sorted().collect(Collectors.joining(" "))));
      }
    }
  }

  private static void durations(TicketRule rule, List<RuleProblem> problems) {
    Optional<EventClass> c = Optional.of(rule.eventClass());
    Map<String, Duration> durations =
        Map.of(
            "openDelay", rule.openDelay(),
            "reopenWindow", rule.reopenWindow(),
            "noteInterval", rule.noteInterval());
    durations.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              if (e.getValue().isNegative()) {
                problems.add(
                    new RuleProblem(c, e.getKey(), "must not be negative: enter zero or more"));
              } else if (e.getValue().compareTo(LONGEST_DURATION) > 0) {
                problems.add(
                    new RuleProblem(
                        c,
                        e.getKey(),
                        "must be at most "
                            + LONGEST_DURATION.toDays()
                            + " days: enter "
                            + LONGEST_DURATION.toDays()
                            + " days or less (a longer wait never ends in practice)"));
              }
            });
  }

  private Optional<Reference> memberBoard() {
    if (memberBoard == null) {
      memberBoard =
          client.members().findByIdentifier(apiMemberIdentifier).flatMap(Member::serviceDefaultBoard);
    }
    return memberBoard;
  }

  private Optional<Board> board(long id) {
    return boards.computeIfAbsent(
        id,
        k -> {
          try {
            return Optional.of(client.boards().get(k));
          } catch (NotFoundException e) {
            return Optional.empty();
          }
        });
  }

  private BoardParts parts(long boardId) {
    return parts.computeIfAbsent(boardId, id -> new BoardParts(client, id));
  }

  private static String name(BoardStatus s) {
    return s.name().orElse("#" + s.id().orElse(0));
  }

  /** What a board holds, read once per check. */
  private static final class BoardParts {
    final List<BoardStatus> statuses;
    final List<BoardTeam> teams;
    final List<BoardType> types;
    final List<BoardSubType> subTypes;
    final List<BoardItem> items;
    final List<BoardTypeSubTypeItemAssociation> associations;

    BoardParts(ConnectWiseClient client, long boardId) {
      statuses = client.boardStatuses(boardId).list().collect(Collectors.toList());
      teams = client.boardTeams(boardId).list().collect(Collectors.toList());
      types = client.boardTypes(boardId).list().collect(Collectors.toList());
      subTypes = client.boardSubTypes(boardId).list().collect(Collectors.toList());
      items = client.boardItems(boardId).list().collect(Collectors.toList());
      associations =
          client.boardTypeSubTypeItemAssociations(boardId).list().collect(Collectors.toList());
    }

    Optional<BoardStatus> status(long id) {
      return statuses.stream().filter(s -> s.id().orElse(-1) == id).findFirst();
    }

    String statusNames(boolean closed) {
      return statuses.stream()
          .filter(s -> s.closedStatus().orElse(false) == closed && !s.inactive().orElse(false))
          .map(s -> s.name().orElse("?") + " (" + s.id().orElse(0) + ")")
          .collect(Collectors.joining(", "));
    }
  }
}
