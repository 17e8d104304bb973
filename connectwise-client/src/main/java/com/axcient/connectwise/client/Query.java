package com.axcient.connectwise.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to list: conditions, child and custom-field conditions, sort order, the properties to
 * return, the page size and the paging mode.
 *
 * <pre>{@code
 * Query query = Query.builder()
 *     .conditions(Conditions.field("board/id").eq(5))
 *     .orderBy("id", Query.Direction.ASC)
 *     .fields("id", "summary", "status/name")
 *     .build();
 * }</pre>
 *
 * <p>Lists are fetched lazily, one page at a time, with pages of {@value #DEFAULT_PAGE_SIZE}
 * records unless {@link Builder#pageSize(int)} says otherwise; ConnectWise caps a page at
 * {@value #MAX_PAGE_SIZE}. Instances are immutable.
 */
public final class Query {

  /** The largest page ConnectWise returns; larger page sizes are lowered to it. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** The page size the client asks for when a query sets none. */
  public static final int DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;

  private static final Query ALL = builder().build();

  /** Sort direction of an {@code orderBy} entry. */
  public enum Direction {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC
  }

  private final Conditions conditions;
  private final Conditions childConditions;
  private final Conditions customFieldConditions;
  private final List<String> orderBy;
  private final List<String> fields;
  private final int pageSize;
  private final boolean forwardOnly;

  private Query(Builder builder) {
    this.conditions = builder.conditions;
    this.childConditions = builder.childConditions;
    this.customFieldConditions = builder.customFieldConditions;
    this.orderBy = List.copyOf(builder.orderBy);
    this.fields = List.copyOf(builder.fields);
    this.pageSize = builder.pageSize;
    this.forwardOnly = builder.forwardOnly;
  }

  /** A query for every record. */
  public static Query all() {
    return ALL;
  }

  /** A query for the records that match the conditions. */
  public static Query where(Conditions conditions) {
    return builder().conditions(conditions).build();
  }

  /** A builder for a query. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code conditions} parameter. */
  public Optional<Conditions> conditions() {
    return Optional.ofNullable(conditions);
  }

  /** The {@code childConditions} parameter, on array properties such as {@code types/name}. */
  public Optional<Conditions> childConditions() {
    return Optional.ofNullable(childConditions);
  }

  /** The {@code customFieldConditions} parameter, such as {@code caption="Region"}. */
  public Optional<Conditions> customFieldConditions() {
    return Optional.ofNullable(customFieldConditions);
  }

  /** The {@code orderBy} entries, such as {@code id asc}. */
  public List<String> orderBy() {
    return orderBy;
  }

  /** The properties to return, such as {@code id} and {@code status/name}; empty for all. */
  public List<String> fields() {
    return fields;
  }

  /** The page size asked for, if set. */
  public OptionalInt pageSize() {
    return pageSize == 0 ? OptionalInt.empty() : OptionalInt.of(pageSize);
  }

  /**
   * Whether to use ConnectWise's forward-only paging, which pages by id and stays fast on large
   * tables. Not every endpoint supports it; the list fails with a clear error when one does not.
   */
  public boolean forwardOnly() {
    return forwardOnly;
  }

  /** A builder starting from this query. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.conditions = conditions;
    builder.childConditions = childConditions;
    builder.customFieldConditions = customFieldConditions;
    builder.orderBy.addAll(orderBy);
    builder.fields.addAll(fields);
    builder.pageSize = pageSize;
    builder.forwardOnly = forwardOnly;
    return builder;
  }

  @Override
  public String toString() {
    // Conditions may carry customer data: name only what the query contains.
    return "Query{conditions="
        + (conditions != null)
        + ", orderBy="
        + orderBy
        + ", fields="
        + fields
        + ", pageSize="
        + pageSize()
        + ", forwardOnly="
        + forwardOnly
        + "}";
  }

  /** Builds a {@link Query}. */
  public static final class Builder {
    private Conditions conditions;
    private Conditions childConditions;
    private Conditions customFieldConditions;
    private final List<String> orderBy = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private int pageSize;
    private boolean forwardOnly;

    private Builder() {}

    /** Sets the {@code conditions} parameter. */
    public Builder conditions(Conditions conditions) {
      this.conditions = Objects.requireNonNull(conditions, "conditions");
      return this;
    }

    /** Sets the {@code childConditions} parameter. */
    public Builder childConditions(Conditions childConditions) {
      this.childConditions = Objects.requireNonNull(childConditions, "childConditions");
      return this;
    }

    /** Sets the {@code customFieldConditions} parameter. */
    public Builder customFieldConditions(Conditions customFieldConditions) {
      this.customFieldConditions =
          Objects.requireNonNull(customFieldConditions, "customFieldConditions");
      return this;
    }

    /** Adds a sort key; the first added sorts first. */
    public Builder orderBy(String field, Direction direction) {
      Conditions.checkFieldPath(field, "orderBy field");
      orderBy.add(field + " " + direction.name().toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /** Limits the returned properties to these (nested with {@code /}). */
    public Builder fields(String... names) {
      for (String name : names) {
        fields.add(Conditions.checkFieldPath(name, "fields entry"));
      }
      return this;
    }

    /**
     * Records per page, at least 1. Values above {@value Query#MAX_PAGE_SIZE} are lowered to it
     * (with a warning in the log) because ConnectWise never returns more.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Uses forward-only paging (see {@link Query#forwardOnly()}). */
    public Builder forwardOnly(boolean forwardOnly) {
      this.forwardOnly = forwardOnly;
      return this;
    }

    /** The query. */
    public Query build() {
      return new Query(this);
    }
  }
}
