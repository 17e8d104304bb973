package com.axcient.connectwise.integration.billing;

import java.util.Objects;

/**
 * One reason a billing run cannot go ahead: what it concerns and what to do about it.
 *
 * @param subject what the problem is about, such as {@code report r-17 (appliance appliance-7)} or
 *     {@code appliance appliance-7}
 * @param message what is wrong and how to fix it
 */
public record BillingProblem(String subject, String message) {

  /** Checks that both parts are present. */
  public BillingProblem {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return subject + ": " + message;
  }
}
