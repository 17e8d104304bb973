package com.axcient.connectwise.integration.billing;

/**
 * Where an appliance's storage is billed: a company, one of its agreements, and an addition on that
 * agreement whose quantity billing sets.
 *
 * <p>Several appliances may map to one addition; their quantities add up, provided one billing run
 * sees all their reports. An appliance that bills on its own needs its own addition.
 * {@link BillingService#plan} checks the mapping against ConnectWise before it is used.
 *
 * @param applianceId the appliance, as its {@link StorageReport}s name it
 * @param companyId the ConnectWise company billed
 * @param agreementId the company's agreement
 * @param additionId the agreement addition whose quantity is the appliance's storage
 */
public record BillingMapping(String applianceId, long companyId, long agreementId, long additionId) {

  /** Checks that the appliance is named and that every id is a ConnectWise id. */
  public BillingMapping {
    if (applianceId == null || applianceId.isBlank()) {
      throw new IllegalArgumentException(
          "applianceId is missing: set it to the id the appliance's storage reports carry");
    }
    applianceId = applianceId.strip();
    requireId(companyId, "companyId", "the company's id (Companies › the company › its URL)");
    requireId(agreementId, "agreementId", "the agreement's id (Finance › Agreements)");
    requireId(additionId, "additionId", "the addition's id (the agreement's Additions tab)");
  }

  private static void requireId(long id, String field, String where) {
    if (id <= 0) {
      throw new IllegalArgumentException(
          field + " must be a ConnectWise id (1 or more), was " + id + ": set it to " + where);
    }
  }
}
