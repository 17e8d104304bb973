package com.axcient.connectwise.integration.core.policy;

/** Where an effective setting's value came from. */
public enum Source {
  /** The global policy, which the device inherits. */
  POLICY,
  /** The device's own settings. */
  DEVICE,
  /** Neither sets it: the built-in default applies (which may be no value at all). */
  DEFAULT
}
