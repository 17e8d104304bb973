package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectWiseSimulatorExtensionTest {

  @Nested
  @ExtendWith(ConnectWiseSimulatorExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClass {
    private static ConnectWiseSimulator first;

    @Test
    @Order(1)
    void injectsAStartedSimulator(ConnectWiseSimulator cw) {
      first = cw;
      RawHttp http = new RawHttp(cw);
      cw.faults().on("GET", "/system/info").always().respondStatus(503);
      cw.apiMemberRole().revoke(Permission.TABLE_SETUP);

      assertThat(http.post("/service/tickets", "{\"summary\":\"kept\",\"company\":{\"id\":251}}").status)
          .isEqualTo(201);
      assertThat(http.get("/system/info").status).isEqualTo(503);
    }

    @Test
    @Order(2)
    void sharesItAcrossTheClassWithFaultsJournalAndRolesReset(ConnectWiseSimulator cw) {
      RawHttp http = new RawHttp(cw);

      assertThat(cw).isSameAs(first);
      assertThat(cw.journal().size()).isZero();
      assertThat(http.get("/system/info").status).isEqualTo(200);
      assertThat(http.get("/service/boards").status).isEqualTo(200);
      assertThat(cw.data().list("/service/tickets", "summary = \"kept\"")).hasSize(1);
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    @RegisterExtension
    static ConnectWiseSimulatorExtension extension = ConnectWiseSimulatorExtension.perTest()
        .configure(builder -> builder.companyId("pertest").clock(new MutableClock(NOW)));

    private static ConnectWiseSimulator first;

    @Test
    @Order(1)
    void appliesTheConfiguration(ConnectWiseSimulator cw) {
      first = cw;
      assertThat(cw.companyId()).isEqualTo("pertest");
      assertThat(extension.simulator()).isSameAs(cw);
      assertThat(new RawHttp(cw).post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":251}}")
          .json().path("_info").path("dateEntered").asText()).isEqualTo("2025-01-02T03:04:05Z");
    }

    @Test
    @Order(2)
    void startsAFreshSimulatorForEachTest(ConnectWiseSimulator cw) {
      assertThat(cw).isNotSameAs(first);
      assertThat(cw.data().list("/service/tickets")).hasSize(3);
    }
  }
}
