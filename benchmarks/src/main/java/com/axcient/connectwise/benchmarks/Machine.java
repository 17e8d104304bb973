package com.axcient.connectwise.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Where absolute times came from: cores, memory, JVM and OS, printed above every table. */
final class Machine {

  private Machine() {}

  /** One line describing this machine and JVM. */
  static String describe() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%d cores, max heap %d MB, %s %s (%s), %s %s %s",
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version", System.getProperty("java.version")),
        System.getProperty("java.vm.vendor"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"))
        + ", load average at start "
        + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
