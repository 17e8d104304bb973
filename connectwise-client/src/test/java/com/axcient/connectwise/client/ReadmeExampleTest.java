package com.axcient.connectwise.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.model.BoardStatus;
import com.axcient.connectwise.client.model.Reference;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's client examples are the code between the {@code readme:start} and
 * {@code readme:end} markers below: compiled, run (against the simulator where they need a
 * site), and required to appear in README.md exactly, so that the README cannot rot.
 */
class ReadmeExampleTest {

  private static final Path README = Path.of("../README.md");
  private static final Path SOURCE =
      Path.of("src/test/java/com/axcient/connectwise/client/ReadmeExampleTest.java");

  @Test
  void buildsAClientWithoutSendingAnything() {
    String publicKey = "Pub1Key2Abc";
    String privateKey = "Priv9Key8Xyz";
    String clientId = "3f0a6a51-7c1e-4f55-9d1f-0b8c7f3d2e10";

    // readme:start
    ConnectWiseClient client = ConnectWiseClient.builder()
        .site("na.myconnectwise.net")          // becomes api-na.myconnectwise.net
        .companyId("acme")                     // the company typed on the login screen
        .publicKey(publicKey)                  // the API member's keys
        .privateKey(Secret.of(privateKey))
        .clientId(clientId)                    // your product's ConnectWise client ID
        .build();                              // no request yet: the codebase is found on first use
    // readme:end

    try (client) {
      assertThat(client.siteUrl()).isEqualTo("https://api-na.myconnectwise.net/");
      assertThat(client.companyId()).isEqualTo("acme");
    }
  }

  @Test
  void readsAndWritesRecords() {
    try (ConnectWiseSimulator cw = ConnectWiseSimulator.builder().build().start();
        ConnectWiseClient client = SimulatorClients.client(cw)) {
      // readme:start
      // Open tickets on board 1, fetched lazily in pages of 1000.
      List<String> summaries = client.tickets()
          .list(Query.where(Conditions.field("board/id").eq(1)
              .and(Conditions.field("closedFlag").eq(false))))
          .map(ticket -> ticket.summary().orElse(""))
          .collect(Collectors.toList());

      // Create a ticket, then close it: a PATCH to the board's "Completed" status.
      Ticket created = client.tickets().create(Ticket.builder()
          .summary("Backup failed on FS01")
          .board(Reference.of(1))
          .company(Reference.of(250))
          .build());
      BoardStatus completed = client.boardStatuses(1)
          .list(Query.where(Conditions.field("name").eq("Completed")))
          .findFirst()
          .orElseThrow();
      client.tickets().patch(created.id().getAsLong(),
          PatchOperation.replace("status", Reference.of(completed.id().getAsLong())));
      // readme:end

      assertThat(summaries).contains("Backup failed on ACME-FS01");
      Ticket closed = client.tickets().get(created.id().getAsLong());
      assertThat(closed.status().map(Reference::id)).hasValue(completed.id().getAsLong());
      assertThat(closed.closedFlag()).hasValue(true);
    }
  }

  @Test
  void theReadmeShowsExactlyTheseExamples() throws IOException {
    String readme = Files.readString(README);
    List<String> snippets = snippets(Files.readAllLines(SOURCE));

    assertThat(snippets).hasSize(2);
    for (String snippet : snippets) {
      assertThat(readme).contains("```java\n" + snippet + "```\n");
    }
  }

  /** The code between the markers, without the indentation it has in this file. */
  private static List<String> snippets(List<String> lines) {
    List<String> snippets = new ArrayList<>();
    List<String> current = null;
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.equals("// readme:start")) {
        current = new ArrayList<>();
      } else if (stripped.equals("// readme:end") && current != null) {
        int indent =
            current.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder snippet = new StringBuilder();
        for (String code : current) {
          snippet.append(code.isBlank() ? "" : code.substring(indent)).append('\n');
        }
        snippets.add(snippet.toString());
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return snippets;
  }
}
