package com.axcient.connectwise.integration.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cloud service runs one engine per ConnectWise site, all on one shared state store. */
class TwoSitesOneStoreTest {

  @Test
  void eachEngineHandlesOnlyItsOwnSitesAlerts() {
    try (Harness first = new Harness();
        Harness second = new Harness()) {
      TicketingEngine secondOnSharedStore = second.newEngine(first.store, "instance-b", o -> o);
      try {
        TicketingSettings rules =
            TicketingSettings.builder()
                .enabled(true)
                .rule(TicketRule.builder(EventClass.BACKUP_FAILED).enabled(true).build())
                .build();
        first.engine.applySettings(rules);
        secondOnSharedStore.applySettings(rules);

        first.engine.accept(first.raise("alert-on-first"));
        secondOnSharedStore.accept(second.raise("alert-on-second"));

        // The second site's engine runs first: it must leave the first site's work alone.
        secondOnSharedStore.drain();
        assertThat(second.ticketsOf("alert-on-second")).hasSize(1);
        assertThat(second.ticketsOf("alert-on-first")).isEmpty();
        assertThat(secondOnSharedStore.deadLetters()).isEmpty();

        first.engine.drain();
        assertThat(first.ticketsOf("alert-on-first")).hasSize(1);
        assertThat(first.ticketsOf("alert-on-second")).isEmpty();
        assertThat(first.engine.deadLetters()).isEmpty();
      } finally {
        secondOnSharedStore.close();
      }
    }
  }
}
