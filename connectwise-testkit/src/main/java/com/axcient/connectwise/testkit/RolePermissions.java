package com.axcient.connectwise.testkit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permissions of one simulated security role. Every role starts with every {@link Access}
 * on every {@link Permission}; narrow it to see how an integration copes with a role that lacks
 * a right, e.g. {@code simulator.apiMemberRole().revoke(Permission.SERVICE_TICKETS, Access.ADD)}.
 * A request the role does not allow is answered 403. Members sharing a role share its changes.
 */
public final class RolePermissions {

  private final long roleId;
  private final String roleName;
  private final Map<Permission, Set<Access>> granted = new EnumMap<>(Permission.class);

  RolePermissions(long roleId, String roleName) {
    this.roleId = roleId;
    this.roleName = roleName;
    grantAll();
  }

  /**
   * The role's record id at {@code /system/securityroles}.
   *
   * @return the id
   */
  public long roleId() {
    return roleId;
  }

  /**
   * The role's name.
   *
   * @return e.g. {@code API Integration}
   */
  public String roleName() {
    return roleName;
  }

  /**
   * Removes access levels from a function.
   *
   * @param permission the function
   * @param levels the levels to remove; none means all four
   * @return this role
   */
  public synchronized RolePermissions revoke(Permission permission, Access... levels) {
    Set<Access> set = granted.get(permission);
    if (levels.length == 0) {
      set.clear();
    }
    for (Access level : levels) {
      set.remove(level);
    }
    return this;
  }

  /**
   * Gives access levels on a function back.
   *
   * @param permission the function
   * @param levels the levels to add; none means all four
   * @return this role
   */
  public synchronized RolePermissions grant(Permission permission, Access... levels) {
    Set<Access> set = granted.get(permission);
    if (levels.length == 0) {
      set.addAll(EnumSet.allOf(Access.class));
    }
    for (Access level : levels) {
      set.add(level);
    }
    return this;
  }

  /**
   * Restores every level on every function.
   *
   * @return this role
   */
  public synchronized RolePermissions grantAll() {
    for (Permission permission : Permission.values()) {
      granted.put(permission, EnumSet.allOf(Access.class));
    }
    return this;
  }

  /**
   * Whether the role allows a level on a function.
   *
   * @param permission the function
   * @param level the level
   * @return true when allowed
   */
  public synchronized boolean allows(Permission permission, Access level) {
    return granted.get(permission).contains(level);
  }

  @Override
  public synchronized String toString() {
    return "RolePermissions[" + roleName + " " + granted + "]";
  }
}
