package com.axcient.connectwise.integration.ticketing;

/** How serious the product considers an alert; shown in tickets through {@code {severity}}. */
public enum AlertSeverity {
  /** For information only. */
  INFO,
  /** Needs attention soon. */
  WARNING,
  /** Something failed. */
  ERROR,
  /** Something failed and data is at risk. */
  CRITICAL
}
