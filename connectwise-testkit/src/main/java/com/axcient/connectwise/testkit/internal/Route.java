package com.axcient.connectwise.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where an API path points: a collection, its {@code /count}, one record, or a member by
 * identifier.
 *
 * @param kind the kind of record
 * @param parentId the parent record's id for a child collection, else -1
 * @param id the record id, or -1 for the collection
 * @param count true for {@code /count}
 * @param memberIdentifier the identifier in {@code /system/members/{identifier}}, or null
 */
public record Route(Kind kind, long parentId, long id, boolean count, String memberIdentifier) {

  private static final List<Kind> TOP_LEVEL = topLevel();

  private static List<Kind> topLevel() {
    List<Kind> kinds = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      if (kind.parent() == null) {
        kinds.add(kind);
      }
    }
    // Longest first, so /company/companies/statuses wins over /company/companies/{id}.
    kinds.sort(Comparator.comparingInt((Kind k) -> k.path().length()).reversed());
    return kinds;
  }

  /** True for a collection (list or create). */
  public boolean isCollection() {
    return id < 0 && !count && memberIdentifier == null;
  }

  /** The route of an API path; a 404 {@link ApiError} when nothing is there. */
  public static Route parse(String apiPath) {
    String path = apiPath.endsWith("/") && apiPath.length() > 1
        ? apiPath.substring(0, apiPath.length() - 1) : apiPath;
    for (Kind kind : TOP_LEVEL) {
      if (path.equalsIgnoreCase(kind.path())) {
        return new Route(kind, -1, -1, false, null);
      }
      if (path.regionMatches(true, 0, kind.path() + "/", 0, kind.path().length() + 1)) {
        String[] rest = path.substring(kind.path().length() + 1).split("/");
        Route route = below(kind, rest);
        if (route != null) {
          return route;
        }
        break;
      }
    }
    throw ApiError.notFound("No resource matches " + apiPath + ".");
  }

  private static Route below(Kind kind, String[] rest) {
    if (rest.length == 1) {
      if (rest[0].equalsIgnoreCase("count")) {
        return new Route(kind, -1, -1, true, null);
      }
      long id = number(rest[0]);
      if (id >= 0) {
        return new Route(kind, -1, id, false, null);
      }
      return kind == Kind.MEMBER ? new Route(kind, -1, -1, false, rest[0]) : null;
    }
    long parentId = number(rest[0]);
    if (parentId < 0 || rest.length > 3) {
      return null;
    }
    Kind child = Arrays.stream(Kind.values())
        .filter(k -> k.parent() == kind && k.path().equalsIgnoreCase(rest[1]))
        .findFirst()
        .orElse(null);
    if (child == null) {
      return null;
    }
    if (rest.length == 2) {
      return new Route(child, parentId, -1, false, null);
    }
    if (rest[2].equalsIgnoreCase("count")) {
      return new Route(child, parentId, -1, true, null);
    }
    long id = number(rest[2]);
    return id >= 0 ? new Route(child, parentId, id, false, null) : null;
  }

  private static long number(String segment) {
    if (segment.isEmpty() || segment.length() > 10 || !segment.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long value = Long.parseLong(segment);
    return value <= Integer.MAX_VALUE ? value : -1;
  }
}
