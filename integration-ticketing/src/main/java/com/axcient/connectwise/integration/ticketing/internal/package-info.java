/**
 * The ticketing engine's working parts: the outbox worker, the poller, rule resolution, company
 * lookup, templates and the per-site rate limiter and circuit breaker. Not a promised API.
 */
package com.axcient.connectwise.integration.ticketing.internal;
