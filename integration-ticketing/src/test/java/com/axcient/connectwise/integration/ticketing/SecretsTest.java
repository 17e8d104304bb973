package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The private key and alert payloads stay out of logs, reasons, status and toString. */
class SecretsTest {

  private final Harness h = new Harness();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Level before = root.getLevel();

  @AfterEach
  void close() {
    root.detachAppender(logs);
    root.setLevel(before);
    h.close();
  }

  @Test
  void noSecretOrPayloadReachesLogsDeadLettersOrStatus() {
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.TRACE);
    h.enable(TicketRule.builder(EventClass.BACKUP_FAILED).build());
    h.cw.faults().on("POST", "/service/tickets").times(1).respondStatus(400);
    h.cw.faults().on("POST", "/service/tickets/*/notes").times(1).respondStatus(401);
    h.engine.accept(h.raise("a1"));
    h.engine.accept(h.raise("a2"));
    h.engine.accept(h.repeat("a2"));
    h.engine.drain();
    h.clock.advance(Duration.ofMinutes(1));
    h.engine.drain();

    String secret = h.cw.privateKey();
    String payload = "snapshot timed out";
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .allSatisfy(
            e -> {
              assertThat(e.getFormattedMessage()).doesNotContain(secret).doesNotContain(payload);
              assertThat(e.getThreadName()).doesNotContain(secret);
            });
    assertThat(h.engine.deadLetters()).allSatisfy(d -> assertThat(d.reason()).doesNotContain(payload));
    assertThat(h.engine.status().toString()).doesNotContain(secret).doesNotContain(payload);
    assertThat(h.engine.toString()).doesNotContain(secret);
  }
}
