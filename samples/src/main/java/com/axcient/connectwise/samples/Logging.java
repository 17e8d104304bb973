package com.axcient.connectwise.samples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The tool prints its own output; the library's log is shown only with {@code --verbose}. */
final class Logging {

  private Logging() {}

  static void configure(boolean verbose) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(verbose ? Level.INFO : Level.ERROR);
    ((Logger) LoggerFactory.getLogger("com.axcient.connectwise"))
        .setLevel(verbose ? Level.DEBUG : Level.ERROR);
  }
}
