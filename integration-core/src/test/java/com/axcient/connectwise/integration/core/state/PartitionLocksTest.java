package com.axcient.connectwise.integration.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The partition lock keys, which every instance sharing a database must compute alike. */
class PartitionLocksTest {

  @Test
  void aKeyIsTheSameInEveryReleaseAndSeparatesSiteFromPartition() {
    // Pinned: instances of different releases sharing PostgreSQL must lock the same key.
    assertThat(PartitionLocks.key("acme", "alert-1")).isEqualTo(-8777887944503290625L);
    assertThat(PartitionLocks.key("acme", "b")).isNotEqualTo(PartitionLocks.key("acmeb", ""));
  }

  @Test
  void aBatchLocksEachPartitionOnceInAscendingOrder() {
    long[] keys =
        PartitionLocks.keys(
            List.of(
                NewOutboxItem.of("acme", "a", "raised", "{}"),
                NewOutboxItem.of("acme", "b", "raised", "{}"),
                NewOutboxItem.of("acme", "a", "cleared", "{}")));

    assertThat(keys)
        .containsExactlyInAnyOrder(PartitionLocks.key("acme", "a"), PartitionLocks.key("acme", "b"))
        .isSorted();
  }
}
