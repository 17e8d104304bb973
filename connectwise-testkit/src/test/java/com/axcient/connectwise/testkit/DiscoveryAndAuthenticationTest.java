package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryAndAuthenticationTest {

  private static ConnectWiseSimulator cw;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    cw = ConnectWiseSimulator.builder().companyId("acmemsp").build().start();
    http = new RawHttp(cw);
  }

  @AfterAll
  static void stop() {
    cw.close();
  }

  private static RawHttp.Reply raw(String path) {
    return http.sendTo("GET", URI.create(cw.baseUrl() + path), null, Duration.ofSeconds(5));
  }

  @Test
  void companyInfoNeedsNoCredentialsAndNamesTheCodebase() {
    RawHttp.Reply reply = http.with("Authorization", null).with("clientId", null)
        .sendTo("GET", URI.create(cw.baseUrl() + "/login/companyinfo/ACMEMSP"), null, Duration.ofSeconds(5));

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json().path("Codebase").asText()).isEqualTo("v4_6_release/");
    assertThat(reply.json().path("CompanyID").asText()).isEqualTo("acmemsp");
    assertThat(reply.json().path("IsCloud").asBoolean()).isFalse();
    assertThat(reply.json().path("SiteUrl").asText()).isEqualTo(URI.create(cw.baseUrl()).getAuthority());
    assertThat(reply.json().has("VersionCode")).isTrue();
  }

  @Test
  void companyInfoOfAnUnknownCompanyIsNull() {
    RawHttp.Reply reply = raw("/login/companyinfo/nosuchcompany");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.body).isEqualTo("null");
  }

  @Test
  void aWrongCodebaseCannotBeRouted() {
    RawHttp.Reply reply = raw("/v2019_1/apis/3.0/service/tickets");

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("text/plain");
    assertThat(reply.body).isEqualTo("Cannot route. Codebase/company is invalid");
  }

  @Test
  void badCredentialsAnswer401WithConnectWiseBody() {
    RawHttp.Reply wrongKey = http.with("Authorization", "Basic "
        + java.util.Base64.getEncoder().encodeToString(("acmemsp+" + cw.publicKey() + ":nope").getBytes()))
        .get("/system/info");
    RawHttp.Reply none = http.with("Authorization", null).get("/system/info");
    RawHttp.Reply garbage = http.with("Authorization", "Basic %%%").get("/system/info");

    for (RawHttp.Reply reply : new RawHttp.Reply[] {wrongKey, none, garbage}) {
      assertThat(reply.status).isEqualTo(401);
      assertThat(reply.json().path("code").asText()).isEqualTo("Unauthorized");
      assertThat(reply.json().path("message").asText()).isNotBlank();
    }
  }

  @Test
  void theCompanyIdInCredentialsIsCaseInsensitive() {
    String credentials = "ACMEMSP+" + cw.publicKey() + ":" + cw.privateKey();
    RawHttp.Reply reply = http.with("Authorization",
        "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes())).get("/system/info");

    assertThat(reply.status).isEqualTo(200);
  }

  @Test
  void aMissingClientIdIsRefusedWithAMessageNamingIt() {
    RawHttp.Reply reply = http.with("clientId", null).get("/service/tickets");

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.json().path("message").asText()).startsWith("clientId is required");
  }

  @Test
  void anUnknownClientIdIsRefused() {
    RawHttp.Reply reply = http.with("clientId", "00000000-0000-0000-0000-000000000000").get("/service/tickets");

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.json().path("message").asText()).contains("not a registered client ID");
  }

  @Test
  void systemInfoReportsTheVersion() {
    RawHttp.Reply reply = http.get("/system/info");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json().path("version").asText()).startsWith("v2026.4");
    assertThat(reply.header("api-current-version")).isEqualTo("2026.4");
    assertThat(reply.header("x-cw-request-id")).isNotBlank();
  }

  @Test
  void cloudSitesAnswerBadCredentialsWithABareHtml404() {
    try (ConnectWiseSimulator cloud = ConnectWiseSimulator.builder().cloud(true).build().start()) {
      RawHttp cloudHttp = new RawHttp(cloud);
      RawHttp.Reply reply = cloudHttp.with("Authorization", "Basic eDp5").get("/service/tickets");
      RawHttp.Reply info = cloudHttp.get("/system/info");

      assertThat(reply.status).isEqualTo(404);
      assertThat(reply.header("Content-Type")).startsWith("text/html");
      assertThat(reply.body).doesNotContain("\"code\"");
      assertThat(info.json().path("isCloud").asBoolean()).isTrue();
    }
  }

  @Test
  void movingTheCodebaseChangesDiscoveryAndRetiresTheOldPath() {
    try (ConnectWiseSimulator moved = ConnectWiseSimulator.builder().build().start()) {
      RawHttp movedHttp = new RawHttp(moved);
      String oldApi = moved.apiUrl();

      moved.moveCodebase("v2026_5");

      RawHttp.Reply info = movedHttp.sendTo("GET",
          URI.create(moved.baseUrl() + "/login/companyinfo/training"), null, Duration.ofSeconds(5));
      RawHttp.Reply old = movedHttp.sendTo("GET", URI.create(oldApi + "/system/info"), null, Duration.ofSeconds(5));
      assertThat(info.json().path("Codebase").asText()).isEqualTo("v2026_5/");
      assertThat(old.status).isEqualTo(404);
      assertThat(old.body).isEqualTo("Cannot route. Codebase/company is invalid");
      assertThat(movedHttp.get("/system/info").status).isEqualTo(200);
    }
  }

  @Test
  void anUnknownResourceIsANotFoundWithJson() {
    RawHttp.Reply reply = http.get("/service/nothing");

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.json().path("code").asText()).isEqualTo("NotFound");
  }

  @Test
  void membersCanBeReadByIdentifier() {
    RawHttp.Reply reply = http.get("/system/members/" + cw.apiMemberIdentifier());

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json().path("licenseClass").asText()).isEqualTo("A");
    assertThat(reply.json().path("serviceDefaultBoard").path("name").asText()).isEqualTo("Help Desk");
  }
}
