package com.axcient.connectwise.integration.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport.Check;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport.Status;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport.Step;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.testkit.Access;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension;
import com.axcient.connectwise.testkit.Outage;
import com.axcient.connectwise.testkit.Permission;
import com.axcient.connectwise.testkit.RecordedCall;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionTestTest {

  @RegisterExtension
  static final ConnectWiseSimulatorExtension CW = ConnectWiseSimulatorExtension.perClass();

  private static final Set<Feature> ALL_FEATURES = EnumSet.allOf(Feature.class);

  private final ConnectWiseSimulator cw = CW.simulator();

  private ConnectionTest test() {
    return ConnectionTest.forClientId(cw.clientId()).withFeatures(ALL_FEATURES);
  }

  private PsaSettings settings() {
    return Simulators.settings(cw);
  }

  private static List<String> outline(ConnectionReport report) {
    return report.steps().stream().map(step -> step.name() + " " + step.status()).toList();
  }

  private static Step only(ConnectionReport report, Check check) {
    List<Step> steps = report.steps(check);
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  private static Step named(ConnectionReport report, String name) {
    return report.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyStepPassesAgainstAWorkingSite() {
    ConnectionReport report = test().run(settings());

    assertThat(outline(report))
        .containsExactly(
            "Site PASSED",
            "Company PASSED",
            "Credentials PASSED",
            "Client ID PASSED",
            "Read service tickets PASSED",
            "Read service boards PASSED",
            "Read companies PASSED",
            "Read agreements PASSED",
            "Read agreement additions PASSED",
            "Server version PASSED");
    assertThat(report.passed()).isTrue();
    assertThat(report.firstFailure()).isEmpty();
    assertThat(only(report, Check.COMPANY).detail()).contains(cw.companyId(), "v4_6_release");
    assertThat(only(report, Check.SERVER_VERSION).detail()).startsWith("ConnectWise 20");
  }

  @Test
  void saysThatWritesCannotBeProbedInsteadOfPretending() {
    ConnectionReport report = test().run(settings());

    assertThat(named(report, "Read service tickets").detail())
        .contains("Writing cannot be checked without changing data")
        .contains("Service Desk › Service Tickets also has Add Level and Edit Level set to All");
    assertThat(named(report, "Read agreement additions").detail())
        .contains("Finance › Agreements also has Edit Level set to All");
  }

  @Test
  void sendsOnlyReadsWithHarmlessCounts() {
    test().run(settings());

    List<RecordedCall> calls = cw.journal().calls();
    assertThat(calls).isNotEmpty().allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));
    assertThat(calls)
        .filteredOn(call -> call.apiPath().startsWith("/service/tickets"))
        .extracting(RecordedCall::apiPath)
        .containsExactly("/service/tickets/count");
  }

  @Test
  void checksOnlyThePermissionsOfTheEnabledFeatures() {
    ConnectionReport ticketing =
        ConnectionTest.run(settings(), cw.clientId(), EnumSet.of(Feature.TICKETING));
    ConnectionReport none = ConnectionTest.run(settings(), cw.clientId(), Set.of());

    assertThat(ticketing.steps(Check.PERMISSION))
        .extracting(Step::name)
        .containsExactly("Read service tickets", "Read service boards", "Read companies");
    assertThat(none.steps(Check.PERMISSION)).isEmpty();
    assertThat(none.passed()).isTrue();
  }

  @Test
  void additionsAreNotCheckedWhenThereIsNoAgreementToReadThemFrom() {
    try (ConnectWiseSimulator empty = ConnectWiseSimulator.builder().build().start()) {
      for (var agreement : empty.data().list("/finance/agreements")) {
        empty.data().delete("/finance/agreements/" + agreement.path("id").asLong());
      }

      ConnectionReport report =
          ConnectionTest.forClientId(empty.clientId())
              .withFeatures(EnumSet.of(Feature.BILLING))
              .run(Simulators.settings(empty));

      Step additions = named(report, "Read agreement additions");
      assertThat(additions.status()).isEqualTo(Status.SKIPPED);
      assertThat(additions.detail())
          .contains("no agreement yet", "Finance › Agreements › Inquire Level");
      assertThat(report.passed()).isTrue();
    }
  }

  @Test
  void anUnknownHostFailsTheSiteStepAndSkipsTheRest() {
    PsaSettings settings = settings().toBuilder().site("cw.example.invalid").build();

    ConnectionReport report = test().run(settings);

    assertThat(outline(report))
        .containsExactly(
            "Site FAILED",
            "Company SKIPPED",
            "Credentials SKIPPED",
            "Client ID SKIPPED",
            "Read service tickets SKIPPED",
            "Read service boards SKIPPED",
            "Read companies SKIPPED",
            "Read agreements SKIPPED",
            "Read agreement additions SKIPPED",
            "Server version SKIPPED");
    Step site = report.firstFailure().orElseThrow();
    assertThat(site.detail()).contains("cw.example.invalid could not be found");
    assertThat(site.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("Check the site", "DNS"));
  }

  @Test
  void aRefusedConnectionFailsTheSiteStep() {
    try (Outage outage = cw.faults().refuseConnections()) {
      ConnectionReport report = test().run(settings());

      Step site = only(report, Check.SITE);
      assertThat(site.status()).isEqualTo(Status.FAILED);
      assertThat(site.detail()).startsWith("Could not connect to 127.0.0.1");
      assertThat(site.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("firewall"));
    }
  }

  @Test
  void aWebPageInsteadOfTheApiIsNamedAsSuchNotAsAParseError() {
    cw.faults()
        .on("GET", "/login/**")
        .respondStatus(200)
        .body("text/html", "<!DOCTYPE html><html><body><form>Sign in</form></body></html>");

    ConnectionReport report = test().run(settings());

    Step site = only(report, Check.SITE);
    assertThat(site.status()).isEqualTo(Status.FAILED);
    assertThat(site.detail()).contains("answered with a web page", "not as ConnectWise's API");
    assertThat(site.fix())
        .hasValueSatisfying(
            fix -> assertThat(fix).contains("API address", "login page", "proxy"));
    assertThat(only(report, Check.COMPANY).status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void aSiteThatFailsItselfAsksToTryAgainLater() {
    cw.faults().on("GET", "/login/**").respondStatus(503);

    Step site = only(test().run(settings()), Check.SITE);

    assertThat(site.status()).isEqualTo(Status.FAILED);
    assertThat(site.detail()).contains("HTTP 503");
    assertThat(site.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("try again later"));
  }

  @Test
  void anUnknownCompanyFailsTheCompanyStepAfterTheSitePassed() {
    PsaSettings settings = settings().toBuilder().companyId("nosuchcompany").build();

    ConnectionReport report = test().run(settings);

    assertThat(outline(report)).startsWith("Site PASSED", "Company FAILED", "Credentials SKIPPED");
    Step company = report.firstFailure().orElseThrow();
    assertThat(company.detail()).contains("no company 'nosuchcompany'");
    assertThat(company.fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("company ID", "login screen"));
  }

  @Test
  void aWrongPublicKeyFailsTheCredentialsStep() {
    PsaSettings settings = settings().toBuilder().publicKey("WrongPublicKey1").build();

    ConnectionReport report = test().run(settings);

    assertThat(outline(report))
        .startsWith("Site PASSED", "Company PASSED", "Credentials FAILED", "Client ID SKIPPED");
    assertKeysFix(report.firstFailure().orElseThrow());
    assertThat(report.steps(Check.PERMISSION)).extracting(Step::status).containsOnly(Status.SKIPPED);
  }

  @Test
  void aWrongPrivateKeyFailsTheCredentialsStepWithoutShowingEitherKey() {
    String wrongKey = "WrongPrivateKey9";
    PsaSettings settings = settings().toBuilder().privateKey(Secret.of(wrongKey)).build();

    ConnectionReport report = test().run(settings);

    assertThat(outline(report)).startsWith("Site PASSED", "Company PASSED", "Credentials FAILED");
    assertKeysFix(report.firstFailure().orElseThrow());
    assertThat(Simulators.texts(report))
        .noneMatch(text -> text.contains(wrongKey) || text.contains(cw.privateKey()));
  }

  @Test
  void aCloudSiteAnsweringBadKeysWithABare404StillBlamesTheKeys() {
    try (ConnectWiseSimulator cloud = ConnectWiseSimulator.builder().cloud(true).build().start()) {
      PsaSettings settings =
          Simulators.settings(cloud).toBuilder().privateKey(Secret.of("WrongPrivateKey9")).build();

      ConnectionReport report =
          ConnectionTest.forClientId(cloud.clientId()).withFeatures(ALL_FEATURES).run(settings);

      assertThat(outline(report)).startsWith("Site PASSED", "Company PASSED", "Credentials FAILED");
      assertKeysFix(report.firstFailure().orElseThrow());
      assertThat(only(report, Check.COMPANY).detail()).contains("in ConnectWise's cloud");
    }
  }

  private static void assertKeysFix(Step credentials) {
    assertThat(credentials.check()).isEqualTo(Check.CREDENTIALS);
    assertThat(credentials.detail()).contains("did not accept the company ID with these API keys");
    assertThat(credentials.fix())
        .hasValueSatisfying(
            fix ->
                assertThat(fix)
                    .contains("public and private keys", "System › Members › API Members")
                    .contains("API Keys"));
  }

  @Test
  void aRejectedClientIdFailsTheClientIdStepAndNamesWhoCanFixIt() {
    ConnectionReport report =
        ConnectionTest.forClientId("6a1c9e9e-0000-4000-8000-000000000000")
            .withFeatures(ALL_FEATURES)
            .run(settings());

    assertThat(outline(report))
        .startsWith("Site PASSED", "Company PASSED", "Credentials PASSED", "Client ID FAILED");
    Step clientId = report.firstFailure().orElseThrow();
    assertThat(clientId.check()).isEqualTo(Check.CLIENT_ID);
    assertThat(clientId.detail()).contains("did not accept the product's client ID");
    assertThat(clientId.fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("not one of your settings", "vendor"));
    assertThat(only(report, Check.SERVER_VERSION).status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void aMissingClientIdIsAMistakeOfTheProductNotOfTheUser() {
    assertThatThrownBy(() -> ConnectionTest.forClientId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId is missing")
        .hasMessageContaining("developer.connectwise.com");
  }

  @Test
  void aRoleWithoutTicketsNamesTheRoleSettingAndStillChecksTheOtherPermissions() {
    cw.apiMemberRole().revoke(Permission.SERVICE_TICKETS, Access.INQUIRE);

    ConnectionReport report = test().run(settings());

    assertThat(outline(report))
        .containsExactly(
            "Site PASSED",
            "Company PASSED",
            "Credentials PASSED",
            "Client ID PASSED",
            "Read service tickets FAILED",
            "Read service boards PASSED",
            "Read companies PASSED",
            "Read agreements PASSED",
            "Read agreement additions PASSED",
            "Server version PASSED");
    Step tickets = report.firstFailure().orElseThrow();
    assertThat(tickets.check()).isEqualTo(Check.PERMISSION);
    assertThat(tickets.detail())
        .isEqualTo(
            "The API member's security role lacks Service Desk › Service Tickets › Inquire Level.");
    assertThat(tickets.fix())
        .hasValueSatisfying(
            fix ->
                assertThat(fix)
                    .contains("System › Security Roles")
                    .contains("set Service Desk › Service Tickets › Inquire Level to All")
                    .contains("Add Level and Edit Level"));
  }

  @Test
  void aRoleWithoutAgreementsFailsBothBillingReads() {
    cw.apiMemberRole().revoke(Permission.AGREEMENTS);

    ConnectionReport report = test().run(settings());

    assertThat(named(report, "Read agreements").status()).isEqualTo(Status.FAILED);
    assertThat(named(report, "Read agreement additions").status()).isEqualTo(Status.FAILED);
    assertThat(named(report, "Read agreements").fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("Finance › Agreements › Inquire Level"));
  }

  @Test
  void aTimeoutIsReportedAsATimeout() {
    cw.faults().on("GET", "/system/info").latency(Duration.ofSeconds(2));

    ConnectionReport report =
        test().withClientSettings(builder -> builder.readTimeout(Duration.ofMillis(200))).run(settings());

    assertThat(outline(report)).startsWith("Site PASSED", "Company PASSED", "Credentials FAILED");
    Step credentials = report.firstFailure().orElseThrow();
    assertThat(credentials.detail()).contains("did not answer in time (a timeout)");
    assertThat(credentials.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("try again"));
    assertThat(cw.journal().count("GET", "/system/info")).isEqualTo(1);
  }

  @Test
  void aTimeoutOnOnePermissionSkipsTheRemainingReads() {
    cw.faults().on("GET", "/service/boards/count").latency(Duration.ofSeconds(2));

    ConnectionReport report =
        test().withClientSettings(builder -> builder.readTimeout(Duration.ofMillis(200))).run(settings());

    assertThat(outline(report))
        .containsExactly(
            "Site PASSED",
            "Company PASSED",
            "Credentials PASSED",
            "Client ID PASSED",
            "Read service tickets PASSED",
            "Read service boards FAILED",
            "Read companies SKIPPED",
            "Read agreements SKIPPED",
            "Read agreement additions SKIPPED",
            "Server version PASSED");
  }

  @Test
  void rateLimitingSaysWhenToTryAgain() {
    cw.faults().on("GET", "/system/info").rateLimited(Duration.ofSeconds(7));

    Step credentials = only(test().run(settings()), Check.CREDENTIALS);

    assertThat(credentials.status()).isEqualTo(Status.FAILED);
    assertThat(credentials.fix())
        .hasValueSatisfying(fix -> assertThat(fix).contains("Try again in 7 seconds"));
  }

  @Test
  void aWrongCodebaseSettingIsBlamedInsteadOfTheKeys() {
    PsaSettings settings = settings().toBuilder().codebase("v2019_1").build();

    ConnectionReport report = test().run(settings);

    Step company = only(report, Check.COMPANY);
    assertThat(company.status()).isEqualTo(Status.PASSED);
    assertThat(company.detail()).contains("The codebase setting names v2019_1 instead");
    assertThat(company.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("codebase setting empty"));
    Step credentials = only(report, Check.CREDENTIALS);
    assertThat(credentials.status()).isEqualTo(Status.FAILED);
    assertThat(credentials.detail()).contains("the codebase is wrong");
  }

  @Test
  void theCallersClientSettingsAreUsed() {
    test().withClientSettings(builder -> builder.userAgentSuffix("acme-backup/7.2")).run(settings());

    assertThat(cw.journal().calls("GET", "/system/info").get(0).header("User-Agent"))
        .hasValueSatisfying(agent -> assertThat(agent).endsWith("acme-backup/7.2"));
  }
}
