package com.axcient.connectwise.samples.examples;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.integration.billing.BillingMapping;
import com.axcient.connectwise.integration.billing.BillingPlan;
import com.axcient.connectwise.integration.billing.BillingResult;
import com.axcient.connectwise.integration.billing.BillingService;
import com.axcient.connectwise.integration.billing.StorageReport;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.state.BillingAuditEntry;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Billing: an appliance's storage report becomes the quantity of an agreement addition. The plan
 * (a dry run) shows the current and the proposed quantity; on the simulator the plan is applied
 * and the audit shows the write.
 *
 * <p>On a site given on the command line (a real one, or a simulator started with {@code
 * connectwise-samples simulator}) it only plans, for the addition named by {@code
 * CW_BILLING_COMPANY_ID}, {@code CW_BILLING_AGREEMENT_ID} and {@code CW_BILLING_ADDITION_ID}: it
 * writes nothing. Run it with {@code java -cp samples/target/connectwise-samples.jar
 * com.axcient.connectwise.samples.examples.BillingExample [site]}; see {@link ExampleSite}.
 */
public final class BillingExample {

  private BillingExample() {}

  /**
   * Runs the example.
   *
   * @param args nothing (a simulator is started), or the ConnectWise site
   */
  public static void main(String[] args) {
    ExampleSite.runOrExit(() -> run(args));
  }

  /** Runs the example; a wrong setting is thrown, for {@link #main} to print in one line. */
  static void run(String[] args) {
    try (ExampleSite site = ExampleSite.from(args);
        JdbcStateStore state = JdbcStateStore.h2InMemory("billing-example")) {
      long companyId = site.number("CW_BILLING_COMPANY_ID", 251, "the id of the company billed");
      long agreementId = site.number("CW_BILLING_AGREEMENT_ID", 10, "the id of the company's agreement");
      long additionId = site.number("CW_BILLING_ADDITION_ID", 500, "the id of the agreement addition billed");
      System.out.println("Billing against " + site);

      PsaSettings settings = PsaSettings.builder()
          .site(site.url())
          .companyId(site.companyId())
          .publicKey(site.publicKey())
          .privateKey(site.privateKey())
          .apiMemberIdentifier(site.apiMember())
          .allowInsecureHttp(site.isLocal())
          .build();
      try (ConnectWiseClient client = settings.clientBuilder(site.clientId()).build()) {
        // docs:start billing-report
        // Bytes per vault for each protected system: replicated data counts once per vault.
        StorageReport report = StorageReport.builder()
            .reportId("appliance-7/2026-05-04")
            .applianceId("appliance-7")
            .protectedSystem("ACME-FS01", Map.of("local", 612_400_000_000L, "cloud-east", 612_400_000_000L))
            .protectedSystem("ACME-SQL01", Map.of("local", 98_765_432_100L))
            .build();
        // docs:end

        // docs:start billing-plan
        BillingService billing = BillingService.builder()
            .client(client)
            .auditLog(state.billingAudit())       // every write is audited in the durable state
            .mappings(List.of(new BillingMapping("appliance-7", companyId, agreementId, additionId)))
            .build();                             // quantity in GB, 2 decimals, rounded half up

        BillingPlan plan = billing.plan(List.of(report));   // the dry run: reads, writes nothing
        System.out.println(plan.describe());
        // docs:end

        if (!site.isSimulator()) {
          System.out.println("Nothing was written: on a site given as the argument this example only plans.");
          return;
        }
        // docs:start billing-apply
        BillingResult result = billing.apply(plan);   // writes only the changed quantities
        System.out.println("Applied: " + result.summary());
        for (BillingAuditEntry entry : state.billingAudit().since(Instant.EPOCH)) {
          System.out.println("Audit: addition " + entry.additionId() + " " + entry.oldQuantity()
              + " -> " + entry.newQuantity() + " (" + entry.outcome() + ", from " + entry.sourceReport() + ")");
        }
        // docs:end
        System.out.println("Applied again: " + billing.apply(billing.plan(List.of(report))).summary());
      }
    }
  }
}
