package com.axcient.connectwise.integration.billing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dry run of a billing run: for every agreement addition the run's reports bill to, its
 * current quantity in ConnectWise, the quantity the reports give, and the appliances behind it.
 * Making a plan writes nothing; {@link BillingService#apply(BillingPlan)} writes the changed
 * quantities.
 *
 * @param runId the run's id; the billing audit names it for every write made from this plan
 * @param plannedAt when the plan was made (current quantities were read then)
 * @param policy how the quantities were computed
 * @param additions one entry per agreement addition, by addition id
 * @param warnings what the run should know but does not stop it, such as an addition that is also
 *     mapped from appliances the run has no report for
 */
public record BillingPlan(
    String runId,
    Instant plannedAt,
    QuantityPolicy policy,
    List<AdditionQuantity> additions,
    List<String> warnings) {

  private static final MathContext AS_DOUBLE =
      new MathContext(RunPlanner.MAX_QUANTITY_DIGITS, RoundingMode.HALF_EVEN);

  /** Checks that every part is present and copies the lists. */
  public BillingPlan {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plannedAt, "plannedAt");
    Objects.requireNonNull(policy, "policy");
    additions = List.copyOf(additions);
    warnings = List.copyOf(warnings);
  }

  /** The additions whose quantity would change. */
  public List<AdditionQuantity> changes() {
    return additions.stream().filter(AdditionQuantity::changed).collect(Collectors.toList());
  }

  /**
   * The plan as text for a person, one addition per line followed by the appliances behind it:
   *
   * <pre>
   * Billing plan 7d0c... at 2026-05-01T02:00:00Z (GB, 2 decimals, HALF_UP): 1 to change, 1 unchanged
   *   addition 500 (agreement 10, company 251, BACKUP-CLOUD-GB): 512.5 -&gt; 1500.00  change
   *     appliance-1  report r-1  1000000000000 bytes
   * </pre>
   */
  public String describe() {
    long changed = additions.stream().filter(AdditionQuantity::changed).count();
    StringBuilder text = new StringBuilder();
    text.append("Billing plan ").append(runId).append(" at ").append(plannedAt)
        .append(" (").append(policy).append("): ")
        .append(changed).append(" to change, ").append(additions.size() - changed)
        .append(" unchanged\n");
    for (AdditionQuantity addition : additions) {
      text.append("  addition ").append(addition.additionId())
          .append(" (agreement ").append(addition.agreementId())
          .append(", company ").append(addition.companyId());
      addition.product().ifPresent(product -> text.append(", ").append(product));
      text.append("): ").append(addition.currentQuantity().toPlainString())
          .append(" -> ").append(addition.proposedQuantity().toPlainString())
          .append(addition.changed() ? "  change" : "  unchanged").append('\n');
      for (ApplianceUsage usage : addition.appliances()) {
        text.append("    ").append(usage.applianceId())
            .append("  report ").append(usage.reportId())
            .append("  ").append(usage.bytes()).append(" bytes\n");
      }
    }
    for (String warning : warnings) {
      text.append("  warning: ").append(warning).append('\n');
    }
    return text.toString();
  }

  /**
   * Whether ConnectWise holding {@code stored} holds {@code quantity}: equal at the significant
   * digits a double keeps, which every proposed quantity fits in.
   */
  static boolean stores(BigDecimal stored, BigDecimal quantity) {
    return stored.round(AS_DOUBLE).compareTo(quantity) == 0;
  }

  /**
   * One agreement addition in a plan.
   *
   * @param companyId the company billed
   * @param agreementId the agreement the addition is on
   * @param additionId the addition
   * @param product the addition's product (catalog item) as ConnectWise names it, when it does
   * @param currentQuantity the quantity in ConnectWise when the plan was made (0 when it has none)
   * @param proposedQuantity the quantity the reports give, at the policy's scale
   * @param bytes the bytes of every appliance behind the addition together
   * @param appliances the appliances behind the addition, with their reports
   */
  public record AdditionQuantity(
      long companyId,
      long agreementId,
      long additionId,
      Optional<String> product,
      BigDecimal currentQuantity,
      BigDecimal proposedQuantity,
      BigInteger bytes,
      List<ApplianceUsage> appliances) {

    /** Checks that every part is present and copies the list. */
    public AdditionQuantity {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(currentQuantity, "currentQuantity");
      Objects.requireNonNull(proposedQuantity, "proposedQuantity");
      Objects.requireNonNull(bytes, "bytes");
      appliances = List.copyOf(appliances);
    }

    /**
     * Whether the quantity would change. ConnectWise stores the quantity as a double, so the
     * current quantity is compared at the 15 significant digits a double keeps, never at the
     * policy's scale: a stored 1.2300000000000002 is the 1.23 written before, not a change, but a
     * stored 1000.4 is not the 1000 proposed at scale 0, and is corrected.
     */
    public boolean changed() {
      return !stores(currentQuantity, proposedQuantity);
    }

    /**
     * The reports the quantity comes from, as the billing audit records them: {@code
     * appliance:report} pairs separated by {@code ", "}.
     */
    public String sourceReport() {
      return appliances.stream()
          .map(usage -> usage.applianceId() + ":" + usage.reportId())
          .collect(Collectors.joining(", "));
    }
  }

  /**
   * One appliance's part of an addition's quantity.
   *
   * @param applianceId the appliance
   * @param reportId the report the bytes come from
   * @param bytes the report's total bytes (every vault counted)
   */
  public record ApplianceUsage(String applianceId, String reportId, BigInteger bytes) {

    /** Checks that every part is present. */
    public ApplianceUsage {
      Objects.requireNonNull(applianceId, "applianceId");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(bytes, "bytes");
    }
  }
}
