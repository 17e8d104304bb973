package com.axcient.connectwise.integration.core.diagnostics;

/**
 * A part of the integration a product has switched on. The test connection checks the ConnectWise
 * permissions of the features it is given, and only those.
 */
public enum Feature {
  /** Alerts become service tickets: needs service tickets, service boards and companies. */
  TICKETING,
  /** Storage usage is billed to agreement additions: needs agreements and their additions. */
  BILLING
}
