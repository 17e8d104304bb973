package com.axcient.connectwise.testkit;

/** The four access levels of a security-role function; each HTTP method needs one. */
public enum Access {
  /** Read: GET of a list, a record or a count. */
  INQUIRE("Inquire"),
  /** Create: POST. */
  ADD("Add"),
  /** Change: PUT and PATCH. */
  EDIT("Edit"),
  /** Remove: DELETE. */
  DELETE("Delete");

  private final String displayName;

  Access(String displayName) {
    this.displayName = displayName;
  }

  /**
   * The level's name on ConnectWise's role screen.
   *
   * @return e.g. {@code Add}
   */
  public String displayName() {
    return displayName;
  }

  /**
   * The level an HTTP method needs.
   *
   * @param method an HTTP method such as {@code POST}
   * @return the access level
   */
  public static Access forMethod(String method) {
    switch (method) {
      case "POST":
        return ADD;
      case "PUT":
      case "PATCH":
        return EDIT;
      case "DELETE":
        return DELETE;
      default:
        return INQUIRE;
    }
  }
}
