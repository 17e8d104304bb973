package com.axcient.connectwise.integration.ticketing;

/** Where a rule finds the ConnectWise company a ticket is for. */
public enum CompanySource {
  /** The service ticket company set on the device ({@link AlertEvent#deviceCompany()}). */
  DEVICE,
  /**
   * The company mapped from the product's customer ({@link AlertEvent#customer()}) in {@link
   * TicketingSettings#customerCompanies()}, created when missing if the settings allow it.
   */
  CUSTOMER_MAPPING
}
