package com.axcient.connectwise.integration.ticketing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What kind of alert an event is about, such as a failed backup. The set is open: a product may
 * use its own classes next to the well-known constants. Rules are chosen by event class.
 *
 * @param name the class's name: 1 to 64 upper-case letters, digits and {@code _}, such as {@code
 *     BACKUP_FAILED}
 */
public record EventClass(String name) {

  // First: the constants below are checked against it as they are created.
  private static final Pattern NAME = Pattern.compile("[A-Z0-9_]{1,64}");

  /** A backup of a protected system failed. */
  public static final EventClass BACKUP_FAILED = new EventClass("BACKUP_FAILED");

  /** A scheduled backup did not run. */
  public static final EventClass BACKUP_MISSED = new EventClass("BACKUP_MISSED");

  /** Replication to a vault failed. */
  public static final EventClass REPLICATION_FAILED = new EventClass("REPLICATION_FAILED");

  /** An appliance stopped reporting. */
  public static final EventClass APPLIANCE_OFFLINE = new EventClass("APPLIANCE_OFFLINE");

  /** A device is running out of disk space. */
  public static final EventClass DISK_SPACE_LOW = new EventClass("DISK_SPACE_LOW");

  /** The screenshot verification of a backup failed. */
  public static final EventClass SCREENSHOT_VERIFICATION_FAILED =
      new EventClass("SCREENSHOT_VERIFICATION_FAILED");

  /**
   * Checks the name.
   *
   * @throws IllegalArgumentException when the name is not 1 to 64 upper-case letters, digits or
   *     {@code _}
   */
  public EventClass {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "eventClass must be 1 to 64 upper-case letters, digits or '_', such as BACKUP_FAILED");
    }
  }

  /**
   * The event class with this name.
   *
   * @param name the name, such as {@code BACKUP_FAILED}
   * @return the event class
   */
  public static EventClass of(String name) {
    return new EventClass(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
