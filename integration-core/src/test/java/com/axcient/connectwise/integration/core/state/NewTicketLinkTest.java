package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Correlation keys: searchable without escaping and short enough for {@code externalXRef}. */
class NewTicketLinkTest {

  private static final String UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

  @Test
  void keepsASafeAlertIdReadable() {
    assertThat(NewTicketLink.correlationKey("inst-1", "backup_failed-42", 3))
        .isEqualTo("cwsync:inst-1:backup_failed-42:3");
  }

  @Test
  void hashesAnAlertIdThatWouldNeedEscapingOrIsLong() {
    String quoted = NewTicketLink.correlationKey(UUID, "alert \"7\" or 1=1", 1);
    String long1 = NewTicketLink.correlationKey(UUID, "a".repeat(500), Integer.MAX_VALUE);

    assertThat(quoted).matches("cwsync:" + UUID + ":h[0-9a-f]{24}:1");
    assertThat(long1).matches("[A-Za-z0-9:_-]+").hasSizeLessThanOrEqualTo(100);
    assertThat(NewTicketLink.correlationKey(UUID, "alert \"7\" or 1=1", 1)).isEqualTo(quoted);
    assertThat(NewTicketLink.correlationKey(UUID, "alert \"8\" or 1=1", 1)).isNotEqualTo(quoted);
  }

  @Test
  void rejectsAnInstallIdOrKeyOutsideTheSafeAlphabet() {
    assertThatThrownBy(() -> NewTicketLink.correlationKey("my install", "a", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("installId");
    assertThatThrownBy(() -> new NewTicketLink("acme", "a", 1, "key with space", OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("correlationKey");
    assertThatThrownBy(() -> NewTicketLink.of("inst", "acme", "a", 0))
        .hasMessageContaining("incident must be 1 or more");
  }
}
