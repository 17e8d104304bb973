/**
 * Checks that a product can work with a ConnectWise site: the test connection behind a settings
 * page's "Test connection" button ({@link
 * com.axcient.connectwise.integration.core.diagnostics.ConnectionTest}), saving settings only after
 * they pass it ({@link com.axcient.connectwise.integration.core.diagnostics.SettingsSaver}), and the
 * setup check of what the ConnectWise side must have ({@link
 * com.axcient.connectwise.integration.core.diagnostics.SetupCheck}).
 *
 * <p>Every result names what was checked, how it went and, when something is wrong, the fix in the
 * words of ConnectWise's own screens. No result ever contains the private key.
 */
package com.axcient.connectwise.integration.core.diagnostics;
