package com.axcient.connectwise.client;

import com.axcient.connectwise.client.internal.ApiRequest;
import com.axcient.connectwise.client.internal.HttpEngine;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Set;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kind of ConnectWise record that can be read: get one by id, list (lazily, page by page) and
 * count. Obtained from {@link ConnectWiseClient}, such as {@code client.boards()}.
 *
 * @param <T> the record type
 */
public class ReadOnlyResource<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyResource.class);
  private static final String FORWARD_ONLY_HEADER = "pagination-type";

  final HttpEngine engine;
  final String path;
  final JavaType type;

  ReadOnlyResource(HttpEngine engine, String path, Class<T> type) {
    this.engine = engine;
    this.path = path;
    this.type = engine.mapper().constructType(type);
  }

  /** The resource's path below the API root, such as {@code /service/boards}. */
  public String path() {
    return path;
  }

  /**
   * The record with this id.
   *
   * @throws NotFoundException if there is none
   * @throws ConnectWiseException for any other failure
   */
  public T get(long id) {
    return engine.call(ApiRequest.get(path + "/" + id), type);
  }

  /** The same as {@link #get(long)} without blocking; fails with the same exceptions. */
  public CompletableFuture<T> getAsync(long id) {
    return engine.callAsync(ApiRequest.get(path + "/" + id), type);
  }

  /** Every record, fetched lazily page by page as the stream is consumed. */
  public Stream<T> list() {
    return list(Query.all());
  }

  /**
   * The records that match the query, fetched lazily page by page as the stream is consumed,
   * following ConnectWise's {@code Link: rel="next"} header. Only one page is held in memory at a
   * time. A failing page throws its {@link ConnectWiseException} from the stream operation that
   * needed it; a next link to a page already read throws {@link InvalidResponseException} rather
   * than repeat its records.
   */
  public Stream<T> list(Query query) {
    Iterator<T> records = new PageIterator(query);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** How many records there are. */
  public long count() {
    return countOf(countRequest(null));
  }

  /** How many records match the conditions. */
  public long count(Conditions conditions) {
    return countOf(countRequest(conditions));
  }

  /** The same as {@link #count(Conditions)} without blocking. */
  public CompletableFuture<Long> countAsync(Conditions conditions) {
    return engine
        .<JsonNode>callAsync(countRequest(conditions), engine.mapper().constructType(JsonNode.class))
        .thenApply(this::countValue);
  }

  private ApiRequest countRequest(Conditions conditions) {
    ApiRequest request = ApiRequest.get(path + "/count");
    if (conditions != null) {
      request.query("conditions", conditions.render());
    }
    return request;
  }

  private long countOf(ApiRequest request) {
    return countValue(engine.call(request, engine.mapper().constructType(JsonNode.class)));
  }

  private long countValue(JsonNode answer) {
    JsonNode count = answer == null ? null : answer.get("count");
    if (count == null || !count.canConvertToLong()) {
      throw new InvalidResponseException(
          "ConnectWise's count answer has no number",
          ErrorContext.builder("GET", path + "/count").status(200).build());
    }
    return count.asLong();
  }

  /** Walks the pages of one list request. */
  private final class PageIterator implements Iterator<T> {
    private final Query query;
    private final int pageSize;
    private ApiRequest nextRequest;
    private int pageNumber = 1;
    private Iterator<T> current = List.<T>of().iterator();
    /** The pages read so far, as {@link #pageKey} strings: a next link back to one is a loop. */
    private final Set<String> pagesRead = new HashSet<>();
    private InvalidResponseException repeatedPage;

    PageIterator(Query query) {
      this.query = query;
      int requested = query.pageSize().orElse(Query.DEFAULT_PAGE_SIZE);
      if (requested > Query.MAX_PAGE_SIZE) {
        LOG.warn(
            "Page size {} lowered to {} for {}: ConnectWise never returns more per page",
            requested,
            Query.MAX_PAGE_SIZE,
            path);
      }
      this.pageSize = Math.min(requested, Query.MAX_PAGE_SIZE);
      this.nextRequest = numberedPage(1);
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && nextRequest != null) {
        fetch();
      }
      if (!current.hasNext() && repeatedPage != null) {
        throw repeatedPage;
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    private void fetch() {
      HttpEngine.Page<T> page = engine.page(nextRequest, type);
      current = page.items().iterator();
      pagesRead.add(pageKey(page.url()));
      HttpUrl next = page.next();
      if (next != null) {
        if (pagesRead.contains(pageKey(next))) {
          // This page's records are new; the failure comes when the stream asks for more.
          nextRequest = null;
          repeatedPage = new InvalidResponseException(
              "ConnectWise's next-page link for "
                  + path
                  + " repeats a page already read; the list was stopped instead of returning the"
                  + " same records again",
              ErrorContext.builder("GET", path).status(200).build());
          return;
        }
        nextRequest = withPaging(ApiRequest.get(next, path));
        pageNumber++;
      } else if (!page.hadLinkHeader() && page.items().size() >= pageSize) {
        if (query.forwardOnly()) {
          throw new ConnectWiseException(
              "ConnectWise sent a full page without a next-page link in forward-only mode: "
                  + path
                  + " probably does not support forward-only paging; list it without forwardOnly",
              ErrorContext.builder("GET", path).status(200).build());
        }
        // Without a Link header a full page may not be the last one: ask for the next by number.
        nextRequest = numberedPage(++pageNumber);
      } else {
        nextRequest = null;
      }
    }

    /**
     * The page's address with its query parameters in a fixed order, so that a link naming the
     * same page with its parameters in another order or differently escaped is still recognised.
     * Names and values are length-prefixed so that decoded {@code &} or {@code =} cannot make two
     * pages look alike.
     */
    private String pageKey(HttpUrl url) {
      StringBuilder key = new StringBuilder(url.newBuilder().query(null).build().toString());
      url.queryParameterNames().stream()
          .sorted()
          .forEach(
              name ->
                  url.queryParameterValues(name)
                      .forEach(
                          value ->
                              key.append('&').append(name.length()).append(':').append(name)
                                  .append('=').append(value == null ? -1 : value.length())
                                  .append(':').append(value == null ? "" : value)));
      return key.toString();
    }

    private ApiRequest numberedPage(int number) {
      ApiRequest request = ApiRequest.get(path);
      query.conditions().ifPresent(c -> request.query("conditions", c.render()));
      query.childConditions().ifPresent(c -> request.query("childConditions", c.render()));
      query
          .customFieldConditions()
          .ifPresent(c -> request.query("customFieldConditions", c.render()));
      if (!query.orderBy().isEmpty()) {
        request.query("orderBy", String.join(",", query.orderBy()));
      }
      if (!query.fields().isEmpty()) {
        request.query("fields", query.fields().stream().collect(Collectors.joining(",")));
      }
      request.query("pageSize", Integer.toString(pageSize));
      if (!query.forwardOnly()) {
        request.query("page", Integer.toString(number));
      }
      return withPaging(request);
    }

    private ApiRequest withPaging(ApiRequest request) {
      return query.forwardOnly() ? request.header(FORWARD_ONLY_HEADER, "forward-only") : request;
    }
  }
}
