/**
 * Durable state of the integration: the outbox of pending work, the links between product alerts
 * and ConnectWise tickets, the billing audit, applied policy versions, paused sites and
 * checkpoints.
 *
 * <p>{@link com.axcient.connectwise.integration.core.state.StateStore} is the entry point; {@code
 * JdbcStateStore} implements it on an embedded H2
 * file database (one instance) or a shared PostgreSQL database (several instances). Every
 * operation is committed when it returns. Times come from the store's {@link java.time.Clock}
 * or from the caller, never from the database.
 */
package com.axcient.connectwise.integration.core.state;
