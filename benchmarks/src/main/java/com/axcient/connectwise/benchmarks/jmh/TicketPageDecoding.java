package com.axcient.connectwise.benchmarks.jmh;

import com.axcient.connectwise.client.ConnectWiseJson;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
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
  private ObjectMapper blackbirdMapper;
  private ObjectMapper withoutInfoMapper;

  /** Skips ConnectWise's {@code _info} maps, which the integration never reads. */
  @JsonIgnoreProperties({"_info"})
  private abstract static class WithoutInfo {}

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
    blackbirdMapper = ConnectWiseJson.newObjectMapper().registerModule(new BlackbirdModule());
    withoutInfoMapper = ConnectWiseJson.newObjectMapper();
    try {
      // Immutables reads JSON into these generated holder classes; a mix-in on them skips _info.
      for (String holder : List.of("ImmutableTicket$Json", "ImmutableReference$Json")) {
        withoutInfoMapper.addMixIn(Class.forName(Ticket.class.getPackageName() + "." + holder),
            WithoutInfo.class);
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The client's generated model classes changed", e);
    }
    Ticket first = withoutInfoMapper.<List<Ticket>>readValue(page, ticketList).get(0);
    if (!first.info().isEmpty() || first.board().map(b -> !b.info().isEmpty()).orElse(true)) {
      throw new IllegalStateException("The mix-in no longer skips _info: the variant measures nothing");
    }
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
   * The page into typed tickets with the client's mapper plus Jackson's Blackbird module, which
   * sets properties through generated lambdas instead of reflection: a candidate fix for the
   * client's decoding cost, measured here before it is proposed.
   *
   * @return the tickets
   * @throws IOException never, the page is valid
   */
  @Benchmark
  public List<Ticket> typedTicketsWithBlackbird() throws IOException {
    return blackbirdMapper.readValue(page, ticketList);
  }

  /**
   * The page into typed tickets without the {@code _info} maps (the ticket's and those of its
   * seven or so references): a candidate fix, measured before it is proposed.
   *
   * @return the tickets
   * @throws IOException never, the page is valid
   */
  @Benchmark
  public List<Ticket> typedTicketsWithoutInfoMaps() throws IOException {
    return withoutInfoMapper.readValue(page, ticketList);
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
