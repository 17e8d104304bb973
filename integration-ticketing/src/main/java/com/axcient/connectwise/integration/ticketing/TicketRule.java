package com.axcient.connectwise.integration.ticketing;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How alerts of one event class become tickets. Build it with {@link #builder(EventClass)}; every
 * part but the event class has a default.
 *
 * <p>ConnectWise records are named by ID. The board, the new status and the team may be left
 * unset: then the API member's default service board, that board's default status and its
 * default team apply. An unset closed status means the board's first closed status. {@link
 * TicketingEngine#applySettings} checks every rule against ConnectWise before it is used.
 *
 * @param eventClass the alerts the rule is for
 * @param enabled whether such alerts open tickets; a disabled rule still closes tickets it opened
 * @param boardId the service board; unset for the API member's default board
 * @param newStatusId the status of new (and reopened) tickets; unset for the board's default
 * @param closedStatusId the status set when the alert clears; must be a closed status of the
 *     board; unset for the board's first closed status
 * @param priorityId the priority; unset for ConnectWise's default
 * @param teamId the board team; unset for the board's default team
 * @param typeId the ticket type on the board
 * @param subTypeId the ticket subtype; needs a type
 * @param itemId the ticket item; needs a type
 * @param summaryTemplate the ticket summary with placeholders (see {@link #PLACEHOLDERS}); cut to
 *     100 characters
 * @param descriptionTemplate the ticket's first note with placeholders
 * @param companySource where the ticket's company comes from
 * @param openDelay how long an alert must stay raised before a ticket is opened (flap
 *     suppression); an alert that clears sooner opens nothing
 * @param reopenWindow how long after a close a new raise reopens the ticket instead of opening a
 *     new one; zero never reopens
 * @param closeOnClear whether a clear closes the ticket; otherwise it only adds a note
 * @param noteInterval the least time between two notes about repeats; repeats in between are
 *     counted and written with the next note
 */
public record TicketRule(
    EventClass eventClass,
    boolean enabled,
    OptionalLong boardId,
    OptionalLong newStatusId,
    OptionalLong closedStatusId,
    OptionalLong priorityId,
    OptionalLong teamId,
    OptionalLong typeId,
    OptionalLong subTypeId,
    OptionalLong itemId,
    String summaryTemplate,
    String descriptionTemplate,
    CompanySource companySource,
    Duration openDelay,
    Duration reopenWindow,
    boolean closeOnClear,
    Duration noteInterval) {

  /** The placeholders templates may use. */
  public static final Set<String> PLACEHOLDERS =
      Set.of(
          "{device}",
          "{protectedSystem}",
          "{message}",
          "{eventClass}",
          "{severity}",
          "{customer}",
          "{time}",
          "{alertId}");

  /** The default summary template. */
  public static final String DEFAULT_SUMMARY = "{eventClass} on {device} {protectedSystem}";

  /** The default description template. */
  public static final String DEFAULT_DESCRIPTION =
      "{message}\n\nDevice: {device}\nProtected system: {protectedSystem}\nCustomer: {customer}\n"
          + "Severity: {severity}\nEvent: {eventClass}\nTime: {time}\nAlert: {alertId}";

  /** Checks that every part is present; values are checked by {@link TicketingEngine#validate}. */
  public TicketRule {
    Objects.requireNonNull(eventClass, "eventClass");
    Objects.requireNonNull(boardId, "boardId");
    Objects.requireNonNull(newStatusId, "newStatusId");
    Objects.requireNonNull(closedStatusId, "closedStatusId");
    Objects.requireNonNull(priorityId, "priorityId");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(typeId, "typeId");
    Objects.requireNonNull(subTypeId, "subTypeId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(summaryTemplate, "summaryTemplate");
    Objects.requireNonNull(descriptionTemplate, "descriptionTemplate");
    Objects.requireNonNull(companySource, "companySource");
    Objects.requireNonNull(openDelay, "openDelay");
    Objects.requireNonNull(reopenWindow, "reopenWindow");
    Objects.requireNonNull(noteInterval, "noteInterval");
  }

  /**
   * A builder with the defaults: enabled, the API member's default board with its default
   * statuses and team, the default templates, the device's company, no open delay, a 24-hour
   * reopen window, close on clear, and at most one repeat note per hour.
   *
   * @param eventClass the alerts the rule is for
   * @return the builder
   */
  public static Builder builder(EventClass eventClass) {
    return new Builder(eventClass);
  }

  /**
   * A builder holding this rule, to change some parts.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(eventClass);
    b.enabled = enabled;
    b.boardId = boardId;
    b.newStatusId = newStatusId;
    b.closedStatusId = closedStatusId;
    b.priorityId = priorityId;
    b.teamId = teamId;
    b.typeId = typeId;
    b.subTypeId = subTypeId;
    b.itemId = itemId;
    b.summaryTemplate = summaryTemplate;
    b.descriptionTemplate = descriptionTemplate;
    b.companySource = companySource;
    b.openDelay = openDelay;
    b.reopenWindow = reopenWindow;
    b.closeOnClear = closeOnClear;
    b.noteInterval = noteInterval;
    return b;
  }

  /** Builds a {@link TicketRule}. */
  public static final class Builder {
    private final EventClass eventClass;
    private boolean enabled = true;
    private OptionalLong boardId = OptionalLong.empty();
    private OptionalLong newStatusId = OptionalLong.empty();
    private OptionalLong closedStatusId = OptionalLong.empty();
    private OptionalLong priorityId = OptionalLong.empty();
    private OptionalLong teamId = OptionalLong.empty();
    private OptionalLong typeId = OptionalLong.empty();
    private OptionalLong subTypeId = OptionalLong.empty();
    private OptionalLong itemId = OptionalLong.empty();
    private String summaryTemplate = DEFAULT_SUMMARY;
    private String descriptionTemplate = DEFAULT_DESCRIPTION;
    private CompanySource companySource = CompanySource.DEVICE;
    private Duration openDelay = Duration.ZERO;
    private Duration reopenWindow = Duration.ofHours(24);
    private boolean closeOnClear = true;
    private Duration noteInterval = Duration.ofHours(1);

    private Builder(EventClass eventClass) {
      this.eventClass = Objects.requireNonNull(eventClass, "eventClass");
    }

    /**
     * Sets whether alerts of the class open tickets.
     *
     * @param enabled {@code false} to open none
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets the service board.
     *
     * @param boardId the board's ID
     * @return this builder
     */
    public Builder boardId(long boardId) {
      this.boardId = OptionalLong.of(boardId);
      return this;
    }

    /**
     * Sets the status of new tickets.
     *
     * @param statusId a status of the board
     * @return this builder
     */
    public Builder newStatusId(long statusId) {
      this.newStatusId = OptionalLong.of(statusId);
      return this;
    }

    /**
     * Sets the status set on clear.
     *
     * @param statusId a closed status of the board
     * @return this builder
     */
    public Builder closedStatusId(long statusId) {
      this.closedStatusId = OptionalLong.of(statusId);
      return this;
    }

    /**
     * Sets the priority.
     *
     * @param priorityId the priority's ID
     * @return this builder
     */
    public Builder priorityId(long priorityId) {
      this.priorityId = OptionalLong.of(priorityId);
      return this;
    }

    /**
     * Sets the board team.
     *
     * @param teamId a team of the board
     * @return this builder
     */
    public Builder teamId(long teamId) {
      this.teamId = OptionalLong.of(teamId);
      return this;
    }

    /**
     * Sets the ticket type.
     *
     * @param typeId a type of the board
     * @return this builder
     */
    public Builder typeId(long typeId) {
      this.typeId = OptionalLong.of(typeId);
      return this;
    }

    /**
     * Sets the ticket subtype.
     *
     * @param subTypeId a subtype of the board, valid with the type
     * @return this builder
     */
    public Builder subTypeId(long subTypeId) {
      this.subTypeId = OptionalLong.of(subTypeId);
      return this;
    }

    /**
     * Sets the ticket item.
     *
     * @param itemId an item of the board, valid with the type and subtype
     * @return this builder
     */
    public Builder itemId(long itemId) {
      this.itemId = OptionalLong.of(itemId);
      return this;
    }

    /**
     * Sets the summary template.
     *
     * @param template text with placeholders such as {@code {device}}
     * @return this builder
     */
    public Builder summaryTemplate(String template) {
      this.summaryTemplate = template;
      return this;
    }

    /**
     * Sets the description template.
     *
     * @param template text with placeholders such as {@code {message}}
     * @return this builder
     */
    public Builder descriptionTemplate(String template) {
      this.descriptionTemplate = template;
      return this;
    }

    /**
     * Sets where the ticket's company comes from.
     *
     * @param companySource the source
     * @return this builder
     */
    public Builder companySource(CompanySource companySource) {
      this.companySource = companySource;
      return this;
    }

    /**
     * Sets the delay before a ticket is opened.
     *
     * @param openDelay zero to open at once
     * @return this builder
     */
    public Builder openDelay(Duration openDelay) {
      this.openDelay = openDelay;
      return this;
    }

    /**
     * Sets the reopen window.
     *
     * @param reopenWindow zero to always open a new ticket
     * @return this builder
     */
    public Builder reopenWindow(Duration reopenWindow) {
      this.reopenWindow = reopenWindow;
      return this;
    }

    /**
     * Sets whether a clear closes the ticket.
     *
     * @param closeOnClear {@code false} to only add a note
     * @return this builder
     */
    public Builder closeOnClear(boolean closeOnClear) {
      this.closeOnClear = closeOnClear;
      return this;
    }

    /**
     * Sets the least time between repeat notes.
     *
     * @param noteInterval zero for a note on every repeat
     * @return this builder
     */
    public Builder noteInterval(Duration noteInterval) {
      this.noteInterval = noteInterval;
      return this;
    }

    /**
     * The rule.
     *
     * @return the rule
     */
    public TicketRule build() {
      return new TicketRule(
          eventClass,
          enabled,
          boardId,
          newStatusId,
          closedStatusId,
          priorityId,
          teamId,
          typeId,
          subTypeId,
          itemId,
          summaryTemplate,
          descriptionTemplate,
          companySource,
          openDelay,
          reopenWindow,
          closeOnClear,
          noteInterval);
    }
  }
}
