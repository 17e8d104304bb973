/**
 * The integration's runtime: one lifecycle object that runs the scheduled jobs of the modules
 * (outbox worker, ConnectWise polling, billing runs, policy sync) and lets an operator run any of
 * them once by hand. See {@link com.axcient.connectwise.integration.core.runtime.IntegrationRuntime}.
 */
package com.axcient.connectwise.integration.core.runtime;
