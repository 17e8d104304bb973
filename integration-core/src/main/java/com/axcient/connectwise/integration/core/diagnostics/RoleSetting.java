package com.axcient.connectwise.integration.core.diagnostics;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.model.Agreement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The records the integration reads, each with the security-role function (module › function, as
 * ConnectWise's security role screen shows it) that grants the read, and a harmless probe: a count,
 * which reads nothing but a number.
 */
enum RoleSetting {
  SERVICE_TICKETS(
      "service tickets",
      "Service Desk › Service Tickets",
      "Add Level and Edit Level set to All, to open, update and close tickets",
      client -> OptionalLong.of(client.tickets().count())),
  SERVICE_BOARDS(
      "service boards",
      "System › Table Setup",
      null,
      client -> OptionalLong.of(client.boards().count())),
  COMPANIES(
      "companies",
      "Companies › Company Maintenance",
      "Add Level set to All if the product creates missing companies",
      client -> OptionalLong.of(client.companies().count())),
  AGREEMENTS(
      "agreements",
      "Finance › Agreements",
      null,
      client -> OptionalLong.of(client.agreements().count())),
  AGREEMENT_ADDITIONS(
      "agreement additions",
      "Finance › Agreements",
      "Edit Level set to All, to write the billed quantities",
      RoleSetting::countAdditionsOfFirstAgreement),
  COMPANY_STATUSES(
      "company statuses",
      "System › Table Setup",
      null,
      client -> OptionalLong.of(client.companyStatuses().count())),
  MEMBERS(
      "members",
      "System › Member Maintenance",
      null,
      client -> OptionalLong.of(client.members().count()));

  private final String records;
  private final String function;
  /** The write levels the integration also needs and why; null when it only reads. */
  private final String writeLevels;
  private final Function<ConnectWiseClient, OptionalLong> probe;

  RoleSetting(
      String records,
      String function,
      String writeLevels,
      Function<ConnectWiseClient, OptionalLong> probe) {
    this.records = records;
    this.function = function;
    this.writeLevels = writeLevels;
    this.probe = probe;
  }

  /** What is read, such as {@code service tickets}. */
  String records() {
    return records;
  }

  /** The role function, such as {@code Service Desk › Service Tickets}. */
  String function() {
    return function;
  }

  /**
   * Reads a count of these records; empty when there is nothing to read them from (additions
   * without any agreement).
   */
  OptionalLong probe(ConnectWiseClient client) {
    return probe.apply(client);
  }

  /** The missing right, such as {@code Service Desk › Service Tickets › Inquire Level}. */
  String missingRead() {
    return function + " › Inquire Level";
  }

  /** What a successful read shows, with what it cannot show about writing. */
  String readAllowed() {
    return "The API member can read "
        + records
        + " ("
        + function
        + ")."
        + writeNote().map(note -> " " + note).orElse("");
  }

  /** What a refused read shows. */
  String readRefused() {
    return "The API member's security role lacks " + missingRead() + ".";
  }

  /** The fix for a refused read, naming the role when it is known. */
  String readFix(Optional<String> roleName) {
    return "In ConnectWise open System › Security Roles, choose "
        + roleName.map(name -> "the role " + name).orElse("the API member's security role")
        + ", and set "
        + missingRead()
        + " to All"
        + "."
        + (writeLevels == null ? "" : " The integration also needs " + writeLevels + ".");
  }

  /**
   * What a successful read does not prove: writes cannot be tried without writing. Empty when the
   * integration only reads these records.
   */
  Optional<String> writeNote() {
    if (writeLevels == null) {
      return Optional.empty();
    }
    return Optional.of(
        "Writing cannot be checked without changing data: make sure "
            + function
            + " also has "
            + writeLevels
            + ".");
  }

  private static OptionalLong countAdditionsOfFirstAgreement(ConnectWiseClient client) {
    Optional<Agreement> agreement =
        client.agreements().list(Query.builder().fields("id").pageSize(1).build()).findFirst();
    if (agreement.isEmpty() || agreement.get().id().isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(client.agreementAdditions(agreement.get().id().getAsLong()).count());
  }
}
