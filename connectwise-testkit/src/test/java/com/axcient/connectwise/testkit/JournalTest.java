package com.axcient.connectwise.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JournalTest {

  @Test
  void recordsMethodPathDecodedQueryBodyAndStatusWithAuthorizationRedacted() {
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
      RawHttp http = new RawHttp(cw);
      String conditions = "externalXRef = \"a \\\"b\\\" %\" and id in (1, 2)";

      http.get("/service/tickets?pageSize=2&conditions=" + RawHttp.encode(conditions));
      http.post("/service/tickets", "{\"summary\":\"s\",\"company\":{\"id\":251}}");

      RecordedCall get = cw.journal().calls("GET", "/service/tickets").get(0);
      RecordedCall post = cw.journal().last();
      assertThat(get.queryParameter("conditions")).hasValue(conditions);
      assertThat(get.queryParameter("pageSize")).hasValue("2");
      assertThat(get.path()).isEqualTo("/v4_6_release/apis/3.0/service/tickets");
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.header("Authorization")).hasValue("[redacted]");
      assertThat(get.header("CLIENTID")).hasValue(cw.clientId());
      assertThat(get.toString()).doesNotContain(cw.privateKey());
      assertThat(post.method()).isEqualTo("POST");
      assertThat(post.body()).contains("\"summary\":\"s\"");
      assertThat(post.status()).isEqualTo(201);
      assertThat(post.fault()).isEmpty();
      assertThat(cw.journal().count("POST", "/service/tickets")).isEqualTo(1);
    }
  }

  @Test
  void keepsOnlyTheMostRecentCallsUpToItsCapacity() {
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().journalCapacity(3).build().start()) {
      RawHttp http = new RawHttp(cw);
      for (int i = 0; i < 5; i++) {
        http.get("/service/priorities/" + (i + 1));
      }

      assertThat(cw.journal().size()).isEqualTo(3);
      assertThat(cw.journal().calls().get(0).apiPath()).isEqualTo("/service/priorities/3");
      cw.journal().clear();
      assertThatThrownBy(() -> cw.journal().last()).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void recordsRequestsOutsideTheApiByTheirFullPath() {
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
      new RawHttp(cw).sendTo("GET", java.net.URI.create(cw.baseUrl() + "/login/companyinfo/training"), null,
          java.time.Duration.ofSeconds(5));

      assertThat(cw.journal().last().apiPath()).isEqualTo("/login/companyinfo/training");
      assertThat(cw.journal().last().time()).isNotNull();
    }
  }
}
