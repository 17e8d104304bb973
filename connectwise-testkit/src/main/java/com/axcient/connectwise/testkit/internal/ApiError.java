package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A ConnectWise error answer: an HTTP status and the body {@code {code, message, errors[]}}.
 * Thrown inside the simulator wherever a request is refused, turned into a response at the edge.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<FieldProblem> errors;

  /** An error without field errors. */
  public ApiError(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  /** An error with field errors. */
  public ApiError(int status, String code, String message, List<FieldProblem> errors) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  /** 400 {@code InvalidObject} for a record, with its field errors. */
  public static ApiError invalid(String resource, List<FieldProblem> errors) {
    return new ApiError(400, "InvalidObject", resource + " object is invalid", errors);
  }

  /** 400 {@code InvalidObject} for a record with one field error. */
  public static ApiError invalidField(String resource, String field, String code, String message) {
    List<FieldProblem> errors = new ArrayList<>();
    errors.add(new FieldProblem(code, message, resource, field));
    return invalid(resource, errors);
  }

  /** 400 for a request that cannot be understood, such as a malformed query parameter. */
  public static ApiError badRequest(String message) {
    return new ApiError(400, "InvalidObject", message);
  }

  /** 404 with ConnectWise's JSON body: the record does not exist. */
  public static ApiError notFound(String message) {
    return new ApiError(404, "NotFound", message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** ConnectWise's error code, e.g. {@code InvalidObject}. */
  public String code() {
    return code;
  }

  /** The JSON body ConnectWise sends for this error. */
  public ObjectNode body() {
    ObjectNode body = Json.object();
    body.put("code", code);
    body.put("message", getMessage());
    if (!errors.isEmpty()) {
      ArrayNode list = body.putArray("errors");
      for (FieldProblem e : errors) {
        ObjectNode item = list.addObject();
        item.put("code", e.code());
        item.put("message", e.message());
        item.put("resource", e.resource());
        item.put("field", e.field());
      }
    }
    return body;
  }

  /** One entry of {@code errors[]}. */
  public static final class FieldProblem {
    private final String code;
    private final String message;
    private final String resource;
    private final String field;

    /** A field error. */
    public FieldProblem(String code, String message, String resource, String field) {
      this.code = code;
      this.message = message;
      this.resource = resource;
      this.field = field;
    }

    /** The error code, e.g. {@code MissingRequiredField}. */
    public String code() {
      return code;
    }

    /** The message. */
    public String message() {
      return message;
    }

    /** The resource name, e.g. {@code ticket}. */
    public String resource() {
      return resource;
    }

    /** The field name. */
    public String field() {
      return field;
    }
  }
}
