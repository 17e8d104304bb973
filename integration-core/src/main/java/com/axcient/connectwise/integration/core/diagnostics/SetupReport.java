package com.axcient.connectwise.integration.core.diagnostics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link SetupCheck}: one finding per thing the ConnectWise side must have. When
 * the API member or its default service board cannot be found, the findings about that board are
 * left out: fix the finding that is there and check again.
 *
 * @param findings every finding, in the order they were checked
 */
public record SetupReport(List<Finding> findings) {

  /** Copies the findings. */
  public SetupReport {
    findings = List.copyOf(findings);
  }

  /** Whether nothing is a {@link Severity#PROBLEM}; warnings do not stop the integration. */
  public boolean ready() {
    return findings.stream().noneMatch(finding -> finding.severity() == Severity.PROBLEM);
  }

  /** The findings that are problems, in order. */
  public List<Finding> problems() {
    return findings.stream().filter(finding -> finding.severity() == Severity.PROBLEM).toList();
  }

  /** Every finding of this kind, in order (several for {@link Check#PERMISSION}). */
  public List<Finding> findings(Check check) {
    return findings.stream().filter(finding -> finding.check() == check).toList();
  }

  /** What a finding is about. */
  public enum Check {
    /** The API member exists and is active. */
    API_MEMBER,
    /** The API member has a default service board, and it exists. */
    DEFAULT_BOARD,
    /** The default service board is active. */
    BOARD_ACTIVE,
    /** The board has an active default status for new tickets. */
    DEFAULT_STATUS,
    /** The board has an active closed status. */
    CLOSED_STATUS,
    /** The board has a default team. */
    DEFAULT_TEAM,
    /** The company status {@code Imported} exists and can be used. */
    IMPORTED_COMPANY_STATUS,
    /** The API member's security role allows a needed read. */
    PERMISSION,
    /** ConnectWise could not be read at all; the check stopped. */
    CONNECTION
  }

  /** How serious a finding is. */
  public enum Severity {
    /** As it should be. */
    OK,
    /** Works, but not as the product expects; the fix says what changes. */
    WARNING,
    /** Tickets or billing will fail until it is fixed. */
    PROBLEM
  }

  /**
   * One finding.
   *
   * @param check what the finding is about
   * @param name the finding's title, such as {@code Default status}
   * @param severity how serious it is
   * @param detail what was found, in the user's words
   * @param fix what to do, in the words of ConnectWise's menus; present unless the finding is OK
   */
  public record Finding(
      Check check, String name, Severity severity, String detail, Optional<String> fix) {

    /** Checks that every part is present. */
    public Finding {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(fix, "fix");
    }

    /** For example {@code Default status: PROBLEM - ... Fix: ...}. */
    @Override
    public String toString() {
      return name + ": " + severity + " - " + detail + fix.map(f -> " Fix: " + f).orElse("");
    }
  }
}
