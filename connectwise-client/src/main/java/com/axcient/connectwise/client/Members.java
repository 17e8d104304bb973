package com.axcient.connectwise.client;

import com.axcient.connectwise.client.internal.HttpEngine;
import com.axcient.connectwise.client.model.Member;
import java.util.Optional;

/**
 * The members (users) of the ConnectWise site, including API members. Read-only: members are
 * managed in ConnectWise.
 */
public final class Members extends ReadOnlyResource<Member> {

  Members(HttpEngine engine) {
    super(engine, "/system/members", Member.class);
  }

  /**
   * The member with this identifier (the login name, such as {@code BackupAPI}), if there is one.
   * ConnectWise compares identifiers without regard to case.
   */
  public Optional<Member> findByIdentifier(String identifier) {
    if (identifier == null || identifier.isBlank()) {
      throw new IllegalArgumentException("identifier is missing: give the member's login name");
    }
    return list(
            Query.builder()
                .conditions(Conditions.field("identifier").eq(identifier.strip()))
                .pageSize(1)
                .build())
        .findFirst();
  }
}
