package com.axcient.connectwise.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The one table the runner prints: a row per figure, with its target and whether it was met. */
final class Table {

  /** Whether a row's target was met; {@code INFO} rows have no target. */
  enum Verdict {
    MET,
    MISSED,
    INFO
  }

  /** One figure. */
  record Row(String scenario, String figure, String value, String target, Verdict verdict) {}

  private final List<Row> rows = new ArrayList<>();

  /** Adds a figure without a target. */
  void info(String scenario, String figure, String value) {
    rows.add(new Row(scenario, figure, value, "", Verdict.INFO));
  }

  /** Adds a figure with its target and whether it was met. */
  void target(String scenario, String figure, String value, String target, boolean met) {
    rows.add(new Row(scenario, figure, value, target, met ? Verdict.MET : Verdict.MISSED));
  }

  /** The rows so far, in the order they were added. */
  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Prints the table in Markdown, so a run can be pasted into docs/performance.md as it is. */
  void print(PrintStream out) {
    String[] header = {"scenario", "figure", "value", "target", "verdict"};
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
    }
    for (Row row : rows) {
      String[] cells = cells(row);
      for (int i = 0; i < cells.length; i++) {
        width[i] = Math.max(width[i], cells[i].length());
      }
    }
    out.println(line(header, width));
    StringBuilder rule = new StringBuilder("|");
    for (int w : width) {
      rule.append("-".repeat(w + 2)).append('|');
    }
    out.println(rule);
    for (Row row : rows) {
      out.println(line(cells(row), width));
    }
  }

  private static String[] cells(Row row) {
    String verdict = row.verdict() == Verdict.INFO ? "" : row.verdict().name().toLowerCase(java.util.Locale.ROOT);
    return new String[] {row.scenario(), row.figure(), row.value(), row.target(), verdict};
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      b.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
    }
    return b.toString();
  }
}
