package com.axcient.connectwise.integration.ticketing.internal;

import com.axcient.connectwise.client.Conditions;
import com.axcient.connectwise.client.ConflictException;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.ValidationException;
import com.axcient.connectwise.client.model.Company;
import com.axcient.connectwise.client.model.CompanyStatus;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.integration.ticketing.AlertEvent;
import com.axcient.connectwise.integration.ticketing.CompanySource;
import com.axcient.connectwise.integration.ticketing.TicketingSettings;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Finds (and, when allowed, creates) the ConnectWise company of an alert. */
final class Companies {

  /** The company status new companies get, from the vendor's setup guide. */
  static final String IMPORTED = "Imported";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,25}");

  private final Context cx;
  private final Map<String, Long> ids = new ConcurrentHashMap<>();

  Companies(Context cx) {
    this.cx = cx;
  }

  /**
   * The company ID for an alert.
   *
   * @throws Dead when no company can be found and none may be created
   */
  long resolve(AlertEvent e, ResolvedRule rule, TicketingSettings settings) {
    String identifier;
    String name;
    boolean mayCreate;
    if (rule.rule().companySource() == CompanySource.DEVICE) {
      identifier =
          e.deviceCompany()
              .orElseThrow(
                  () ->
                      new Dead(
                          "the device has no service ticket company: set it on the device, or"
                              + " use the customer mapping in the rule"));
      name = identifier;
      mayCreate = false;
    } else {
      String customer =
          e.customer()
              .orElseThrow(
                  () ->
                      new Dead(
                          "the alert names no customer: the rule maps customers to companies"));
      identifier =
          Optional.ofNullable(settings.customerCompanies().get(customer))
              .orElseThrow(
                  () ->
                      new Dead(
                          "no ConnectWise company is mapped for the alert's customer: add the"
                              + " customer to the customer mapping"));
      name = customer;
      mayCreate = settings.createMissingCompanies();
    }
    if (!IDENTIFIER.matcher(identifier).matches()) {
      throw new Dead(
          "the company identifier is not 1 to 25 letters, digits, '_', '.' or '-': correct it");
    }
    Long cached = ids.get(identifier.toLowerCase(java.util.Locale.ROOT));
    if (cached != null) {
      return cached;
    }
    OptionalLong found = find(identifier);
    if (found.isEmpty()) {
      if (!mayCreate) {
        throw new Dead(
            "ConnectWise has no company with the identifier "
                + identifier
                + ": create it, correct the mapping, or allow missing companies to be created");
      }
      found = OptionalLong.of(create(identifier, name));
    }
    ids.put(identifier.toLowerCase(java.util.Locale.ROOT), found.getAsLong());
    return found.getAsLong();
  }

  private OptionalLong find(String identifier) {
    return cx.call(
        () ->
            cx.client()
                .companies()
                .list(
                    Query.builder()
                        .conditions(Conditions.field("identifier").eq(identifier))
                        .pageSize(2)
                        .build())
                .limit(1)
                .mapToLong(c -> c.id().orElse(-1))
                .filter(id -> id > 0)
                .findFirst());
  }

  private long create(String identifier, String name) {
    long statusId = importedStatus();
    Company company =
        Company.builder()
            .identifier(identifier)
            .name(name.length() > 50 ? name.substring(0, 50) : name)
            .status(Reference.of(statusId))
            // ConnectWise wants at least one address field; the user completes the record.
            .addressLine1("Unknown")
            .build();
    try {
      long id = cx.call(() -> cx.client().companies().create(company)).id().orElse(-1);
      cx.log().info("Created ConnectWise company {} with the status {}", id, IMPORTED);
      return id;
    } catch (ValidationException | ConflictException e) {
      // ObjectExists: another instance (or a person) created it meanwhile; use theirs.
      boolean exists =
          e.errorCode().filter("ObjectExists"::equalsIgnoreCase).isPresent()
              || e.fieldErrors().stream()
                  .anyMatch(f -> f.code().filter("ObjectExists"::equalsIgnoreCase).isPresent());
      if (!exists) {
        throw e;
      }
      return find(identifier).orElseThrow(() -> e);
    }
  }

  /**
   * An active status named Imported, preferring one that allows saving: the setup check accepts a
   * site where such a status exists next to unusable ones, so the choice must find it.
   */
  private long importedStatus() {
    return cx.call(
            () ->
                cx.client()
                    .companyStatuses()
                    .list(Query.where(Conditions.field("name").eq(IMPORTED)))
                    .filter(s -> !s.inactiveFlag().orElse(false) && s.id().isPresent())
                    .min(
                        Comparator.comparing(
                            (CompanyStatus s) -> s.disallowSavingFlag().orElse(false)))
                    .map(s -> OptionalLong.of(s.id().getAsLong()))
                    .orElse(OptionalLong.empty()))
        .orElseThrow(
            () ->
                new Dead(
                    "ConnectWise has no active company status named Imported: add it under"
                        + " Setup Tables > Company Status"));
  }
}
