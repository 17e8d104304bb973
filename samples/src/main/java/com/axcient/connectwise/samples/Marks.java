package com.axcient.connectwise.samples;

import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport;
import com.axcient.connectwise.integration.core.diagnostics.SetupReport;

/** The marks in front of each line of a report, readable without colour. */
final class Marks {

  private Marks() {}

  static String of(ConnectionReport.Status status) {
    switch (status) {
      case PASSED:
        return "[ ok ]";
      case FAILED:
        return "[FAIL]";
      default:
        return "[skip]";
    }
  }

  static String of(SetupReport.Severity severity) {
    switch (severity) {
      case OK:
        return "[ ok ]";
      case WARNING:
        return "[warn]";
      default:
        return "[FAIL]";
    }
  }
}
