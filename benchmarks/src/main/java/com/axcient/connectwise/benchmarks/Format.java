package com.axcient.connectwise.benchmarks;

import java.util.Locale;

/** How figures are written in the table. */
final class Format {

  private Format() {}

  static String seconds(long nanos) {
    return nanos < 1_000_000_000L
        ? String.format(Locale.ROOT, "%.0f ms", nanos / 1e6)
        : String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1048576.0);
  }
}
