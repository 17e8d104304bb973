package com.axcient.connectwise.integration.ticketing;

import java.util.List;
import java.util.stream.Collectors;

/** Ticketing settings were refused because ConnectWise does not fit them; nothing was applied. */
public class InvalidRulesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems; not serialised with the exception. */
  private final transient List<RuleProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems every problem found, at least one
   */
  public InvalidRulesException(List<RuleProblem> problems) {
    super(
        "The ticketing settings were not applied: "
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found.
   *
   * @return the problems
   */
  public List<RuleProblem> problems() {
    return problems;
  }
}
