package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import java.util.List;

/**
 * Told by {@link PolicySync} when a device's effective settings change, and when a changed policy
 * was refused. Called on the thread that ran the sync, one call at a time; a listener that throws
 * is logged and does not stop the others.
 */
public interface PolicyListener {

  /** The effective settings changed (a new policy was applied, or the device's settings changed). */
  void effectiveSettingsChanged(EffectiveSettings effective);

  /**
   * A changed policy failed validation and was not applied; the last good policy stays in force.
   * Called once per refused version.
   */
  default void policyRejected(String version, List<SettingsProblem> problems) {}
}
