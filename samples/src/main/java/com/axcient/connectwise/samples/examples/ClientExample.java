package com.axcient.connectwise.samples.examples;

import com.axcient.connectwise.client.Conditions;
import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.Query;
import com.axcient.connectwise.client.model.SystemInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The client on its own: connect, read the server version, list the active service boards, count
 * the open tickets, and see a typed error. It only reads, so it is safe on a real site.
 *
 * <p>Run it with {@code java -cp samples/target/connectwise-samples.jar
 * com.axcient.connectwise.samples.examples.ClientExample [site]}; see {@link ExampleSite}.
 */
public final class ClientExample {

  private ClientExample() {}

  /**
   * Runs the example.
   *
   * @param args nothing (a simulator is started), or the ConnectWise site
   */
  public static void main(String[] args) {
    ExampleSite.runOrExit(() -> run(args));
  }

  /** Runs the example; a wrong setting is thrown, for {@link #main} to print in one line. */
  static void run(String[] args) {
    try (ExampleSite site = ExampleSite.from(args)) {
      System.out.println("Connecting to " + site);
      // docs:start client-build
      ConnectWiseClient client = ConnectWiseClient.builder()
          .site(site.url())                       // na.myconnectwise.net, cw.example.com, ...
          .companyId(site.companyId())
          .publicKey(site.publicKey())
          .privateKey(site.privateKey())          // a Secret: never printed or logged
          .clientId(site.clientId())              // the product's registered client ID
          .allowInsecureHttp(site.isLocal())      // only a local simulator speaks plain http
          .build();
      // docs:end
      try (client) {
        // docs:start client-read
        SystemInfo info = client.systemInfo();
        System.out.println("ConnectWise " + info.version().orElse("(version not shown)")
            + (info.isCloud().orElse(false) ? " in ConnectWise's cloud" : " on its own server"));

        List<String> boards = client.boards()
            .list(Query.where(Conditions.field("inactiveFlag").eq(false)))
            .map(board -> board.name().orElse("#" + board.id().getAsLong()))
            .collect(Collectors.toList());
        System.out.println("Active service boards: " + String.join(", ", boards));

        long open = client.tickets().count(Conditions.field("closedFlag").eq(false));
        System.out.println("Open service tickets: " + open);
        // docs:end

        // docs:start client-error
        try {
          client.tickets().get(999_999_999L);
        } catch (NotFoundException e) {
          // Every ConnectWiseException carries the method, path, status and request id.
          System.out.println("No ticket 999999999: " + e.method() + " " + e.path() + " answered "
              + e.status().orElse(0));
        }
        // docs:end
      }
    }
  }
}
