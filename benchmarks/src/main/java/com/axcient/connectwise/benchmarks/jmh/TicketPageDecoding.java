package com.axcient.connectwise.benchmarks.jmh;

import com.axcient.connectwise.client.ConnectWiseJson;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one page of 1000 tickets, as the simulator serves it: into the client's typed {@link
 * Ticket} records with the client's mapper, against Jackson's tree model (the baseline of the
 * listing scenario). The page is fetched once in the setup; only decoding is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TicketPageDecoding {

  private byte[] page;
  private ObjectMapper clientMapper;
  private JavaType ticketList;
  private ObjectMapper plainMapper;

  /**
   * Seeds 1000 tickets into a simulator and keeps the bytes of the page that lists them.
   *
   * @throws IOException when the simulator cannot be read
   */
  @Setup
  public void fetchPage() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start()) {
      for (int i = 0; i < 1000; i++) {
        ObjectNode ticket = json.createObjectNode();
        ticket.put("summary", "Backup failed on APPLIANCE-" + (i % 97) + " for volume " + i);
        ticket.putObject("board").put("id", 1);
        ticket.putObject("company").put("id", 250 + (i % 3));
        ticket.put("externalXRef", "cwsync:bench:alert-" + i + ":1");
        cw.data().create("/service/tickets", ticket);
      }
      Request request = new Request.Builder()
          .url(cw.apiUrl() + "/service/tickets?pageSize=1000")
          .header("Authorization", cw.authorizationHeader())
          .header("clientId", cw.clientId())
          .build();
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        page = response.body().bytes();
      }
    }
    clientMapper = ConnectWiseJson.newObjectMapper();
    ticketList = clientMapper.getTypeFactory().constructCollectionType(List.class, Ticket.class);
    plainMapper = new ObjectMapper();
  }

  /**
   * The page into typed tickets, as {@code client.tickets().list()} decodes it.
   *
   * @return the tickets, so the work is not optimised away
   * @throws IOException never, the page is valid
   */
  @Benchmark
  public List<Ticket> typedTickets() throws IOException {
    return clientMapper.readValue(page, ticketList);
  }

  /**
   * The page into a {@code JsonNode}, as the baseline decodes it.
   *
   * @return the tree
   * @throws IOException never, the page is valid
   */
  @Benchmark
  public JsonNode jsonTree() throws IOException {
    return plainMapper.readTree(page);
  }
}
