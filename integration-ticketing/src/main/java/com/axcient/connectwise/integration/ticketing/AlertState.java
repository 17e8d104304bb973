package com.axcient.connectwise.integration.ticketing;

/** Where an alert is in its life, as the product reports it. */
public enum AlertState {
  /** The alert started: the first raise opens a ticket. */
  RAISED,
  /** The alert is still there: repeats add a note, at most one per note interval. */
  REPEATED,
  /** The alert went away: its ticket is closed (when the rule says so). */
  CLEARED
}
