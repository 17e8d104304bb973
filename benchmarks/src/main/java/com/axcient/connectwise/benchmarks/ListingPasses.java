package com.axcient.connectwise.benchmarks;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseJson;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.model.Ticket;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;

/**
 * One pass over every ticket, four ways: through the client (typed records); through plain OkHttp
 * and Jackson into a {@code JsonNode} (the baseline); through plain OkHttp into the client's typed
 * records (decoding without the client's pipeline); and reading the bytes only (what the server
 * and the wire cost by themselves). All of them follow the same pages the server links.
 */
final class ListingPasses {

  /** The page size asked for; ConnectWise's maximum. */
  static final int PAGE_SIZE = 1000;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

  /**
   * What one pass did and cost. The CPU time is the calling thread's: OkHttp reads and decodes
   * synchronous calls on the caller's thread, so it is the client side's work without the server's.
   */
  record Pass(long records, long checksum, long wallNanos, long cpuNanos) {}

  private final OkHttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectMapper typedMapper = ConnectWiseJson.newObjectMapper();
  private final JavaType ticketList =
      typedMapper.getTypeFactory().constructCollectionType(List.class, Ticket.class);
  private final HttpUrl firstPage;
  private final String authorization;
  private final String clientId;

  /** Passes for the baseline and the bytes-only floor, with the credentials sent as headers. */
  ListingPasses(String apiUrl, String authorization, String clientId) {
    this.http = new OkHttpClient();
    this.firstPage =
        HttpUrl.get(apiUrl + "/service/tickets").newBuilder()
            .addQueryParameter("pageSize", Integer.toString(PAGE_SIZE))
            .addQueryParameter("page", "1")
            .build();
    this.authorization = authorization;
    this.clientId = clientId;
  }

  /** Every ticket through {@code client.tickets().list(...)}. */
  static Pass client(ConnectWiseClient client) {
    return client(client, Long.MAX_VALUE);
  }

  /** The first {@code limit} tickets through {@code client.tickets().list(...)}. */
  static Pass client(ConnectWiseClient client, long limit) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long[] seen = new long[2];
    client.tickets().list(Query.builder().pageSize(PAGE_SIZE).build()).limit(limit).forEach(ticket -> {
      seen[0]++;
      seen[1] += ticket.id().orElse(0) + ticket.summary().map(String::length).orElse(0);
    });
    return new Pass(seen[0], seen[1], System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  /** Every ticket through plain OkHttp and Jackson's tree model. */
  Pass baseline() {
    return baseline(Long.MAX_VALUE);
  }

  /** The pages holding the first {@code limit} tickets through plain OkHttp and Jackson. */
  Pass baseline(long limit) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long records = 0;
    long checksum = 0;
    HttpUrl url = firstPage;
    while (url != null && records < limit) {
      try (Response response = http.newCall(request(url)).execute()) {
        requireOk(response);
        JsonNode page = mapper.readTree(response.body().byteStream());
        for (JsonNode ticket : page) {
          records++;
          checksum += ticket.path("id").asLong() + ticket.path("summary").asText("").length();
        }
        url = next(url, response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Pass(records, checksum, System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  /**
   * Every ticket through plain OkHttp, streamed into the client's typed records with the client's
   * mapper: the client's decoding without its transport pipeline (Retrofit, interceptors, buffering).
   */
  Pass typedOverPlainOkHttp() {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long records = 0;
    long checksum = 0;
    HttpUrl url = firstPage;
    while (url != null) {
      try (Response response = http.newCall(request(url)).execute()) {
        requireOk(response);
        List<Ticket> page = typedMapper.readValue(response.body().byteStream(), ticketList);
        for (Ticket ticket : page) {
          records++;
          checksum += ticket.id().orElse(0) + ticket.summary().map(String::length).orElse(0);
        }
        url = next(url, response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Pass(records, checksum, System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  /** Every page read to the end and thrown away: the server's and the wire's share of a pass. */
  Pass bytesOnly() {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long bytes = 0;
    HttpUrl url = firstPage;
    while (url != null) {
      try (Response response = http.newCall(request(url)).execute()) {
        requireOk(response);
        bytes += response.body().source().readAll(Okio.blackhole());
        url = next(url, response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Pass(0, bytes, System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
  }

  private Request request(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", authorization)
        .header("clientId", clientId)
        .header("Accept", "application/json")
        .build();
  }

  private static void requireOk(Response response) {
    if (!response.isSuccessful()) {
      throw new IllegalStateException("GET " + response.request().url().encodedPath()
          + " answered " + response.code());
    }
  }

  private static HttpUrl next(HttpUrl current, Response response) {
    String next = nextLink(response.header("Link"));
    return next == null ? null : current.resolve(next);
  }

  /** The {@code rel="next"} target of a {@code Link} header, or null. */
  static String nextLink(String linkHeader) {
    if (linkHeader == null) {
      return null;
    }
    Matcher m = NEXT.matcher(linkHeader);
    return m.find() ? m.group(1) : null;
  }
}
