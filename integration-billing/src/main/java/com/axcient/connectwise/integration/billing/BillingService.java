package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.PatchOperation;
import com.axcient.connectwise.client.model.AgreementAddition;
import com.axcient.connectwise.integration.billing.BillingPlan.AdditionQuantity;
import com.axcient.connectwise.integration.billing.BillingResult.FailedWrite;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.BillingAuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns storage reports into agreement addition quantities in ConnectWise: {@link #plan} checks a
 * run and shows what would change (the dry run), {@link #apply(BillingPlan)} writes it.
 *
 * <pre>{@code
 * BillingService billing = BillingService.builder()
 *     .client(client)
 *     .auditLog(stateStore.billingAudit())
 *     .mappings(List.of(new BillingMapping("appliance-7", 251, 10, 500)))
 *     .build();
 *
 * BillingPlan plan = billing.plan(reports);      // reads ConnectWise, writes nothing
 * System.out.println(plan.describe());
 * BillingResult result = billing.apply(plan);    // writes the changed quantities, audits each
 * }</pre>
 *
 * <p>The whole run is checked before the first write; bad input throws
 * {@link InvalidBillingRunException} listing every problem. A quantity is written as an absolute
 * PATCH {@code replace quantity}, only where ConnectWise holds a different value (compared at the
 * precision of the double it stores), so repeating a run is harmless. A write that fails does not stop the others; it is reported in the
 * {@link BillingResult} and audited like every write.
 *
 * <p>Instances are safe to share between threads; two applies never interleave.
 */
public final class BillingService {

  private static final Logger LOG = LoggerFactory.getLogger(BillingService.class);
  private static final int MAX_REASON_LENGTH = 500;
  /** The longest site name the billing audit of the state store keeps. */
  static final int MAX_SITE_LENGTH = 255;

  private final ConnectWiseClient client;
  private final BillingAuditLog auditLog;
  private final Supplier<? extends Collection<BillingMapping>> mappings;
  private final QuantityPolicy policy;
  private final Clock clock;
  private final String site;
  private final ReentrantLock applying = new ReentrantLock();

  private BillingService(Builder builder, String site) {
    this.client = builder.client;
    this.auditLog = builder.auditLog;
    this.mappings = builder.mappings;
    this.policy = builder.policy;
    this.clock = builder.clock;
    this.site = site;
  }

  /** A builder; the client, the audit log and the mappings are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** How bytes become quantities. */
  public QuantityPolicy policy() {
    return policy;
  }

  /** The ConnectWise site as the billing audit names it. */
  public String site() {
    return site;
  }

  /**
   * The dry run: checks the reports and their mappings against ConnectWise and returns, for every
   * addition they bill to, the current and the proposed quantity. Writes nothing.
   *
   * @param reports the storage reports of this run, at most one per appliance
   * @throws InvalidBillingRunException listing every problem with the reports or the mappings
   * @throws ConnectWiseException if ConnectWise cannot be read (credentials, permissions, outage)
   */
  public BillingPlan plan(Collection<StorageReport> reports) {
    Objects.requireNonNull(reports, "reports");
    Collection<BillingMapping> current =
        Objects.requireNonNull(mappings.get(), "the mapping source returned null");
    return new RunPlanner(client, policy, clock).plan(List.copyOf(reports), List.copyOf(current));
  }

  /**
   * Plans a run and applies it: {@code apply(plan(reports))}.
   *
   * @throws InvalidBillingRunException listing every problem; nothing was written
   * @throws ConnectWiseException if ConnectWise cannot be read while planning
   * @throws BillingAuditException if the audit log fails to record a write
   */
  public BillingResult apply(Collection<StorageReport> reports) {
    return apply(plan(reports));
  }

  /**
   * Writes the plan's changed quantities, one absolute PATCH per addition, and audits each write,
   * successful or not. Additions whose quantity is already right are not sent. A failed write is
   * reported in the result and does not stop the others; running again retries it.
   *
   * <p>Apply a fresh plan: the plan's current quantities are the audit's old quantities.
   *
   * @throws BillingAuditException if the audit log fails to record a write; the run stops there,
   *     because no further write may go unaudited, and the exception carries what was written
   */
  public BillingResult apply(BillingPlan plan) {
    Objects.requireNonNull(plan, "plan");
    List<AdditionQuantity> written = new ArrayList<>();
    List<AdditionQuantity> unchanged = new ArrayList<>();
    List<FailedWrite> failed = new ArrayList<>();
    applying.lock();
    try {
      for (AdditionQuantity addition : plan.additions()) {
        if (!addition.changed()) {
          unchanged.add(addition);
          continue;
        }
        Optional<String> failure = write(addition);
        if (failure.isPresent()) {
          LOG.warn(
              "Billing run {}: quantity of addition {} on agreement {} not written: {}",
              plan.runId(), addition.additionId(), addition.agreementId(), failure.get());
          failed.add(new FailedWrite(addition, failure.get()));
        } else {
          written.add(addition);
        }
        try {
          audit(plan, addition, failure);
        } catch (RuntimeException e) {
          // Stop: no further write may go unaudited. This one was sent, so the caller is told.
          throw new BillingAuditException(
              new BillingResult(plan, written, unchanged, failed), addition, e);
        }
      }
    } finally {
      applying.unlock();
    }
    LOG.info(
        "Billing run {}: {} additions written, {} unchanged, {} failed",
        plan.runId(), written.size(), unchanged.size(), failed.size());
    return new BillingResult(plan, written, unchanged, failed);
  }

  /** Writes one quantity; the failure's redacted reason, or empty when ConnectWise stored it. */
  private Optional<String> write(AdditionQuantity addition) {
    BigDecimal quantity = addition.proposedQuantity();
    try {
      AgreementAddition stored =
          client
              .agreementAdditions(addition.agreementId())
              .patch(addition.additionId(), PatchOperation.replace("quantity", quantity));
      // Compared like the plan compares: an answer still holding the old value is not success.
      Optional<BigDecimal> now = stored.quantity();
      if (now.isPresent() && !BillingPlan.stores(now.get(), quantity)) {
        return Optional.of(
            "ConnectWise answered with quantity " + now.get().toPlainString() + " instead of "
                + quantity.toPlainString());
      }
      return Optional.empty();
    } catch (ConnectWiseException e) {
      // The client's messages carry no credentials or query strings; cut them for the audit.
      return Optional.of(oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
    } catch (RuntimeException e) {
      // Not a ConnectWise answer: its message is unknown text, so only the kind is kept.
      return Optional.of("Unexpected " + e.getClass().getName() + " while writing the quantity");
    }
  }

  private void audit(BillingPlan plan, AdditionQuantity addition, Optional<String> failure) {
    auditLog.record(
        new BillingAuditEntry(
            clock.instant(),
            site,
            addition.agreementId(),
            addition.additionId(),
            addition.currentQuantity(),
            addition.proposedQuantity(),
            plan.runId(),
            addition.sourceReport(),
            failure.isPresent()
                ? BillingAuditEntry.Outcome.FAILED
                : BillingAuditEntry.Outcome.WRITTEN,
            failure));
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("[\\r\\n]+", " ");
    return flat.length() <= MAX_REASON_LENGTH ? flat : flat.substring(0, MAX_REASON_LENGTH) + "...";
  }

  /** Builds a {@link BillingService}. */
  public static final class Builder {
    private ConnectWiseClient client;
    private BillingAuditLog auditLog;
    private Supplier<? extends Collection<BillingMapping>> mappings;
    private QuantityPolicy policy = QuantityPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private String site;

    private Builder() {}

    /** The ConnectWise client the additions are read and written with. Required. */
    public Builder client(ConnectWiseClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Where every write is recorded, such as the state store's billing audit. Required. */
    public Builder auditLog(BillingAuditLog auditLog) {
      this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
      return this;
    }

    /** The appliances' billing mappings, fixed. Required (or {@link #mappingSource}). */
    public Builder mappings(Collection<BillingMapping> mappings) {
      List<BillingMapping> fixed = List.copyOf(mappings);
      this.mappings = () -> fixed;
      return this;
    }

    /**
     * Where the billing mappings come from, read at the start of every run, for example the
     * devices' effective settings. Required (or {@link #mappings}).
     */
    public Builder mappingSource(Supplier<? extends Collection<BillingMapping>> mappingSource) {
      this.mappings = Objects.requireNonNull(mappingSource, "mappingSource");
      return this;
    }

    /** How bytes become quantities; {@link QuantityPolicy#defaults()} when not set. */
    public Builder policy(QuantityPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock for plan times, audit times and the ended-addition check; system UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the billing audit names the ConnectWise site; by default {@code companyId@siteUrl} of
     * the client. Use the same name as the rest of the product's state.
     *
     * @param site at most 255 characters, the longest the billing audit keeps
     */
    public Builder site(String site) {
      if (site == null || site.isBlank()) {
        throw new IllegalArgumentException("site is blank: leave it unset or name the site");
      }
      String stripped = site.strip();
      if (stripped.length() > MAX_SITE_LENGTH) {
        throw new IllegalArgumentException(
            "site is " + stripped.length() + " characters, more than the " + MAX_SITE_LENGTH
                + " the billing audit keeps: use a shorter name for the site");
      }
      this.site = stripped;
      return this;
    }

    /**
     * The service.
     *
     * @throws IllegalStateException naming the first required part that is missing, or when the
     *     default site name ({@code companyId@siteUrl}) is too long for the billing audit
     */
    public BillingService build() {
      if (client == null) {
        throw new IllegalStateException("client is required: pass the ConnectWise client");
      }
      if (auditLog == null) {
        throw new IllegalStateException(
            "auditLog is required: pass the state store's billing audit, every write is recorded");
      }
      if (mappings == null) {
        throw new IllegalStateException(
            "mappings are required: pass the appliances' billing mappings or a mappingSource");
      }
      String named = site != null ? site : client.companyId() + "@" + client.siteUrl();
      // Checked now: the audit refuses it only after the write it records was sent.
      if (named.length() > MAX_SITE_LENGTH) {
        throw new IllegalStateException(
            "the site name " + client.companyId() + "@... is " + named.length()
                + " characters, more than the " + MAX_SITE_LENGTH
                + " the billing audit keeps: name the site with site(...)");
      }
      return new BillingService(this, named);
    }
  }
}
