package com.axcient.connectwise.integration.billing;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.util.Map;

/** The seeded simulator's billing records, and a client for it. */
final class Simulated {

  static final long ACME = 251;
  static final long CONTOSO = 252;
  static final long NORTHWIND = 253;

  /** Acme Dental - Backup: additions 500 (cloud GB, 512.5), 501 (appliance, 1), 502 (cancelled). */
  static final long ACME_AGREEMENT = 10;
  /** Contoso Legal - Managed Services: addition 503 (cloud GB, 2048). */
  static final long CONTOSO_AGREEMENT = 11;
  /** Northwind - Backup (expired): addition 504. */
  static final long NORTHWIND_AGREEMENT = 12;

  static final long ACME_CLOUD_GB = 500;
  static final long ACME_APPLIANCE = 501;
  static final long ACME_LEGACY_CANCELLED = 502;
  static final long CONTOSO_CLOUD_GB = 503;
  static final long NORTHWIND_CLOUD_GB = 504;

  private Simulated() {}

  /** A client for the simulator whose retries do not sleep. */
  static ConnectWiseClient client(ConnectWiseSimulator cw) {
    return ConnectWiseClient.builder()
        .site(cw.baseUrl())
        .allowInsecureHttp(true)
        .companyId(cw.companyId())
        .publicKey(cw.publicKey())
        .privateKey(Secret.of(cw.privateKey()))
        .clientId(cw.clientId())
        .retryPolicy(RetryPolicy.builder().sleeper(duration -> {}).build())
        .build();
  }

  /** A report with one protected system on one vault. */
  static StorageReport report(String reportId, String applianceId, long bytes) {
    return StorageReport.builder()
        .reportId(reportId)
        .applianceId(applianceId)
        .protectedSystem("FS01", Map.of("local", bytes))
        .build();
  }

  /** The addition's quantity as the simulator stores it. */
  static double quantity(ConnectWiseSimulator cw, long agreementId, long additionId) {
    return cw.data()
        .get("/finance/agreements/" + agreementId + "/additions/" + additionId)
        .orElseThrow()
        .path("quantity")
        .asDouble();
  }

  /** How many quantity writes (PATCHes of any addition) the simulator received. */
  static long additionWrites(ConnectWiseSimulator cw) {
    return cw.journal().calls().stream()
        .filter(call -> !call.method().equals("GET"))
        .filter(call -> call.apiPath().contains("/additions"))
        .count();
  }
}
