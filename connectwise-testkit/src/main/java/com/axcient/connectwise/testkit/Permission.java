package com.axcient.connectwise.testkit;

/**
 * The security-role functions the simulated resources are guarded by, named as ConnectWise's
 * security role screen names them (module › function). Each resource needs one of these with
 * the {@link Access} that matches the HTTP method.
 */
public enum Permission {
  /** Service Desk › Service Tickets: tickets and their notes. */
  SERVICE_TICKETS("Service Desk", "Service Tickets"),
  /** System › Table Setup: boards and their statuses, teams, types, subtypes and items; priorities; company statuses. */
  TABLE_SETUP("System", "Table Setup"),
  /** System › Member Maintenance: members and security roles. */
  MEMBER_MAINTENANCE("System", "Member Maintenance"),
  /** System › Manage Callbacks: callback registrations. */
  MANAGE_CALLBACKS("System", "Manage Callbacks"),
  /** Companies › Company Maintenance: companies. */
  COMPANY_MAINTENANCE("Companies", "Company Maintenance"),
  /** Finance › Agreements: agreements and their additions. */
  AGREEMENTS("Finance", "Agreements"),
  /** Procurement › Product Catalog: catalog items. */
  PRODUCT_CATALOG("Procurement", "Product Catalog");

  private final String module;
  private final String function;

  Permission(String module, String function) {
    this.module = module;
    this.function = function;
  }

  /**
   * The module, as ConnectWise's role screen shows it.
   *
   * @return e.g. {@code Service Desk}
   */
  public String module() {
    return module;
  }

  /**
   * The function within the module.
   *
   * @return e.g. {@code Service Tickets}
   */
  public String function() {
    return function;
  }

  /**
   * How ConnectWise writes the path to this function.
   *
   * @return e.g. {@code Service Desk › Service Tickets}
   */
  public String displayName() {
    return module + " › " + function;
  }
}
