package com.axcient.connectwise.integration.billing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A billing run that cannot go ahead, with every problem found (not only the first). Nothing was
 * written: the whole run is checked before the first write.
 */
public class InvalidBillingRunException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<BillingProblem> problems;

  /** An exception listing these problems; there must be at least one. */
  public InvalidBillingRunException(List<BillingProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<BillingProblem> problems() {
    return problems;
  }

  private static String message(List<BillingProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("An InvalidBillingRunException needs at least one problem");
    }
    String list = problems.stream().map(BillingProblem::toString).collect(Collectors.joining("; "));
    return problems.size() == 1
        ? "The billing run wrote nothing: " + list
        : "The billing run wrote nothing; " + problems.size() + " problems: " + list;
  }
}
