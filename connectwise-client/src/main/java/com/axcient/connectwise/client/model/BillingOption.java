package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether time, expenses or products recorded against a ticket, board, agreement or catalog item
 * are billed to the customer.
 *
 * <p>{@link #UNKNOWN} stands for an option this library does not know yet; it is for reading only
 * and must not be sent to ConnectWise.
 */
public enum BillingOption {
  /** Billed to the customer. */
  @JsonProperty("Billable")
  BILLABLE,
  /** Not billed, and not shown on the invoice. */
  @JsonProperty("DoNotBill")
  DO_NOT_BILL,
  /** Shown on the invoice at no charge. */
  @JsonProperty("NoCharge")
  NO_CHARGE,
  /** No default: the option is taken from the work type, agreement or board. */
  @JsonProperty("NoDefault")
  NO_DEFAULT,
  /** An option this library does not know; for reading only. */
  @JsonEnumDefaultValue
  UNKNOWN
}
