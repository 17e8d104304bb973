package com.axcient.connectwise.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  @Test
  void readsEveryRelation() {
    String header =
        "<https://h/v4_6_release/apis/3.0/service/tickets?pageSize=2&page=2>; rel=\"next\", "
            + "<https://h/v4_6_release/apis/3.0/service/tickets?pageSize=2&page=5>; rel=\"last\"";

    assertThat(LinkHeader.parse(header))
        .containsEntry("next", "https://h/v4_6_release/apis/3.0/service/tickets?pageSize=2&page=2")
        .containsEntry("last", "https://h/v4_6_release/apis/3.0/service/tickets?pageSize=2&page=5");
  }

  @Test
  void toleratesUnquotedAndUpperCaseRelations() {
    assertThat(LinkHeader.parse("<https://h/a?page=3>;REL=Next")).containsEntry("next", "https://h/a?page=3");
  }

  @Test
  void anAbsentOrEmptyHeaderHasNoRelations() {
    assertThat(LinkHeader.parse(null)).isEmpty();
    assertThat(LinkHeader.parse("")).isEmpty();
  }
}
