package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.model.Agreement;
import com.axcient.connectwise.client.model.AgreementAddition;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.integration.billing.BillingPlan.AdditionQuantity;
import com.axcient.connectwise.integration.billing.BillingPlan.ApplianceUsage;
import com.axcient.connectwise.integration.billing.StorageReport.ProtectedSystem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Checks one billing run and computes its plan; reads ConnectWise, never writes. */
final class RunPlanner {

  /** Significant digits a double keeps exactly; ConnectWise stores the quantity as one. */
  static final int MAX_QUANTITY_DIGITS = 15;

  /** The longest quantity text (old or new) the billing audit of the state store keeps. */
  static final int MAX_AUDIT_QUANTITY_LENGTH = 64;

  /** The longest list of source reports the billing audit of the state store keeps. */
  static final int MAX_SOURCE_REPORT_LENGTH = 1_000_000;

  private static final BigInteger MAX_BYTES = BigInteger.valueOf(Long.MAX_VALUE);

  private final ConnectWiseClient client;
  private final QuantityPolicy policy;
  private final Clock clock;
  private final List<BillingProblem> problems = new ArrayList<>();
  private final Map<Long, Optional<Agreement>> agreements = new HashMap<>();

  RunPlanner(ConnectWiseClient client, QuantityPolicy policy, Clock clock) {
    this.client = client;
    this.policy = policy;
    this.clock = clock;
  }

