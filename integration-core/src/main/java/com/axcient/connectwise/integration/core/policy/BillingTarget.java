package com.axcient.connectwise.integration.core.policy;

/**
 * Where a device's storage is billed in ConnectWise: the company, its agreement and the
 * agreement addition whose quantity billing writes. Always set on the device, never by a policy.
 *
 * @param companyId the ConnectWise company's id
 * @param agreementId the company's agreement's id
 * @param additionId the agreement addition's id
 */
public record BillingTarget(long companyId, long agreementId, long additionId) {

  /**
   * Checks that every id is a ConnectWise id.
   *
   * @throws IllegalArgumentException naming the id that is not positive
   */
  public BillingTarget {
    requirePositive(companyId, "companyId", "choose the company to bill");
    requirePositive(agreementId, "agreementId", "choose one of the company's agreements");
    requirePositive(additionId, "additionId", "choose the agreement addition to bill storage to");
  }

  private static void requirePositive(long id, String field, String fix) {
    if (id <= 0) {
      throw new IllegalArgumentException(field + " " + id + " is not a ConnectWise id: " + fix);
    }
  }
}
