/**
 * The global policy: settings defined once for many devices, merged with each device's own into
 * {@link com.axcient.connectwise.integration.core.policy.EffectiveSettings} that show where each
 * value came from, and kept up to date by {@link
 * com.axcient.connectwise.integration.core.policy.PolicySync}.
 */
package com.axcient.connectwise.integration.core.policy;
