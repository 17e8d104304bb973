/**
 * Billing: the storage an appliance uses becomes the quantity of a ConnectWise agreement addition.
 *
 * <p>An appliance sends a {@link com.axcient.connectwise.integration.billing.StorageReport}; a
 * {@link com.axcient.connectwise.integration.billing.BillingMapping} names the company, agreement
 * and addition it bills to; a {@link com.axcient.connectwise.integration.billing.QuantityPolicy}
 * turns bytes into a quantity. {@link com.axcient.connectwise.integration.billing.BillingService}
 * validates a run against ConnectWise, returns a
 * {@link com.axcient.connectwise.integration.billing.BillingPlan} (the dry run) and applies it;
 * {@link com.axcient.connectwise.integration.billing.BillingSchedule} runs it every day.
 */
package com.axcient.connectwise.integration.billing;