  BillingPlan plan(List<StorageReport> reports, List<BillingMapping> mappings) {
    Instant now = clock.instant();
    Map<String, BillingMapping> byAppliance = checkMappings(mappings);
    Map<String, StorageReport> byReportedAppliance = checkReports(reports, byAppliance);

    // One entry per addition, in addition id order, with the reports behind it.
    Map<Long, List<StorageReport>> reportsByAddition = new TreeMap<>();
    for (StorageReport report : byReportedAppliance.values()) {
      BillingMapping mapping = byAppliance.get(report.applianceId());
      if (mapping != null) {
        reportsByAddition.computeIfAbsent(mapping.additionId(), id -> new ArrayList<>()).add(report);
      }
    }

    List<AdditionQuantity> additions = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (List<StorageReport> behind : reportsByAddition.values()) {
      BillingMapping mapping = byAppliance.get(behind.get(0).applianceId());
      String subject = appliancesSubject(behind);
      Optional<AgreementAddition> addition = checkInConnectWise(mapping, subject, now);
      if (addition.isEmpty() || !problems.isEmpty()) {
        continue;
      }
      AdditionQuantity planned = quantity(mapping, addition.get(), behind, subject);
      additions.add(planned);
      List<String> unreported =
          mappings.stream()
              .filter(m -> m.additionId() == mapping.additionId())
              .map(BillingMapping::applianceId)
              .filter(appliance -> !byReportedAppliance.containsKey(appliance))
              .distinct()
              .collect(Collectors.toList());
      if (!unreported.isEmpty()) {
        warnings.add(
            "addition " + mapping.additionId() + " is also mapped from "
                + (unreported.size() == 1 ? "appliance " : "appliances ")
                + String.join(", ", unreported)
                + ", which this run has no report for: "
                + (unreported.size() == 1 ? "its" : "their")
                + " storage is not in the proposed"
                + " quantity " + planned.proposedQuantity().toPlainString()
                + "; bill all of an addition's appliances in one run, or give each its own"
                + " addition");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidBillingRunException(problems);
    }
    return new BillingPlan(UUID.randomUUID().toString(), now, policy, additions, warnings);
  }

  private Map<String, BillingMapping> checkMappings(List<BillingMapping> mappings) {
    Map<String, BillingMapping> byAppliance = new LinkedHashMap<>();
    Map<Long, BillingMapping> byAddition = new HashMap<>();
    for (BillingMapping mapping : mappings) {
      BillingMapping earlier = byAppliance.putIfAbsent(mapping.applianceId(), mapping);
      if (earlier != null && !earlier.equals(mapping)) {
        problem(
            "appliance " + mapping.applianceId(),
            "has two billing mappings (addition " + earlier.additionId() + " and addition "
                + mapping.additionId() + "): keep the one it bills to");
      }
      BillingMapping sameAddition = byAddition.putIfAbsent(mapping.additionId(), mapping);
      if (sameAddition != null
          && (sameAddition.agreementId() != mapping.agreementId()
              || sameAddition.companyId() != mapping.companyId())) {
        problem(
            "addition " + mapping.additionId(),
            "is mapped on agreement " + sameAddition.agreementId() + " of company "
                + sameAddition.companyId() + " for appliance " + sameAddition.applianceId()
                + " but on agreement " + mapping.agreementId() + " of company "
                + mapping.companyId() + " for appliance " + mapping.applianceId()
                + ": an addition is on one agreement, correct the mapping that is wrong");
      }
    }
    return byAppliance;
  }

  private Map<String, StorageReport> checkReports(
      List<StorageReport> reports, Map<String, BillingMapping> mappingByAppliance) {
    Map<String, StorageReport> reportByAppliance = new LinkedHashMap<>();
    for (StorageReport report : reports) {
      String subject = "report " + report.reportId() + " (appliance " + report.applianceId() + ")";
      StorageReport earlier = reportByAppliance.putIfAbsent(report.applianceId(), report);
      if (earlier != null) {
        problem(
            subject,
            "is the second report for the appliance in this run (the other is report "
                + earlier.reportId() + "): send one report per appliance, the latest");
      }
      if (!mappingByAppliance.containsKey(report.applianceId())) {
        problem(
            subject,
            "the appliance has no billing mapping: map it to a company, agreement and addition,"
                + " or leave its report out of the run");
      }
      Set<String> names = new HashSet<>();
      for (ProtectedSystem system : report.protectedSystems()) {
        if (!names.add(system.name())) {
          problem(
              subject,
              "protected system " + system.name() + " appears twice: report each protected"
                  + " system once, with all its vaults");
        }
        system.bytesPerVault().forEach((vault, bytes) -> checkBytes(subject, system, vault, bytes));
      }
    }
    return reportByAppliance;
  }

  private void checkBytes(String subject, ProtectedSystem system, String vault, BigInteger bytes) {
    String where = "protected system " + system.name() + ", vault " + vault + ": ";
    if (vault.isBlank()) {
      problem(subject, "protected system " + system.name() + " has a vault without a name: name"
          + " every vault");
    }
    if (bytes.signum() < 0) {
      problem(subject, where + bytes + " bytes is negative: report the bytes used, 0 or more");
    } else if (bytes.compareTo(MAX_BYTES) > 0) {
      problem(
          subject,
          where + bytes + " bytes is more than the largest count accepted (" + MAX_BYTES
              + ", about 9.2 EB): the appliance's counter has probably wrapped around; check its"
              + " storage report");
    }
  }

  /** Checks the mapping against ConnectWise; the addition when it exists. */
  private Optional<AgreementAddition> checkInConnectWise(
      BillingMapping mapping, String subject, Instant now) {
    long agreementId = mapping.agreementId();
    long additionId = mapping.additionId();
    Optional<Agreement> agreement =
        agreements.computeIfAbsent(agreementId, id -> find(() -> client.agreements().get(id)));
    if (agreement.isEmpty()) {
      problem(subject, "agreement " + agreementId + " does not exist in ConnectWise: check"
          + " agreementId in the billing mapping");
      return Optional.empty();
    }
    checkAgreement(mapping, agreement.get(), subject, now);
    Optional<AgreementAddition> addition =
        find(() -> client.agreementAdditions(agreementId).get(additionId));
    if (addition.isEmpty()) {
      problem(subject, "addition " + additionId + " does not exist on agreement " + agreementId
          + ": check additionId and agreementId in the billing mapping");
      return Optional.empty();
    }
    long onAgreement = addition.get().agreementId().orElse(agreementId);
    if (onAgreement != agreementId) {
      problem(subject, "addition " + additionId + " is on agreement " + onAgreement + ", not on"
          + " agreement " + agreementId + ": check agreementId in the billing mapping");
    }
    addition.get().cancelledDate()
        .filter(cancelled -> !cancelled.isAfter(now))
        .ifPresent(cancelled -> problem(subject, "addition " + additionId + " on agreement "
            + agreementId + " was cancelled on " + cancelled + ": map the appliance to an active"
            + " addition, or remove its billing mapping"));
    return addition;
  }

  private void checkAgreement(BillingMapping mapping, Agreement agreement, String subject,
      Instant now) {
    long agreementId = mapping.agreementId();
    Optional<Long> company = agreement.company().map(Reference::id);
    if (company.isPresent() && company.get() != mapping.companyId()) {
      problem(subject, "agreement " + agreementId + " belongs to company " + company.get()
          + ", not to company " + mapping.companyId() + ": check companyId and agreementId in the"
          + " billing mapping");
    }
    boolean cancelled = agreement.cancelledFlag().orElse(false)
        || agreement.agreementStatus().filter(s -> s == Agreement.Status.CANCELLED).isPresent();
    // endDate is a date (sent as midnight UTC) and the agreement bills through it: compare days.
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Optional<LocalDate> endDate = agreement.endDate()
        .filter(end -> !agreement.noEndingDateFlag().orElse(false))
        .map(end -> LocalDate.ofInstant(end, ZoneOffset.UTC));
    boolean lastDay = endDate.filter(today::equals).isPresent();
    if (cancelled) {
      problem(subject, "agreement " + agreementId + " is cancelled: map the appliance to an"
          + " addition on an active agreement, or remove its billing mapping");
    } else if (endDate.filter(end -> end.isBefore(today)).isPresent()) {
      problem(subject, "agreement " + agreementId + " ended on " + endDate.get() + ": extend the"
          + " agreement in ConnectWise or map the appliance to an active agreement");
    } else if (!lastDay
        && agreement.agreementStatus().filter(s -> s == Agreement.Status.EXPIRED).isPresent()) {
      // On its last day the status may already read Expired (set from the midnight end instant).
      problem(subject, "agreement " + agreementId + " has expired: extend the agreement in"
          + " ConnectWise or map the appliance to an active agreement");
    }
  }

  private AdditionQuantity quantity(BillingMapping mapping, AgreementAddition addition,
      List<StorageReport> behind, String subject) {
    List<ApplianceUsage> usages = new ArrayList<>();
    BigInteger bytes = BigInteger.ZERO;
    for (StorageReport report : behind) {
      BigInteger reportBytes = report.totalBytes();
      usages.add(new ApplianceUsage(report.applianceId(), report.reportId(), reportBytes));
      bytes = bytes.add(reportBytes);
    }
    BigDecimal proposed = policy.quantityOf(bytes);
    if (proposed.precision() > MAX_QUANTITY_DIGITS) {
      problem(subject, "the quantity " + proposed.toPlainString() + " for addition "
          + mapping.additionId() + " has more than " + MAX_QUANTITY_DIGITS + " significant digits,"
          + " more than ConnectWise keeps (it stores a double): bill in a larger unit or with"
          + " fewer decimals");
    }
    Optional<String> product = addition.product()
        .flatMap(p -> p.identifier().or(p::name));
    AdditionQuantity planned = new AdditionQuantity(
        mapping.companyId(),
        mapping.agreementId(),
        mapping.additionId(),
        product,
        addition.quantity().orElse(BigDecimal.ZERO),
        proposed,
        bytes,
        usages);
    checkAuditable(planned, subject);
    return planned;
  }

  /** What the billing audit refuses is refused here, before any write it would have recorded. */
  private void checkAuditable(AdditionQuantity planned, String subject) {
    BigDecimal current = planned.currentQuantity();
    if (current.toPlainString().length() > MAX_AUDIT_QUANTITY_LENGTH) {
      problem(subject, "the current quantity " + current + " of addition " + planned.additionId()
          + " is longer than the billing audit keeps (" + MAX_AUDIT_QUANTITY_LENGTH + " characters"
          + " written out): correct the quantity in ConnectWise by hand");
    }
    int sourceLength = planned.sourceReport().length();
    if (sourceLength > MAX_SOURCE_REPORT_LENGTH) {
      problem(subject, "the appliance and report ids behind addition " + planned.additionId()
          + " take " + sourceLength + " characters, more than the " + MAX_SOURCE_REPORT_LENGTH
          + " the billing audit keeps: use shorter ids, or give the appliances more than one"
          + " addition");
    }
  }

  private static String appliancesSubject(List<StorageReport> behind) {
    List<String> ids = behind.stream().map(StorageReport::applianceId).collect(Collectors.toList());
    return (ids.size() == 1 ? "appliance " : "appliances ") + String.join(", ", ids);
  }

  private static <T> Optional<T> find(Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private void problem(String subject, String message) {
    problems.add(new BillingProblem(subject, message));
  }
}
