package com.axcient.connectwise.integration.core.diagnostics;

import com.axcient.connectwise.integration.core.settings.PsaSettings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Test &amp; Save for a settings page: new settings are stored only after they pass the test
 * connection, so a typing mistake never replaces settings that work. A user who knows better (for
 * example while ConnectWise is down for maintenance) can save without testing.
 *
 * <pre>{@code
 * SettingsSaver saver = new SettingsSaver(
 *     ConnectionTest.forClientId(PRODUCT_CLIENT_ID).withFeatures(EnumSet.of(Feature.TICKETING)),
 *     settingsRepository::save);
 * ConnectionReport report = saver.testAndSave(entered);
 * if (!report.passed()) {
 *   showReport(report);            // the stored settings are unchanged
 * }
 * }</pre>
 */
public final class SettingsSaver {

  private final ConnectionTest test;
  private final Consumer<PsaSettings> store;

  /**
   * A saver.
   *
   * @param test the test new settings must pass
   * @param store stores settings, replacing the current ones; called only with settings to keep
   */
  public SettingsSaver(ConnectionTest test, Consumer<PsaSettings> store) {
    this.test = Objects.requireNonNull(test, "test");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Tests the settings and stores them if, and only if, the test passed; otherwise the stored
   * settings stay as they were.
   *
   * @param settings the settings entered
   * @return the test's report; the settings were stored exactly when {@link
   *     ConnectionReport#passed()} is true
   */
  public ConnectionReport testAndSave(PsaSettings settings) {
    Objects.requireNonNull(settings, "settings");
    ConnectionReport report = test.run(settings);
    if (report.passed()) {
      store.accept(settings);
    }
    return report;
  }

  /**
   * Stores the settings without testing them, at the user's explicit request.
   *
   * @param settings the settings entered
   */
  public void saveWithoutTesting(PsaSettings settings) {
    store.accept(Objects.requireNonNull(settings, "settings"));
  }
}
