package com.axcient.connectwise.client;

/**
 * HTTP 403: the credentials are valid but the API member's security role lacks the permission
 * this request needs. Grant it in ConnectWise under System › Security Roles.
 */
public class PermissionException extends ConnectWiseException {

  private static final long serialVersionUID = 1L;

  /** An error with the given explanation and context. */
  public PermissionException(String explanation, ErrorContext context) {
    super(explanation, context);
  }

  /** An error with the given explanation, context and cause. */
  public PermissionException(String explanation, ErrorContext context, Throwable cause) {
    super(explanation, context, cause);
  }
}
